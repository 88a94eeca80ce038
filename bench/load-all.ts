import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CDPSession, chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/support/chromium';
import { LOAD_ALL_MAX_PAGE } from '../src/api/grouped-runs/all-pages';
import { BareChromium } from './bare-chromium';
import { barePages, measureLoadAll, playwrightPages } from './load-all-measure';
import { loadAllBudget } from './load-all-report';
import {
  type CpuProfile,
  SourceResolver,
  shortSource,
  summariseProfile,
  summariseTrace,
  type TraceEvent,
} from './profile';
import type { LoadAllSample } from './results';
import { buildApp, onShutdown, startPreview, startStandIn, stopAll } from './servers';
import {
  buildWorkload,
  createBenchStore,
  WORKLOAD_SPECS,
  type WorkloadName,
  workloadPath,
} from './workloads';

/**
 * `npx tsx bench/load-all.ts [--workload L] [--runs N] [--no-build <dist>] [--requests]
 * [--watched] [--profile | --trace [--trace-out file.json]]`: "Load all" from the default page
 * size (100), live mode against the stand-in, as a person clicks it (bench/load-all-measure.ts;
 * `npm run bench` takes the same samples). By default in the bare browser
 * (bench/bare-chromium.ts: no DevTools network agent, like a person's browser); `--watched` in
 * Playwright's page, where DevTools keeps and decodes every response body on the page's main
 * thread. `--trace` is Playwright's, so it is a watched run; `--profile` runs in either (V8's
 * profiler needs no `Network` domain). Prints each sample and the budget's verdict.
 * `--requests`: each page's request times. `--profile`: one run on an unminified build with
 * source maps under the CPU profiler (CDP), from the click to 3 s after the last page shows;
 * the self time per area, the top functions and the longest busy stretches. `--trace`: one
 * run under Chromium's tracer; the self time of each thread's events.
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const TRACE_CATEGORIES = ['devtools.timeline', 'blink', 'v8', 'toplevel'];

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/**
 * The longest stretches of the main thread without an idle sample (a long task, or tasks
 * back to back), each with the functions that took most of it: which work makes long tasks.
 */
function busyStretches(profile: CpuProfile, resolver: SourceResolver, count = 10): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const stretches: { us: number; self: Map<string, number> }[] = [];
  let current: { us: number; self: Map<string, number> } | null = null;
  for (let i = 0; i < samples.length; i++) {
    const node = byId.get(samples[i] as number);
    const us = Math.max(0, deltas[i] ?? 0);
    if (!node || node.callFrame.functionName === '(idle)') {
      if (current) stretches.push(current);
      current = null;
      continue;
    }
    current ??= { us: 0, self: new Map() };
    current.us += us;
    const at = resolver.resolve(node.callFrame);
    const name = `${node.callFrame.functionName || '(anonymous)'} ${at ? `${shortSource(at.source)}:${at.line}` : ''}`;
    current.self.set(name, (current.self.get(name) ?? 0) + us);
  }
  if (current) stretches.push(current);
  return stretches
    .sort((a, b) => b.us - a.us)
    .slice(0, count)
    .map(
      (s) =>
        `${Math.round(s.us / 1000)} ms: ${[...s.self]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 5)
          .map(([n, us]) => `${n.trim()} ${Math.round(us / 1000)}`)
          .join('; ')}`,
    );
}

async function main(): Promise<void> {
  const name = (option('--workload') ?? 'L') as WorkloadName;
  const runs = Number(option('--runs') ?? 3);
  const workload = buildWorkload(WORKLOAD_SPECS[name]);
  const total = workload.spec.examples;
  const standIn = await startStandIn(createBenchStore([workload]));
  const profile = process.argv.includes('--profile');
  const trace = process.argv.includes('--trace');
  let outDir = profile ? undefined : option('--no-build');
  let temp: string | null = null;
  if (!outDir) {
    temp = mkdtempSync(join(tmpdir(), 'versus-load-all-'));
    outDir = temp;
    await buildApp(ROOT, outDir, profile ? ['--minify', 'false', '--sourcemap'] : []);
  }
  onShutdown(() => {
    if (temp) rmSync(temp, { recursive: true, force: true });
  });
  const resolver = new SourceResolver(outDir);
  const preview = await startPreview({ cwd: ROOT, outDir, standInUrl: standIn.url });
  // The tracer comes through Playwright: those runs are watched ones. The profiler runs in
  // either browser.
  const watched = trace || process.argv.includes('--watched');
  const browser = watched ? await chromium.launch(chromiumLaunchOptions()) : null;
  const bare = watched ? null : BareChromium.launch();
  console.log(
    watched
      ? "in Playwright's page (watched: DevTools' network agent keeps and decodes each body)"
      : 'in the bare browser (no DevTools network agent)',
  );
  // The default page size: the link without pageSize.
  const url = `${preview.url}${workloadPath(workload).replace(/&pageSize=\d+/, '')}`;
  const samples: LoadAllSample[] = [];
  try {
    for (let run = 0; run < (profile || trace ? 1 : runs); run++) {
      let cdp: CDPSession | null = null;
      const open = browser
        ? playwrightPages(browser, {
            beforeClick: async (page, context) => {
              if (profile) {
                cdp = await context.newCDPSession(page);
                await cdp.send('Profiler.enable');
                await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
                await cdp.send('Profiler.start');
              }
              if (trace) await browser.startTracing(page, { categories: TRACE_CATEGORIES });
            },
            afterDone: async () => {
              if (trace) printTrace(await browser.stopTracing());
              if (cdp) printProfile((await cdp.send('Profiler.stop')).profile, resolver, name);
            },
          })
        : barePages(
            bare as BareChromium,
            profile ? (p: CpuProfile) => printProfile(p, resolver, name) : undefined,
          );
      const sample = await measureLoadAll(open, url, total, run + 1);
      samples.push(sample);
      if (process.argv.includes('--requests')) {
        for (const [sent, first, last] of sample.requests)
          console.log(`request sent ${sent} first byte ${first} last byte ${last}`);
      }
      const { requests: _, statuses, ...figures } = sample;
      console.log(JSON.stringify({ ...figures, statuses: statuses.length, first: statuses[0] }));
    }
  } finally {
    await browser?.close();
    await bare?.close();
    await preview.close();
    await standIn.close();
    await stopAll();
  }
  // Samples without watchedSamples read as Playwright's (the results files from before).
  const result = watched
    ? { maxPage: LOAD_ALL_MAX_PAGE, samples }
    : { maxPage: LOAD_ALL_MAX_PAGE, samples, watchedSamples: [] };
  const budget = loadAllBudget(result);
  console.log(
    `${name} load all${watched ? ' (watched)' : ''}: ${budget.measured} (${budget.limit}); ${budget.note}`,
  );
}

function printTrace(buffer: Buffer): void {
  const keep = option('--trace-out');
  if (keep) writeFileSync(keep, buffer);
  const events = JSON.parse(buffer.toString('utf8')).traceEvents as TraceEvent[];
  for (const thread of summariseTrace(events, 14)) {
    console.log(`${thread.thread}: ${Math.round(thread.totalMs)} ms`);
    for (const e of thread.events) console.log(`  ${Math.round(e.selfMs)} ms  ${e.name}`);
  }
  console.log('tasks over 100 ms on the page’s main thread, by what they ran most:');
  for (const line of longTaskKinds(events)) console.log(`  ${line}`);
}

/**
 * The main thread's tasks over 100 ms, each named by the event that took most of its own
 * time: `FunctionCall` is the page's JavaScript; `TextResourceDecoder::Decode` with
 * `ResponseBodyLoader::DidFinishLoadingBody` is a response body decoded once it is complete,
 * outside any script.
 */
function longTaskKinds(events: readonly TraceEvent[]): string[] {
  const names = new Map<string, string>();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name')
      names.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  const counts = new Map<string, number>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (names.get(key) === 'CrRendererMain') counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const main = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  const list = events
    .filter((e) => e.ph === 'X' && typeof e.dur === 'number' && `${e.pid}:${e.tid}` === main)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const kinds = new Map<string, { n: number; longest: number }>();
  let taskEnd = 0;
  for (let i = 0; i < list.length; i++) {
    const task = list[i] as TraceEvent;
    const dur = task.dur ?? 0;
    // Top-level tasks only (not nested in the one before).
    if (task.name !== 'ThreadControllerImpl::RunTask' || task.ts < taskEnd) continue;
    taskEnd = task.ts + dur;
    if (dur <= 100_000) continue;
    const self = new Map<string, number>();
    const stack: { end: number; name: string; child: number; dur: number }[] = [];
    const close = (until: number) => {
      while (stack.length > 0 && (stack.at(-1)?.end ?? 0) <= until) {
        const done = stack.pop() as { name: string; child: number; dur: number };
        self.set(done.name, (self.get(done.name) ?? 0) + done.dur - done.child);
      }
    };
    for (let k = i + 1; k < list.length && (list[k] as TraceEvent).ts < taskEnd; k++) {
      const e = list[k] as TraceEvent;
      close(e.ts);
      const parent = stack.at(-1);
      if (parent) parent.child += e.dur ?? 0;
      stack.push({ end: e.ts + (e.dur ?? 0), name: e.name, child: 0, dur: e.dur ?? 0 });
    }
    close(Number.POSITIVE_INFINITY);
    const top = [...self].sort((a, b) => b[1] - a[1])[0]?.[0] ?? task.name;
    const kind = kinds.get(top) ?? { n: 0, longest: 0 };
    kind.n++;
    kind.longest = Math.max(kind.longest, dur / 1000);
    kinds.set(top, kind);
  }
  return [...kinds]
    .sort((a, b) => b[1].n - a[1].n)
    .map(([name, k]) => `${k.n} × ${name} (longest ${Math.round(k.longest)} ms)`);
}

function printProfile(cpu: unknown, resolver: SourceResolver, name: WorkloadName): void {
  const profile = cpu as CpuProfile;
  const summary = summariseProfile(
    profile,
    resolver,
    { workload: name, phase: 'load all' },
    { buckets: 16, functions: 40 },
  );
  for (const b of summary.buckets) console.log(`${Math.round(b.selfMs)} ms  ${b.name}`);
  for (const f of summary.topFunctions) {
    console.log(`  ${Math.round(f.selfMs)} ms  ${f.functionName} ${f.url}:${f.line}`);
  }
  console.log('the longest busy stretches (no idle sample), what they ran:');
  for (const line of busyStretches(profile, resolver)) console.log(`  ${line}`);
}

void main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
