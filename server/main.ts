import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildServer } from './app.ts';
import { readServerConfig } from './env.ts';

/**
 * `npm start`: the production server. Bundled by `npm run build` into dist-server/main.js
 * (plain JavaScript: no TypeScript runner at run time). Settings come from the environment;
 * see the README's table.
 */

const DEFAULT_PORT = 4173;
/** Requests in flight get this long to finish after SIGTERM, then the process ends anyway. */
const SHUTDOWN_GRACE_MS = 10_000;

function say(message: string): void {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), message })}\n`);
}

async function main(): Promise<void> {
  const config = readServerConfig();
  for (const warning of config.warnings) say(`warning: ${warning}`);
  if (config.endpointProblem) say(`warning: ${config.endpointProblem}; serving demo data.`);
  if (config.problems.length > 0) {
    for (const problem of config.problems) process.stderr.write(`Versus: ${problem}\n`);
    process.exit(2);
  }
  const port = readPort(process.env.PORT);
  const host = process.env.HOST?.trim() || '127.0.0.1';
  const here = dirname(fileURLToPath(import.meta.url));
  const distDir = resolve(process.env.VERSUS_DIST_DIR?.trim() || resolve(here, '..', 'dist'));

  const { app } = await buildServer(config, { distDir });
  await app.listen({ port, host });
  const source = config.endpoint ? `${config.mode} (${config.endpoint.host})` : 'demo';
  say(`Versus on http://${host.includes(':') ? `[${host}]` : host}:${port}, ${source}`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: finishing requests in flight, then stopping`);
    const force = setTimeout(() => {
      say('requests still open after the grace period: closing them');
      app.server.closeAllConnections();
      process.exit(0);
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

function readPort(value: string | undefined): number {
  if (!value?.trim()) return DEFAULT_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    process.stderr.write(`Versus: PORT must be a port number, not "${value}".\n`);
    process.exit(2);
  }
  return port;
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Versus could not start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
