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
}

export function e2ePorts(): E2EPorts {
  const known = process.env[ENV_NAME];
  if (known) {
    const [demo, live, standIn] = known.split(',').map(Number);
    if (demo && live && standIn) return { demo, live, standIn };
  }
  const [demo, live, standIn] = freePorts(3);
  process.env[ENV_NAME] = [demo, live, standIn].join(',');
  return { demo: demo as number, live: live as number, standIn: standIn as number };
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
