import { loadavg } from 'node:os';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { LOAD_ALL_MAX_PAGE } from '../src/api/grouped-runs/all-pages';
import { cpuBusyShare, waitForQuiet } from './machine-load';
import { newBenchContext } from './measure-page';
import { formatMs } from './report-stats';
import type { LoadAllResult, LoadAllSample } from './results';
import { type Workload, workloadPath } from './workloads';

/**
 * One sample of "Load all" from the default page size, as a person clicks it: click → every
 * example in the matrix (the status says "Showing N of N"), the status's counts seen on the
 * way (rows appear as pages arrive), the page's long tasks while loading (PerformanceObserver
 * `longtask`) and in the 3 s after, and each page's request times.
 */

const LONG_TASKS = `
(() => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
})();
`;

/**
 * Records each new text of the matrix's status ("Showing N of M…") with its time. Watched in
 * the page, not polled: polling by role walks the DOM every few milliseconds on the page's own
 * thread, and would be measured with the app.
 */
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

/** What a caller may add around the click (a CPU profile, a trace), on the same page. */
export interface LoadAllHooks {
  beforeClick?: (page: Page, context: BrowserContext) => Promise<void>;
  afterDone?: (page: Page) => Promise<void>;
}

export async function measureLoadAll(
  browser: Browser,
  url: string,
  total: number,
  run: number,
  hooks: LoadAllHooks = {},
  busyBefore?: number | null,
): Promise<LoadAllSample> {
  const busy = busyBefore === undefined ? await cpuBusyShare(1_000) : busyBefore;
  const context = await newBenchContext(browser);
  try {
    await context.addInitScript({ content: LONG_TASKS });
    const page = await context.newPage();
    await page.goto(url);
    await page
      .getByRole('status')
      .filter({ hasText: /^Showing/ })
      .waitFor({ timeout: 60_000 });
    const button = page.getByRole('button', { name: /^Load all/ });
    await page.evaluate(WATCH_STATUS);
    await hooks.beforeClick?.(page, context);
    const clickedAt = (await page.evaluate('performance.now()')) as number;
    await button.click();
    const count = total.toLocaleString('en-US');
    const done = `Showing ${count} of ${count} loaded examples.`;
    await page
      .waitForFunction(
        (last: string) =>
          (globalThis as unknown as { __statuses: [number, string][] }).__statuses.at(-1)?.[1] ===
          last,
        done,
        { polling: 250, timeout: 180_000 },
      )
      .catch(() => undefined);
    const statuses = (await page.evaluate('window.__statuses')) as [number, string][];
    const seen = statuses.filter(([at]) => at >= clickedAt).map(([, text]) => text);
    const complete = seen.at(-1) === done;
    const doneAt = complete
      ? (statuses.at(-1)?.[0] as number)
      : ((await page.evaluate('performance.now()')) as number);
    // What follows the last page (statistics over every row): its long tasks, apart.
    await page.waitForTimeout(3_000);
    await hooks.afterDone?.(page);
    const tasks = (await page.evaluate(
      `window.__longTasks.filter(([s]) => s >= ${clickedAt})`,
    )) as [number, number][];
    // A task that starts before the last page shows is "while loading".
    const during = tasks.filter(([start]) => start < doneAt);
    const after = tasks.filter(([start]) => start >= doneAt);
    const requests = (await page.evaluate(
      `performance.getEntriesByType('resource').filter((e) => e.name.includes('group/runs') && e.startTime >= ${clickedAt}).map((e) => [e.startTime, e.responseStart, e.responseEnd].map((t) => Math.round(t - ${clickedAt})))`,
    )) as [number, number, number][];
    return {
      run,
      ms: doneAt - clickedAt,
      complete,
      statuses: seen,
      longestTaskMs: during.reduce((m, [, d]) => Math.max(m, d), 0),
      tasksOver100: during.filter(([, d]) => d > 100).length,
      longestTaskAfterMs: after.reduce((m, [, d]) => Math.max(m, d), 0),
      requests,
      busyBefore: busy,
      loadAverage: loadavg().map((v) => Math.round(v * 100) / 100),
    };
  } finally {
    await context.close();
  }
}

/**
 * `npm run bench`'s samples: the L link without pageSize (the default page size), in the
 * bench's browser and live-mode preview; with `quiet.maxMs`, each waits for idle CPUs first.
 */
export async function measureLoadAllOnL(options: {
  browser: Browser;
  workload: Workload;
  baseUrl: string;
  runs: number;
  quiet: { threshold: number; maxMs: number };
  log: (message: string) => void;
}): Promise<LoadAllResult> {
  const { workload, log } = options;
  const url = `${options.baseUrl}${workloadPath(workload).replace(/&pageSize=\d+/, '')}`;
  const samples: LoadAllSample[] = [];
  for (let i = 0; i < options.runs; i++) {
    const busy =
      options.quiet.maxMs > 0
        ? await waitForQuiet({
            ...options.quiet,
            onWait: (b) => log(`waiting for quiet CPUs (${Math.round(b * 100)} % busy)`),
          })
        : await cpuBusyShare(500);
    const sample = await measureLoadAll(
      options.browser,
      url,
      workload.spec.examples,
      i + 1,
      {},
      busy,
    );
    log(
      `L load all #${i + 1}: ${formatMs(sample.ms)}${sample.complete ? '' : ' (incomplete)'}, longest task ${formatMs(sample.longestTaskMs)}, ${sample.tasksOver100} > 100 ms, ${sample.statuses.length} status counts`,
    );
    samples.push(sample);
  }
  return { maxPage: LOAD_ALL_MAX_PAGE, samples };
}
