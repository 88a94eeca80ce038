import { execFileSync } from 'node:child_process';

/**
 * The e2e servers' ports: free ones, picked once by the Playwright runner and handed to its
 * worker processes through the environment (they load the config again and must agree).
 * Fixed ports would collide with anything else on the machine, such as a second checkout's run.
 */
const ENV_NAME = 'VERSUS_E2E_PORTS';

export interface E2EPorts {
  demo: number;
  live: number;
  standIn: number;
  /** The per-user server and its own stand-in (its request log is not shared with live's). */
  perUser: number;
  perUserStandIn: number;
}

const NAMES = ['demo', 'live', 'standIn', 'perUser', 'perUserStandIn'] as const;

export function e2ePorts(): E2EPorts {
  const known = process.env[ENV_NAME]?.split(',').map(Number) ?? [];
  const ports =
    known.length === NAMES.length && known.every((p) => p > 0) ? known : freePorts(NAMES.length);
  process.env[ENV_NAME] = ports.join(',');
  return Object.fromEntries(NAMES.map((name, i) => [name, ports[i]])) as unknown as E2EPorts;
}

/** `count` distinct ports that were free a moment ago (the config must be synchronous). */
function freePorts(count: number): number[] {
  const script = `
    const net = require('node:net');
    const servers = [];
    let open = ${count};
    for (let i = 0; i < ${count}; i++) {
      const s = net.createServer();
      servers.push(s);
      s.listen(0, '127.0.0.1', () => {
        if (--open > 0) return;
        process.stdout.write(servers.map((x) => x.address().port).join(','));
        for (const x of servers) x.close();
      });
    }`;
  return execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })
    .split(',')
    .map(Number);
}
