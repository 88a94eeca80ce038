import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { createStandIn } from '../server/stand-in';
import type { WorkspaceStore } from '../src/mocks/generator';

/**
 * The bench's servers: the LangSmith stand-in in this process, and `vite preview` in live
 * mode as a child process, proxying `/api/v1/*` to the stand-in like it would to LangSmith.
 * Everything started here is stopped on exit, on errors and on SIGINT/SIGTERM.
 */

export const BENCH_API_KEY = 'bench-key';
const HOST = '127.0.0.1';

type Cleanup = () => void;
const cleanups = new Set<Cleanup>();
let hooksInstalled = false;

function runCleanups(): void {
  for (const cleanup of [...cleanups]) {
    cleanups.delete(cleanup);
    try {
      cleanup();
    } catch {
      // Best effort: the process is going away.
    }
  }
}

/** Kills what was started when the process ends, however it ends. */
function installExitHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.on('exit', runCleanups);
  const codes = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
  for (const signal of Object.keys(codes) as (keyof typeof codes)[]) {
    process.once(signal, () => {
      runCleanups();
      process.exit(codes[signal]);
    });
  }
}

export function onShutdown(cleanup: Cleanup): () => void {
  installExitHooks();
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

export async function stopAll(): Promise<void> {
  runCleanups();
}

/** A port that was free a moment ago (vite preview needs a number up front). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, HOST, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface RunningStandIn {
  server: Server;
  port: number;
  url: string;
  close(): Promise<void>;
}

/** `bytesPerSecond`: large bodies sent at that rate (StandInOptions); 0, as fast as it can. */
export async function startStandIn(
  store: WorkspaceStore,
  bytesPerSecond = 0,
): Promise<RunningStandIn> {
  const { server } = createStandIn({
    store,
    apiKey: BENCH_API_KEY,
    recordLimit: 50,
    replay: true,
    bytesPerSecond,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, HOST, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  const forget = onShutdown(() => {
    server.closeAllConnections();
    server.close();
  });
  return {
    server,
    port,
    url: `http://${HOST}:${port}`,
    close: async () => {
      forget();
      await close();
    },
  };
}

const require = createRequire(import.meta.url);

/** The vite CLI, run with this Node: no npx, no shell, one process to stop. */
function viteBin(): string {
  return join(dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
}

function stopChild(child: ChildProcess): void {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  try {
    // The child leads its own process group: stop it and anything it started.
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    child.kill('SIGTERM');
  }
}

async function waitForExit(child: ChildProcess, ms: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      if (child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
      resolve();
    }, ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Runs `vite build` into `outDir` (outside the repo's dist/, which others may be serving). */
export async function buildApp(
  cwd: string,
  outDir: string,
  extraArgs: readonly string[] = [],
): Promise<void> {
  const child = spawn(
    process.execPath,
    [viteBin(), 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn', ...extraArgs],
    { cwd, stdio: ['ignore', 'inherit', 'inherit'], detached: true },
  );
  const forget = onShutdown(() => stopChild(child));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (c) => resolve(c));
  });
  forget();
  if (code !== 0) throw new Error(`vite build exited with ${code}`);
}

export interface RunningPreview {
  port: number;
  url: string;
  pid: number;
  close(): Promise<void>;
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown = null;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`vite preview exited with ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) {
        await response.arrayBuffer();
        return;
      }
      lastError = new Error(`HTTP ${response.status}`);
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`vite preview did not answer at ${url}: ${String(lastError)}`);
}

/** `vite preview` in live mode against the stand-in, on a free port. */
export async function startPreview(options: {
  cwd: string;
  outDir: string;
  standInUrl: string;
}): Promise<RunningPreview> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      viteBin(),
      'preview',
      '--outDir',
      options.outDir,
      '--host',
      HOST,
      '--port',
      String(port),
      '--strictPort',
    ],
    {
      cwd: options.cwd,
      env: {
        ...process.env,
        LANGSMITH_ENDPOINT: options.standInUrl,
        LANGSMITH_API_KEY: BENCH_API_KEY,
        LANGSMITH_WORKSPACE_ID: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const forget = onShutdown(() => stopChild(child));
  const url = `http://${HOST}:${port}`;
  try {
    await waitForHttp(`${url}/`, child, 30_000);
  } catch (error) {
    stopChild(child);
    forget();
    throw new Error(`${String(error)}\n${output}`);
  }
  return {
    port,
    url,
    pid: child.pid ?? -1,
    close: async () => {
      forget();
      stopChild(child);
      await waitForExit(child, 5_000);
    },
  };
}
