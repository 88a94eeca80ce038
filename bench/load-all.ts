import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/support/chromium';
import { cpuBusyShare } from './machine-load';
import { newBenchContext } from './measure-page';
import {
  type CpuProfile,
  SourceResolver,
  shortSource,
  summariseProfile,
  summariseTrace,
} from './profile';
import { buildApp, onShutdown, startPreview, startStandIn, stopAll } from './servers';
import {
  buildWorkload,
  createBenchStore,
  WORKLOAD_SPECS,
  type WorkloadName,
  workloadPath,
} from './workloads';

/**
 * `npx tsx bench/load-all.ts [--workload L] [--runs N] [--no-build <dist>] [--profile]`: "Load all" from
 * the default page size (100), live mode against the stand-in, as a person clicks it. Per run:
 * click → every example in the matrix (the status says "Showing N of N"), the status's
 * counts seen on the way (rows appear as pages arrive), and the page's long tasks while
 * loading (PerformanceObserver `longtask`, the longest and how many pass 100 ms).
 * `--profile`: one run on an unminified build with source maps under the CPU profiler (CDP),
 * from the click to the last page shown; prints the self time per area and the top functions.
 * `--trace`: one run under Chromium's tracer; prints the self time of the rendering steps
 * (style, layout, paint, scripts) per thread.
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const LONG_TASKS = `
(() => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
})();
`;

/** Records each new text of the matrix's status ("Showing N of M…") with its time. */
const WATCH_STATUS = `
(() => {
  window.__statuses = [];
  const read = () => {
    for (const el of document.querySelectorAll('[role="status"]')) {
      const text = el.textContent ?? '';
      if (!text.startsWith('Showing')) continue;
      if (window.__statuses.at(-1)?.[1] !== text) window.__statuses.push([performance.now(), text]);
      return;
    }
  };
  read();
  new MutationObserver(read).observe(document.body, { subtree: true, childList: true, characterData: true });
})();
`;

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
  const preview = await startPreview({ cwd: ROOT, outDir, standInUrl: standIn.url });
  const browser = await chromium.launch(chromiumLaunchOptions());
  // The default page size: the link without pageSize.
  const url = `${preview.url}${workloadPath(workload).replace(/&pageSize=\d+/, '')}`;
  const results: { ms: number; longestTaskMs: number }[] = [];
  try {
    for (let run = 0; run < (profile || trace ? 1 : runs); run++) {
      const busy = await cpuBusyShare(1_000);
      const context = await newBenchContext(browser);
      await context.addInitScript({ content: LONG_TASKS });
      const page = await context.newPage();
      await page.goto(url);
      const status = page.getByRole('status').filter({ hasText: /^Showing/ });
      await status.waitFor({ timeout: 60_000 });
      const button = page.getByRole('button', { name: /^Load all/ });
      await page.evaluate(WATCH_STATUS);
      const cdp = profile ? await context.newCDPSession(page) : null;
      if (cdp) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
        await cdp.send('Profiler.start');
      }
      if (trace) await browser.startTracing(page, { categories: TRACE_CATEGORIES });
      const clickedAt = await page.evaluate('performance.now()');
      await button.click();
      const done = `Showing ${total.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} loaded examples.`;
      // Watched in the page (a mutation observer), not polled: polling by role walks the DOM
      // every few milliseconds on the page's own thread, and would be measured with the app.
      await page
        .waitForFunction(
          (last: string) =>
            (globalThis as unknown as { __statuses: [number, string][] }).__statuses.at(-1)?.[1] ===
            last,
          done,
          { polling: 250, timeout: 180_000 },
        )
        .catch((error) => console.error(String(error).slice(0, 300)));
      const statuses = (await page.evaluate('window.__statuses')) as [number, string][];
      const seen = statuses.map(([, text]) => text);
      const doneAt = statuses.at(-1)?.[0] ?? ((await page.evaluate('performance.now()')) as number);
      // What follows the last page (statistics over every row): its long tasks, apart.
      await page.waitForTimeout(3_000);
      if (process.argv.includes('--requests')) {
        // Each page's request: sent, first byte and last byte, from the click (ms).
        const requests = (await page.evaluate(
          `performance.getEntriesByType('resource').filter((e) => e.name.includes('group/runs') && e.startTime >= ${clickedAt}).map((e) => [e.startTime, e.responseStart, e.responseEnd].map((t) => Math.round(t - ${clickedAt})))`,
        )) as number[][];
        for (const r of requests)
          console.log(`request sent ${r[0]} first byte ${r[1]} last byte ${r[2]}`);
      }
      if (trace) {
        const buffer = await browser.stopTracing();
        const events = JSON.parse(buffer.toString('utf8')).traceEvents;
        const keep = option('--trace-out');
        if (keep) writeFileSync(keep, buffer);
        for (const thread of summariseTrace(events, 14)) {
          console.log(`${thread.thread}: ${Math.round(thread.totalMs)} ms`);
          for (const e of thread.events) console.log(`  ${Math.round(e.selfMs)} ms  ${e.name}`);
        }
      }
      if (cdp) {
        const { profile: cpu } = await cdp.send('Profiler.stop');
        const summary = summariseProfile(
          cpu as unknown as CpuProfile,
          new SourceResolver(outDir),
          { workload: name, phase: 'load all' },
          { buckets: 16, functions: 70 },
        );
        for (const b of summary.buckets) console.log(`${Math.round(b.selfMs)} ms  ${b.name}`);
        for (const f of summary.topFunctions) {
          console.log(`  ${Math.round(f.selfMs)} ms  ${f.functionName} ${f.url}:${f.line}`);
        }
        console.log('the longest busy stretches (no idle sample), what they ran:');
        for (const line of busyStretches(cpu as unknown as CpuProfile, new SourceResolver(outDir)))
          console.log(`  ${line}`);
      }
      const tasks = (await page.evaluate(
        `window.__longTasks.filter(([s]) => s >= ${clickedAt})`,
      )) as [number, number][];
      // A task that starts before the last page shows is "while loading".
      const during = tasks.filter(([start]) => start < doneAt);
      const after = tasks.filter(([start]) => start >= doneAt);
      const longest = during.reduce((m, [, d]) => Math.max(m, d), 0);
      const sample = {
        run: run + 1,
        ms: doneAt - (clickedAt as number),
        complete: seen.at(-1) === done,
        statusCounts: seen.length,
        longestTaskMs: longest,
        tasksOver100: during.filter(([, d]) => d > 100).length,
        longestTaskAfterMs: after.reduce((m, [, d]) => Math.max(m, d), 0),
        busyBefore: busy,
        loadAverage: loadavg(),
      };
      results.push(sample);
      console.log(JSON.stringify({ ...sample, statuses: seen.slice(0, 4) }));
      await context.close();
    }
  } finally {
    await browser.close();
    await preview.close();
    await standIn.close();
    await stopAll();
  }
  const sorted = (k: 'ms' | 'longestTaskMs') => results.map((r) => r[k]).sort((a, b) => a - b);
  const mid = (v: number[]) => v[Math.floor(v.length / 2)];
  console.log(
    `${name} load all: median ${Math.round(mid(sorted('ms')) ?? 0)} ms, longest task median ${Math.round(mid(sorted('longestTaskMs')) ?? 0)} ms`,
  );
}

void main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
