/**
 * The statistics on the L workload in a real browser: live mode against the local
 * stand-in, the panel open. Reports how long the worker took (post → answer, the app's
 * `versus:statistics` measure) and the longest main-thread frame while it ran (Long
 * Animation Frames). Not part of `npm test`; run `npx tsx bench/stats-page.ts`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/support/chromium';
import { buildApp, startPreview, startStandIn, stopAll } from './servers';
import { buildWorkload, createBenchStore, WORKLOAD_SPECS, workloadPath } from './workloads';

const PROBE = `
(() => {
  window.__frames = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__frames.push({ start: e.startTime, duration: e.duration,
        scripts: (e.scripts || []).map((s) => (s.sourceFunctionName || s.invoker || '?') + '@' + (s.sourceURL || '').split('/').pop() + ':' + s.sourceCharPosition + ' ' + Math.round(s.duration)) });
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {}
})();
`;

const READ = `
(() => {
  const m = performance.getEntriesByName('versus:statistics', 'measure').at(-1);
  const ready = performance.getEntriesByName('versus:data-ready', 'mark').at(-1);
  const done = document.querySelector('.stats-table') && !/Computing/.test(document.querySelector('.stats__status')?.textContent || '');
  if (!m || !done) return null;
  const within = window.__frames.filter((f) => f.start + f.duration > m.startTime && f.start < m.startTime + m.duration);
  const longest = within.reduce((a, f) => (f.duration > (a?.duration ?? 0) ? f : a), null);
  return { workerMs: m.duration, dataReadyToDone: m.startTime + m.duration - (ready?.startTime ?? 0),
    frames: within.length, longestFrame: longest };
})()
`;

interface StatsSample {
  workerMs: number;
  dataReadyToDone: number;
  frames: number;
  longestFrame: { duration: number; scripts: string[] } | null;
}

async function measure(page: Page, url: string): Promise<StatsSample> {
  await page.goto(url);
  const deadline = Date.now() + 600_000;
  while (Date.now() < deadline) {
    const result = (await page.evaluate(READ)) as StatsSample | null;
    if (result) return result;
    await page.waitForTimeout(250);
  }
  const state = await page.evaluate(
    `JSON.stringify({ marks: performance.getEntriesByType('mark').map((m) => m.name), status: document.querySelector('.stats__status')?.textContent, table: !!document.querySelector('.stats-table'), body: document.body.innerText.slice(0, 600) })`,
  );
  throw new Error(`statistics did not finish for ${url}: ${state}`);
}

/** `--url <base> <path>`: measure a running app instead (e.g. `npm start` on demo data). */
function urlArgument(): string | null {
  const at = process.argv.indexOf('--url');
  return at >= 0 ? `${process.argv[at + 1] ?? ''}${process.argv[at + 2] ?? ''}` : null;
}

/** Actions on the open panel, each timed from the click to its statistics (or 1 s for adjust). */
const ACTIONS: [string, (page: Page) => Promise<unknown>, boolean][] = [
  [
    'cluster by topic',
    (p) => p.getByRole('combobox', { name: 'Cluster by' }).selectOption('topic'),
    true,
  ],
  [
    'cluster by document',
    (p) => p.getByRole('combobox', { name: 'Cluster by' }).selectOption('document'),
    true,
  ],
  ['no clustering', (p) => p.getByRole('combobox', { name: 'Cluster by' }).selectOption(''), true],
  [
    'adjust: Benjamini–Hochberg',
    (p) => p.getByRole('combobox', { name: 'Adjust p-values' }).selectOption('bh'),
    false,
  ],
  ['open the slices', (p) => p.getByRole('button', { name: 'Slices by group' }).click(), true],
  // Not statistics, for reference: another view change re-renders the page the same way.
  [
    'reference: regressions only',
    (p) => p.getByRole('combobox', { name: 'Show', exact: true }).selectOption('regressions'),
    false,
  ],
];

const SINCE = (t0: number) => `
(() => {
  const done = performance.getEntriesByName('versus:statistics-done', 'mark').filter((m) => m.startTime > ${t0});
  const frames = window.__frames.filter((f) => f.start + f.duration > ${t0});
  const longest = frames.reduce((a, f) => (f.duration > (a ? a.duration : 0) ? f : a), null);
  return { done: done.length > 0 ? done[done.length - 1].startTime - ${t0} : null, frames: frames.length, longest };
})()
`;

interface ActionSample {
  done: number | null;
  frames: number;
  longest: { duration: number; scripts: string[] } | null;
}

async function measureAll(browser: Browser, base: string): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript({ content: PROBE });
  const page = await context.newPage();
  const r = await measure(page, `${base}&stats=open`);
  console.log(
    `${'load, panel open'.padEnd(28)} worker ${Math.round(r.workerMs)} ms; data ready → statistics ${Math.round(r.dataReadyToDone)} ms; longest frame meanwhile ${Math.round(r.longestFrame?.duration ?? 0)} ms (the matrix renders then too) ${r.longestFrame ? JSON.stringify(r.longestFrame.scripts) : ''}`,
  );
  await page.waitForTimeout(2000);
  for (const [label, act, worker] of ACTIONS) {
    const t0 = (await page.evaluate('performance.now()')) as number;
    await act(page);
    let result: {
      done: number | null;
      frames: number;
      longest: { duration: number; scripts: string[] } | null;
    } | null = null;
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      await page.waitForTimeout(worker ? 200 : 1000);
      result = (await page.evaluate(SINCE(t0))) as ActionSample;
      if (!worker || result?.done !== null) break;
    }
    await page.waitForTimeout(500);
    result = (await page.evaluate(SINCE(t0))) as ActionSample;
    console.log(
      `${label.padEnd(28)} ${worker ? `click → statistics ${Math.round(result?.done ?? -1)} ms; ` : ''}longest frame ${Math.round(result?.longest?.duration ?? 0)} ms over ${result?.frames ?? 0} long frames ${result?.longest ? JSON.stringify(result.longest.scripts) : ''}`,
    );
    await page.waitForTimeout(1000);
  }
  await context.close();
}

async function main() {
  const direct = urlArgument();
  if (direct) {
    const browser = await chromium.launch(chromiumLaunchOptions());
    try {
      await measureAll(browser, direct);
    } finally {
      await browser.close();
    }
    return;
  }
  const workload = buildWorkload(WORKLOAD_SPECS.L);
  const standIn = await startStandIn(createBenchStore([workload]));
  const outDir = mkdtempSync(join(tmpdir(), 'versus-stats-bench-'));
  let browser: Browser | null = null;
  try {
    // `--readable`: an unminified build, so long frames name their functions.
    await buildApp(
      process.cwd(),
      outDir,
      process.argv.includes('--readable') ? ['--minify', 'false'] : [],
    );
    const preview = await startPreview({ cwd: process.cwd(), outDir, standInUrl: standIn.url });
    browser = await chromium.launch(chromiumLaunchOptions());
    await measureAll(browser, `${preview.url}${workloadPath(workload)}`);
    await preview.close();
  } finally {
    await browser?.close();
    await standIn.close();
    rmSync(outDir, { recursive: true, force: true });
    await stopAll();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
