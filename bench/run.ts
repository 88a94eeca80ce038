import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, arch as osArch, type as osType, release, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/support/chromium';
import { route } from '../server/stand-in';
import { measureBootFloor, writeBootFloorPage } from './boot-floor';
import { evaluateBudgets } from './budgets';
import { analyseBundle } from './bundle';
import { measureLoadAllOnL } from './load-all-measure';
import { withLoadAllBudget } from './load-all-report';
import { cpuBusyShare, waitForQuiet } from './machine-load';
import { measureCalibration, measureIteration, trace } from './measure-page';
import { profileWorkload, SourceResolver } from './profile';
import { markdownOf, measureProxyOnL, proxyOnly, withProxyBudget } from './proxy-overhead';
import { formatBytes, formatMs, frameStats, summarise } from './report-stats';
import {
  type BenchResults,
  type BundleReport,
  type MachineInfo,
  type ProfileSummary,
  summariseWorkload,
  type WorkloadResult,
} from './results';
import type { IterationPlan, IterationSample } from './samples';
import { buildApp, onShutdown, startPreview, startStandIn, stopAll } from './servers';
import {
  buildWorkload,
  createBenchStore,
  GROUP_KEY,
  WORKLOAD_SPECS,
  type Workload,
  type WorkloadName,
  workloadPath,
} from './workloads';

/**
 * `npm run bench`: builds the app, serves it in live mode against the stand-in, and measures
 * S, M and L in headless Chromium. Writes bench/results/latest.json and BENCH.md. Missed
 * budgets are reported, never fatal: the exit code is non-zero only when the bench could
 * not run.
 *
 *   npm run bench                      full run (S, M: 5 runs; L: 5 runs; profile of L;
 *                                      "Load all" on L from the default page size: 3 runs in a
 *                                      browser without DevTools and 3 in Playwright's page)
 *   npm run bench -- --quick           S and M once each; writes bench/results/quick.json.tmp
 *   options: --load-all-runs N (each browser; 0: skip; --quick skips it unless given)
 *   options: --runs N  --l-runs N  --workloads S,M  --scroll-frames N  --no-profile  --profile
 *            --wait-quiet [--wait-quiet-max SECONDS]: before each sample, wait for idle CPUs
 *            --verbose: log every in-page step
 *            --download-mb-s N: the stand-in sends large bodies at N MB a second, as a remote
 *                               server over a network would (default: as fast as it can)
 *   npm run bench -- --render          BENCH.md again from bench/results/latest.json (no run)
 *   npm run bench -- --proxy-only      only the production server's proxy overhead on L
 *                                      (--proxy-runs N, default 7), merged into latest.json
 */

/** "Quiet" for --wait-quiet: at most this share of all CPUs busy while the bench idles. */
const QUIET_BUSY_SHARE = 0.15;
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS_DIR = join(ROOT, 'bench', 'results');
export interface BenchOptions {
  quick: boolean;
  workloads: WorkloadName[];
  runs: number;
  lRuns: number;
  /** The L scroll stops after this many frames (S and M scroll to the bottom). */
  scrollFrames: number;
  profile: boolean;
  /** Before each iteration, wait (up to this many seconds) for the CPUs to be mostly idle. */
  waitQuietSeconds: number;
  /** Log every in-page step. */
  verbose: boolean;
  /** Pairs (direct, through the server) of the proxy-overhead measure on L. */
  proxyRuns: number;
  /**
   * Samples of "Load all" on L (bench/load-all-measure.ts) in the bare browser, and as many
   * in Playwright's page; 0 skips it.
   */
  loadAllRuns: number;
  /** Bytes a second the stand-in sends large bodies at; 0: as fast as it can. */
  downloadBytesPerSecond: number;
}

export function parseArgs(argv: readonly string[]): BenchOptions {
  const quick = argv.includes('--quick');
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    if (i >= 0) return argv[i + 1];
    const inline = argv.find((a) => a.startsWith(`${name}=`));
    return inline?.slice(name.length + 1);
  };
  const int = (name: string, fallback: number): number => {
    const raw = value(name);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${name} needs a positive integer`);
    return n;
  };
  const names = (value('--workloads') ?? (quick ? 'S,M' : 'S,M,L'))
    .split(',')
    .map((s) => s.trim().toUpperCase())
    .filter((s) => s !== '');
  for (const n of names) {
    if (!(n in WORKLOAD_SPECS)) throw new Error(`Unknown workload ${n} (S, M or L)`);
  }
  const runs = int('--runs', quick ? 1 : 5);
  return {
    quick,
    workloads: names as WorkloadName[],
    runs,
    lRuns: int('--l-runs', quick ? 1 : runs),
    scrollFrames: int('--scroll-frames', 300),
    profile: argv.includes('--profile') || (!quick && !argv.includes('--no-profile')),
    waitQuietSeconds: argv.includes('--wait-quiet') ? int('--wait-quiet-max', 120) : 0,
    verbose: argv.includes('--verbose'),
    proxyRuns: int('--proxy-runs', quick ? 5 : 7),
    loadAllRuns: value('--load-all-runs') === '0' ? 0 : int('--load-all-runs', quick ? 0 : 3),
    downloadBytesPerSecond: value('--download-mb-s') ? int('--download-mb-s', 1) * 1_000_000 : 0,
  };
}

const startedAt = Date.now();

function launchBrowser(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions());
}

function log(message: string): void {
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(0).padStart(4);
  process.stderr.write(`[bench ${seconds}s] ${message}\n`);
}

function git(args: string[]): string | null {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

function machineInfo(browser: Browser): MachineInfo {
  const require = createRequire(import.meta.url);
  const playwright = (require('@playwright/test/package.json') as { version: string }).version;
  const cpuList = cpus();
  const status = git(['status', '--porcelain']);
  return {
    os: osType(),
    kernel: release(),
    arch: osArch(),
    cpuModel: cpuList[0]?.model.trim() ?? 'unknown',
    cpus: cpuList.length,
    memoryBytes: totalmem(),
    node: process.version,
    chromium: browser.version(),
    playwright,
    gitCommit: git(['rev-parse', 'HEAD']),
    gitDirty: status === null ? null : status !== '',
    loadAverageStart: [],
    loadAverageEnd: [],
  };
}

/** The body the app sends (see buildGroupedRunsBody): the server's answer to it is the payload. */
function appRequestBody(workload: Workload): string {
  return JSON.stringify({
    session_ids: workload.sessions.map((s) => s.id).sort(),
    offset: 0,
    limit: workload.spec.examples,
    preview: false,
    group_by: 'run_metadata',
    metadata_key: GROUP_KEY,
    per_group_limit: 5,
  });
}

function payloadOf(workload: Workload, store: ReturnType<typeof createBenchStore>) {
  const url = new URL(`http://stand-in/api/v1/datasets/${workload.dataset.id}/group/runs`);
  const result = route(store, 'POST', url, appRequestBody(workload));
  if (result.status !== 200)
    throw new Error(`group/runs for ${workload.spec.name}: ${result.status}`);
  const body = result.body as { groups: unknown[] };
  return { bytes: Buffer.byteLength(JSON.stringify(body)), groups: body.groups.length };
}

function planFor(workload: Workload, options: BenchOptions): IterationPlan {
  const large = workload.spec.name === 'L';
  return {
    url: workloadPath(workload),
    sessionIds: workload.sessions.map((s) => s.id),
    feedbackKey: 'correctness',
    searchText: 'refund',
    // S and M scroll to the bottom; L is capped so the run stays bounded.
    scrollMaxFrames: large ? options.scrollFrames : 100_000,
    loadTimeoutMs: large ? 240_000 : 60_000,
    skip: {},
  };
}

function describeIteration(name: string, sample: IterationSample): string {
  const l = sample.load;
  const parts = [
    `${name}#${sample.index + 1}`,
    `nav→row ${formatMs(l.navToFirstRowMs)}`,
    `resp→matrix ${formatMs(l.responseToMatrixMs)}`,
    `pvn ${formatMs(l.parseValidateNormaliseMs)}`,
  ];
  if (sample.floor) {
    parts.push(
      `floor ${formatMs(sample.floor.totalMs)} (JSON.parse ${formatMs(sample.floor.jsonParseMs)})`,
    );
  }
  if (sample.heap) parts.push(`heap ${formatBytes(sample.heap.usedBytes)}`);
  if (sample.scroll) parts.push(`scroll ${sample.scroll.deltas.length} frames`);
  for (const i of sample.interactions) {
    parts.push(`${i.name} ${formatMs(i.name.startsWith('search') ? i.afterUrlMs : i.totalMs)}`);
  }
  if (sample.pageErrors.length > 0) parts.push(`page errors: ${sample.pageErrors.length}`);
  if (sample.busyBefore !== null)
    parts.push(`CPUs ${Math.round(sample.busyBefore * 100)} % busy before`);
  return parts.join(' · ');
}

async function warmUp(baseUrl: string, workload: Workload): Promise<void> {
  // The first request builds the stand-in's grouping; that is setup, not the app's time.
  const response = await fetch(`${baseUrl}/api/v1/datasets/${workload.dataset.id}/group/runs`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: appRequestBody(workload),
  });
  await response.arrayBuffer();
  if (!response.ok) {
    throw new Error(`Warm-up of ${workload.spec.name} through the proxy: HTTP ${response.status}`);
  }
}

export async function runBench(options: BenchOptions): Promise<BenchResults> {
  const started = Date.now();
  if (options.verbose) trace.log = (message) => log(`  · ${message}`);
  const loadAverageStart = loadavg().map((v) => Math.round(v * 100) / 100);
  const tempDirs: string[] = [];
  const temp = (prefix: string) => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    tempDirs.push(dir);
    // Also on Ctrl-C, when the finally below does not run.
    onShutdown(() => rmSync(dir, { recursive: true, force: true }));
    return dir;
  };
  let browser: Browser | null = null;
  const closers: (() => Promise<void>)[] = [];
  try {
    // Builds go to temporary folders: dist/ may be in use by someone's preview or e2e run.
    const outDir = temp('versus-bench-dist-');
    log(`vite build → ${outDir}`);
    await buildApp(ROOT, outDir);
    const bundle: BundleReport = analyseBundle(outDir);
    log(`initial JS ${formatBytes(bundle.initialJsGzipBytes)} gzip`);
    let profileDir: string | null = null;
    if (options.profile) {
      profileDir = temp('versus-bench-profile-');
      log(`vite build (unminified, source maps, for the CPU profile) → ${profileDir}`);
      await buildApp(ROOT, profileDir, ['--minify', 'false', '--sourcemap']);
    }

    const workloads: Workload[] = [];
    for (const name of options.workloads) {
      const t = performance.now();
      workloads.push(buildWorkload(WORKLOAD_SPECS[name]));
      log(`generated ${name} in ${formatMs(performance.now() - t)}`);
    }
    const store = createBenchStore(workloads);
    const payloads = new Map(workloads.map((w) => [w.spec.name, payloadOf(w, store)]));
    for (const w of workloads) {
      const p = payloads.get(w.spec.name);
      log(`${w.spec.name}: ${w.runCount} runs, ${p?.groups} groups, ${formatBytes(p?.bytes)} JSON`);
    }

    const first = workloads[0] as Workload;
    writeBootFloorPage(
      outDir,
      `/api/v1/datasets/${first.dataset.id}/group/runs`,
      appRequestBody(first),
    );
    const standIn = await startStandIn(store, options.downloadBytesPerSecond);
    closers.push(standIn.close);
    const preview = await startPreview({ cwd: ROOT, outDir, standInUrl: standIn.url });
    closers.push(preview.close);
    log(`stand-in ${standIn.url}, vite preview ${preview.url} (pid ${preview.pid})`);
    for (const w of workloads) await warmUp(preview.url, w);
    const large = workloads.find((w) => w.spec.name === 'L');
    const proxy = large ? await measureLProxy(large, standIn.url, outDir, options) : null;

    browser = await launchBrowser();
    const machine = machineInfo(browser);
    machine.loadAverageStart = loadAverageStart;
    log(`${machine.chromium}, ${machine.cpus} × ${machine.cpuModel}, load ${loadAverageStart}`);
    const calibrationDeltas = await measureCalibration(browser, 300);
    const calibration = { deltas: calibrationDeltas, stats: frameStats(calibrationDeltas) };
    log(
      `calibration scroll: p50 ${formatMs(calibration.stats.p50, 1)}, p95 ${formatMs(calibration.stats.p95, 1)}`,
    );
    const bootFloorSamples = await measureBootFloor(browser, preview.url, 5);
    const bootFloor = { samples: bootFloorSamples, stats: summarise(bootFloorSamples) };
    log(`boot floor: a one-script page sends the request at ${formatMs(bootFloor.stats.median)}`);

    const results: WorkloadResult[] = [];
    let waitedMs = 0;
    for (const w of workloads) {
      const plan = planFor(w, options);
      plan.url = `${preview.url}${plan.url}`;
      const runs = w.spec.name === 'L' ? options.lRuns : options.runs;
      const iterations: IterationSample[] = [];
      const failures: string[] = [];
      for (let i = 0; i < runs; i++) {
        const waitStart = Date.now();
        const busy =
          options.waitQuietSeconds > 0
            ? await waitForQuiet({
                threshold: QUIET_BUSY_SHARE,
                maxMs: options.waitQuietSeconds * 1000,
                onWait: (b) => log(`waiting for quiet CPUs (${Math.round(b * 100)} % busy)`),
              })
            : await cpuBusyShare(500);
        waitedMs += Date.now() - waitStart;
        for (let attempt = 1; attempt <= 2; attempt++) {
          try {
            const sample = await measureIteration(browser, plan, i, busy);
            iterations.push(sample);
            log(describeIteration(w.spec.name, sample));
            break;
          } catch (error) {
            // A failed sample is reported, not fatal; it is retried once in a fresh browser
            // (a page can stop producing frames). A workload with no sample at all is fatal.
            const message = error instanceof Error ? error.message : String(error);
            failures.push(`#${i + 1} (attempt ${attempt}): ${message.split('\n')[0]}`);
            log(`${w.spec.name}#${i + 1} failed (attempt ${attempt}): ${message}`);
            await browser.close().catch(() => {});
            browser = await launchBrowser();
          }
        }
      }
      if (iterations.length === 0) {
        throw new Error(`Every sample of ${w.spec.name} failed: ${failures.join('; ')}`);
      }
      const payload = payloads.get(w.spec.name) ?? { bytes: 0, groups: 0 };
      results.push({
        name: w.spec.name,
        examples: w.spec.examples,
        sessions: w.spec.sessions,
        runs: w.runCount,
        groups: payload.groups,
        groupKey: GROUP_KEY,
        payloadBytes: payload.bytes,
        scrollMaxFrames: plan.scrollMaxFrames,
        iterations,
        failures,
        summary: summariseWorkload(iterations, payload.bytes),
      });
    }

    const profiles: ProfileSummary[] = [];
    if (profileDir) {
      const target = workloads[workloads.length - 1];
      if (target) {
        const profilePreview = await startPreview({
          cwd: ROOT,
          outDir: profileDir,
          standInUrl: standIn.url,
        });
        closers.push(profilePreview.close);
        log(`CPU profile of ${target.spec.name} on ${profilePreview.url}`);
        const plan = planFor(target, options);
        plan.url = `${profilePreview.url}${plan.url}`;
        profiles.push(
          ...(await profileWorkload(
            browser,
            plan,
            profilePreview.url,
            new SourceResolver(profileDir),
            target.spec.name,
          )),
        );
      }
    }

    const loadAll =
      large && options.loadAllRuns > 0
        ? await measureLoadAllOnL({
            browser,
            workload: large,
            baseUrl: preview.url,
            runs: options.loadAllRuns,
            quiet: { threshold: QUIET_BUSY_SHARE, maxMs: options.waitQuietSeconds * 1000 },
            log,
          })
        : null;

    machine.loadAverageEnd = loadavg().map((v) => Math.round(v * 100) / 100);
    return {
      schema: 1,
      mode: options.quick ? 'quick' : 'full',
      date: new Date().toISOString(),
      durationMs: Date.now() - started,
      waitedMs,
      machine,
      options: { ...options },
      workloads: results,
      bundle,
      budgets: withLoadAllBudget(
        withProxyBudget(evaluateBudgets(results, bundle, bootFloor.stats.median), proxy),
        loadAll,
      ),
      profiles,
      calibration,
      bootFloor,
      proxy,
      loadAll,
    };
  } finally {
    if (browser) await browser.close().catch(() => {});
    for (const close of closers.reverse()) await close().catch(() => {});
    await stopAll();
    for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  }
}

/** `--render`: BENCH.md again from bench/results/latest.json (budgets re-evaluated), no run. */
function renderOnly(): void {
  const results = JSON.parse(
    readFileSync(join(RESULTS_DIR, 'latest.json'), 'utf8'),
  ) as BenchResults;
  results.budgets = withLoadAllBudget(
    withProxyBudget(
      evaluateBudgets(results.workloads, results.bundle, results.bootFloor?.stats.median ?? null),
      results.proxy ?? null,
    ),
    results.loadAll,
  );
  writeFileSync(join(RESULTS_DIR, 'latest.json'), `${JSON.stringify(results, null, 1)}\n`);
  writeFileSync(join(ROOT, 'BENCH.md'), markdownOf(results));
  log('rendered BENCH.md (and the budgets in latest.json) from bench/results/latest.json');
}

/** The production server's proxy on L (bench/proxy-overhead.ts), with the app's request. */
function measureLProxy(
  workload: Workload,
  standInUrl: string,
  distDir: string,
  options: BenchOptions,
) {
  return measureProxyOnL({
    root: ROOT,
    workload,
    body: appRequestBody(workload),
    standInUrl,
    distDir,
    runs: options.proxyRuns,
    gitCommit: git(['rev-parse', 'HEAD']),
    log,
    waitQuietMs: options.waitQuietSeconds * 1000,
  });
}

async function main(): Promise<void> {
  if (process.argv.includes('--render')) return renderOnly();
  const options = parseArgs(process.argv.slice(2));
  if (process.argv.includes('--proxy-only')) {
    const workload = buildWorkload(WORKLOAD_SPECS.L);
    return proxyOnly({
      resultsFile: join(RESULTS_DIR, 'latest.json'),
      benchFile: join(ROOT, 'BENCH.md'),
      workload,
      measure: (standInUrl, distDir) => measureLProxy(workload, standInUrl, distDir, options),
      log,
    });
  }
  const results = await runBench(options);
  mkdirSync(RESULTS_DIR, { recursive: true });
  const markdown = markdownOf(results);
  if (options.quick) {
    // *.tmp is git-ignored: a quick check is not a result to keep.
    writeFileSync(join(RESULTS_DIR, 'quick.json.tmp'), `${JSON.stringify(results, null, 1)}\n`);
    process.stdout.write(`${markdown}\n`);
    log('wrote bench/results/quick.json.tmp (BENCH.md and latest.json are left to full runs)');
  } else {
    writeFileSync(join(RESULTS_DIR, 'latest.json'), `${JSON.stringify(results, null, 1)}\n`);
    writeFileSync(join(ROOT, 'BENCH.md'), markdown);
    log('wrote bench/results/latest.json and BENCH.md');
  }
  for (const b of results.budgets) {
    log(
      `${b.met === null ? '?' : b.met ? 'met   ' : 'MISSED'} ${b.workload} ${b.label}: ${b.measured} (${b.limit})`,
    );
  }
  log(`done in ${(results.durationMs / 60_000).toFixed(1)} min`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `[bench] could not run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
  void stopAll();
});
