import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import { evaluateBudgets } from './budgets';
import { loadAllSection, withLoadAllBudget } from './load-all-report';
import { cpuBusyShare, waitForQuiet } from './machine-load';
import { proxyBudget, proxySection } from './proxy-report';
import { renderMarkdown } from './report';
import type { BenchResults, BudgetResult, ProxyOverhead } from './results';
import { BENCH_API_KEY, buildApp, freePort, onShutdown, startStandIn, stopAll } from './servers';
import { createBenchStore, type Workload } from './workloads';

/**
 * The production server's proxy on the L response: the same POST timed to its last byte,
 * straight from the stand-in and through `node dist-server/main.js` (its own process, as
 * deployed), pairs interleaved with alternating order so drift in the machine's load falls
 * on both sides alike.
 */

/** "Quiet", as the page bench's --wait-quiet has it: at most this share of the CPUs busy. */
const QUIET_BUSY_SHARE = 0.15;

/** Bundles the production server the way `npm run build` does, into `outFile`. */
export async function buildServerBundle(root: string, outFile: string): Promise<void> {
  await build({
    entryPoints: [join(root, 'server', 'main.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile: outFile,
    logLevel: 'warning',
  });
}

/**
 * Where the bench's server bundle goes: inside node_modules (so its imports of fastify and
 * co. resolve, as ES modules ignore NODE_PATH), not dist-server/, which tests may be running.
 */
export function benchServerFile(root: string): string {
  return join(root, 'node_modules', '.cache', 'versus-bench', `server-${process.pid}.mjs`);
}

export interface RunningServer {
  url: string;
  pid: number | undefined;
  close(): Promise<void>;
}

/** CPU time (user + system) a process has used, from /proc (Linux); null elsewhere. */
export function processCpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    // utime and stime, in clock ticks of 10 ms (USER_HZ is 100 on Linux).
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks * 10 : null;
  } catch {
    return null;
  }
}

/** Stops a child process (SIGTERM) and waits for it to exit; `forget` drops its shutdown hook. */
function stopChild(child: ChildProcess, forget: () => void): () => Promise<void> {
  return async () => {
    forget();
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
}

/** The production server in live mode against the stand-in, on a free port. */
export async function startProductionServer(options: {
  root: string;
  serverFile: string;
  distDir: string;
  standInUrl: string;
}): Promise<RunningServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [options.serverFile], {
    cwd: options.root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      VERSUS_DIST_DIR: options.distDir,
      VERSUS_AUTH: '',
      LANGSMITH_ENDPOINT: options.standInUrl,
      LANGSMITH_API_KEY: BENCH_API_KEY,
      LANGSMITH_WORKSPACE_ID: '',
    },
    // The server logs a line per request: not needed here, and not to be buffered either.
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    errors = (errors + chunk.toString('utf8')).slice(-2000);
  });
  const forget = onShutdown(() => child.kill('SIGTERM'));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited: ${errors}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`the server did not start: ${errors}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  return {
    url,
    pid: child.pid,
    close: stopChild(child, forget),
  };
}

/**
 * The client, on its own thread: the browser is not on LangSmith's thread, and a client
 * sharing the stand-in's event loop would have to take turns with it at both ends of the
 * proxied path (and only there). Plain JavaScript, so the worker needs no TypeScript loader.
 */
const CLIENT_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { request } = require('node:http');
parentPort.on('message', ({ id, url, headers, body }) => {
  const started = performance.now();
  const done = (result) => parentPort.postMessage({ id, ...result });
  const req = request(url, { method: 'POST', headers, agent: false }, (res) => {
    let bytes = 0;
    res.on('data', (chunk) => { bytes += chunk.length; });
    res.on('end', () => done({ ms: performance.now() - started, bytes, status: res.statusCode }));
    res.on('error', (e) => done({ error: String(e) }));
  });
  req.on('error', (e) => done({ error: String(e) }));
  req.end(body);
});
`;

/**
 * The floor: a bare relay in its own process, what any Node proxy must do at least (read
 * each chunk from LangSmith's socket, write it to the browser's, with backpressure), with
 * none of the server's checks, headers or log. Plain JavaScript for `node -e`.
 */
const BARE_PIPE_SOURCE = `
const http = require('node:http');
const target = new URL(process.env.BARE_TARGET);
const agent = new http.Agent({ keepAlive: true });
const server = http.createServer((req, res) => {
  const up = http.request({
    hostname: target.hostname, port: target.port, method: req.method, path: req.url,
    headers: req.headers, agent,
  }, (answer) => {
    res.writeHead(answer.statusCode, answer.headers);
    answer.pipe(res);
  });
  up.on('error', () => res.destroy());
  req.pipe(up);
});
server.listen(0, '127.0.0.1', () => process.send(server.address().port));
`;

/** The bare relay in a child process, on a free port, in front of `target`. */
export async function startBarePipe(target: string): Promise<RunningServer> {
  const child = spawn(process.execPath, ['-e', BARE_PIPE_SOURCE], {
    env: { ...process.env, BARE_TARGET: target },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  const forget = onShutdown(() => child.kill('SIGTERM'));
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message) => resolve(Number(message)));
    child.once('exit', (code) => reject(new Error(`the bare pipe exited (${code})`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid,
    close: stopChild(child, forget),
  };
}

export interface TimingClient {
  /** From sending the request to the last byte of the answer, read and dropped. */
  timeToLastByte(
    url: string,
    headers: Record<string, string>,
    body: string,
  ): Promise<{ ms: number; bytes: number; status: number }>;
  close(): Promise<void>;
}

export function startTimingClient(): TimingClient {
  const worker = new Worker(CLIENT_SOURCE, { eval: true });
  const waiting = new Map<number, (result: Record<string, unknown>) => void>();
  let next = 0;
  worker.on('message', (result: Record<string, unknown> & { id: number }) => {
    waiting.get(result.id)?.(result);
    waiting.delete(result.id);
  });
  return {
    timeToLastByte(url, headers, body) {
      const id = next++;
      return new Promise((resolve, reject) => {
        waiting.set(id, (result) => {
          if (typeof result.error === 'string') reject(new Error(result.error));
          else resolve(result as unknown as { ms: number; bytes: number; status: number });
        });
        worker.postMessage({
          id,
          url,
          body,
          headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        });
      });
    },
    close: async () => {
      await worker.terminate();
    },
  };
}

export async function measureProxyOverhead(options: {
  standInUrl: string;
  serverUrl: string;
  /** `/api/v1/datasets/{id}/group/runs` */
  path: string;
  body: string;
  runs: number;
  gitCommit: string | null;
  log: (message: string) => void;
  /** Before each pair, wait this long at most for the CPUs to go quiet (`--wait-quiet`). */
  waitQuietMs?: number;
  /** The server's process, whose CPU time per proxied answer is recorded. */
  serverPid?: number;
  /** A bare relay in front of the stand-in (startBarePipe), timed alongside as the floor. */
  bareUrl?: string;
  barePid?: number;
}): Promise<ProxyOverhead> {
  const client = startTimingClient();
  try {
    return await measureWith(client, options);
  } finally {
    await client.close();
  }
}

async function measureWith(
  client: TimingClient,
  options: Parameters<typeof measureProxyOverhead>[0],
): Promise<ProxyOverhead> {
  const direct = () =>
    client.timeToLastByte(
      `${options.standInUrl}${options.path}`,
      { 'content-type': 'application/json', 'x-api-key': BENCH_API_KEY },
      options.body,
    );
  const proxied = () =>
    client.timeToLastByte(
      `${options.serverUrl}${options.path}`,
      { 'content-type': 'application/json', origin: options.serverUrl },
      options.body,
    );
  const bareUrl = options.bareUrl;
  const bare = bareUrl
    ? () =>
        client.timeToLastByte(
          `${bareUrl}${options.path}`,
          { 'content-type': 'application/json', 'x-api-key': BENCH_API_KEY },
          options.body,
        )
    : null;
  // Warm-up: the stand-in's bytes are computed once, and each path's first connection made.
  const first = await direct();
  const through = await proxied();
  if (bare) {
    const floor = await bare();
    if (floor.status !== 200 || floor.bytes !== first.bytes) {
      throw new Error(`bare pipe check: ${floor.status} (${floor.bytes} B)`);
    }
  }
  if (first.status !== 200 || through.status !== 200 || first.bytes !== through.bytes) {
    throw new Error(
      `proxy check: direct ${first.status} (${first.bytes} B), through the server ${through.status} (${through.bytes} B)`,
    );
  }
  const result: ProxyOverhead = {
    date: new Date().toISOString(),
    gitCommit: options.gitCommit,
    bytes: first.bytes,
    directMs: [],
    proxiedMs: [],
    ...(bare ? { bareMs: [], bareCpuMs: [] } : {}),
    busyBefore: [],
    serverCpuMs: [],
  };
  for (let i = 0; i < options.runs; i++) {
    const waitQuietMs = options.waitQuietMs ?? 0;
    result.busyBefore.push(
      waitQuietMs > 0
        ? await waitForQuiet({ threshold: QUIET_BUSY_SHARE, maxMs: waitQuietMs })
        : await cpuBusyShare(500),
    );
    // The order rotates, so drift in the machine's load falls on every path alike.
    const paths = bare ? [direct, proxied, bare] : [direct, proxied];
    const order = paths.map((_, k) => paths[(i + k) % paths.length] as typeof direct);
    if (!bare && i % 2 === 1) order.reverse();
    for (const take of order) {
      // The relay's own CPU time for this answer (the direct read has no relay).
      const relayPid = take === proxied ? options.serverPid : options.barePid;
      const cpuBefore = take === direct ? null : processCpuMs(relayPid);
      const sample = await take();
      if (sample.bytes !== first.bytes) throw new Error(`a sample read ${sample.bytes} B`);
      if (take === direct) {
        result.directMs.push(sample.ms);
        continue;
      }
      const cpuAfter = processCpuMs(relayPid);
      const cpu = cpuBefore !== null && cpuAfter !== null ? cpuAfter - cpuBefore : null;
      if (take === proxied) {
        result.proxiedMs.push(sample.ms);
        result.serverCpuMs?.push(cpu);
      } else {
        result.bareMs?.push(sample.ms);
        result.bareCpuMs?.push(cpu);
      }
    }
    const floor = result.bareMs ? `, bare pipe ${Math.round(result.bareMs[i] ?? 0)} ms` : '';
    options.log(
      `proxy #${i + 1}: direct ${Math.round(result.directMs[i] ?? 0)} ms, through the server ${Math.round(result.proxiedMs[i] ?? 0)} ms${floor}`,
    );
  }
  return result;
}

/** Bundles and starts the production server, measures the L request, and stops it again. */
export async function measureProxyOnL(options: {
  root: string;
  workload: Workload;
  /** The app's request body for the whole workload (as the page sends it). */
  body: string;
  distDir: string;
  standInUrl: string;
  runs: number;
  gitCommit: string | null;
  log: (message: string) => void;
  waitQuietMs?: number;
}): Promise<ProxyOverhead> {
  const serverFile = benchServerFile(options.root);
  await buildServerBundle(options.root, serverFile);
  const server = await startProductionServer({ ...options, serverFile });
  const barePipe = await startBarePipe(options.standInUrl);
  try {
    options.log(
      `proxy overhead: stand-in ${options.standInUrl}, production server ${server.url}, bare pipe ${barePipe.url}`,
    );
    return await measureProxyOverhead({
      ...options,
      path: `/api/v1/datasets/${options.workload.dataset.id}/group/runs`,
      serverUrl: server.url,
      serverPid: server.pid,
      bareUrl: barePipe.url,
      barePid: barePipe.pid,
    });
  } finally {
    await barePipe.close();
    await server.close();
    rmSync(serverFile, { force: true });
  }
}

export function withProxyBudget(
  budgets: BudgetResult[],
  proxy: ProxyOverhead | null,
): BudgetResult[] {
  return proxy ? [...budgets, proxyBudget(proxy)] : budgets;
}

export function markdownOf(results: BenchResults): string {
  const sections = results.proxy ? [proxySection(results.proxy)] : [];
  if (results.loadAll) sections.push(loadAllSection(results.loadAll));
  return renderMarkdown(results, sections);
}

/**
 * `npm run bench -- --proxy-only`: the proxy measure alone (stand-in, app build, production
 * server), merged into the last full run's latest.json and BENCH.md.
 */
export async function proxyOnly(options: {
  resultsFile: string;
  benchFile: string;
  workload: Workload;
  measure: (standInUrl: string, distDir: string) => Promise<ProxyOverhead>;
  log: (message: string) => void;
}): Promise<void> {
  const results = JSON.parse(readFileSync(options.resultsFile, 'utf8')) as BenchResults;
  const standIn = await startStandIn(createBenchStore([options.workload]));
  const distDir = mkdtempSync(join(tmpdir(), 'versus-bench-dist-'));
  try {
    options.log(`vite build → ${distDir}`);
    await buildApp(dirname(options.benchFile), distDir);
    const proxy = await options.measure(standIn.url, distDir);
    results.proxy = proxy;
    results.budgets = withLoadAllBudget(
      withProxyBudget(
        evaluateBudgets(results.workloads, results.bundle, results.bootFloor?.stats.median ?? null),
        proxy,
      ),
      results.loadAll,
    );
    writeFileSync(options.resultsFile, `${JSON.stringify(results, null, 1)}\n`);
    writeFileSync(options.benchFile, markdownOf(results));
    const budget = proxyBudget(proxy);
    options.log(`proxy overhead ${budget.measured} (${budget.limit}): ${budget.note}`);
  } finally {
    await standIn.close();
    await stopAll();
    rmSync(distDir, { recursive: true, force: true });
  }
}
