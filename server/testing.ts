import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemoWorkspace } from '../src/mocks/generator';
import { buildServer } from './app.ts';
import { readServerConfig } from './env.ts';
import type { GatewayOptions } from './gateway.ts';
import { createStandIn, type RecordedRequest } from './stand-in';

/** Helpers for the server's tests: a built-app stand-in and a recording upstream. */

export const HASHED_ASSET = 'assets/index-Ab12Cd34.js';

/** A dist/ with the shapes the server treats differently: the page, a hashed asset, a root file. */
export function fakeDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'versus-dist-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><title>Versus</title><div id="root"></div>',
  );
  writeFileSync(join(dir, HASHED_ASSET), `console.log(${JSON.stringify('x'.repeat(4000))});`);
  writeFileSync(join(dir, 'mockServiceWorker.js'), '// worker');
  return dir;
}

export async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

export function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

const store = generateDemoWorkspace();
export const DATASET_ID = store.datasets[0]?.id ?? '';

/** The LangSmith stand-in over the demo data, accepting `keys`, recording what reaches it. */
export async function startStandIn(keys: string[]) {
  const standIn = createStandIn({ store, apiKey: keys });
  const port = await listen(standIn.server);
  return {
    url: `http://127.0.0.1:${port}`,
    requests: standIn.requests as RecordedRequest[],
    close: () => closeServer(standIn.server),
  };
}

export interface LoggedServer {
  port: number;
  origin: string;
  lines: string[];
  close(): Promise<void>;
}

/** The production server (in this process) with the given environment. */
export async function startVersus(
  env: NodeJS.ProcessEnv,
  options: GatewayOptions = {},
): Promise<LoggedServer & Awaited<ReturnType<typeof buildServer>>> {
  const lines: string[] = [];
  const built = await buildServer(readServerConfig(env), {
    distDir: fakeDist(),
    log: (line) => lines.push(line),
    ...options,
  });
  await built.app.listen({ port: 0, host: '127.0.0.1' });
  const port = (built.app.server.address() as AddressInfo).port;
  return {
    ...built,
    port,
    origin: `http://127.0.0.1:${port}`,
    lines,
    close: () => built.app.close(),
  };
}
