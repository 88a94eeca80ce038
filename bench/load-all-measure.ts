import { loadavg } from 'node:os';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { LOAD_ALL_MAX_PAGE } from '../src/api/grouped-runs/all-pages';
import { BareChromium, BarePage } from './bare-chromium';
import { cpuBusyShare, waitForQuiet } from './machine-load';
import { BENCH_VIEWPORT, newBenchContext } from './measure-page';
import { PAGE_PROBE } from './page-probe';
import type { CpuProfile } from './profile';
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

/**
 * What the measure needs from a browser's page: Playwright's (DevTools' network agent keeps
 * and decodes every response body on the page's main thread) or the bare one
 * (bench/bare-chromium.ts, as in a person's browser). The same steps run through both.
 */
export interface LoadAllPage {
  goto(url: string): Promise<void>;
  evaluate(expression: string): Promise<unknown>;
  /** A mouse click on the button whose name starts "Load all". */
  clickLoadAll(): Promise<void>;
  close(): Promise<void>;
  /** Around the click (a CPU profile, a trace): Playwright's page only. */
  beforeClick?(): Promise<void>;
  afterDone?(): Promise<void>;
}

/** A new page in a fresh context, with the bench's viewport, PAGE_PROBE and `initScripts`. */
export type OpenLoadAllPage = (initScripts: string[]) => Promise<LoadAllPage>;

/** What a caller may add around the click (a CPU profile, a trace), on the same page. */
export interface LoadAllHooks {
  beforeClick?: (page: Page, context: BrowserContext) => Promise<void>;
  afterDone?: (page: Page) => Promise<void>;
}

/** Playwright's page ("watched": its `Network.enable` makes DevTools keep every body). */
export function playwrightPages(browser: Browser, hooks: LoadAllHooks = {}): OpenLoadAllPage {
  return async (initScripts) => {
    const context = await newBenchContext(browser);
    for (const content of initScripts) await context.addInitScript({ content });
    const page = await context.newPage();
    return {
      goto: async (url) => void (await page.goto(url)),
      evaluate: (expression) => page.evaluate(expression),
      clickLoadAll: () => page.getByRole('button', { name: /^Load all/ }).click(),
      close: () => context.close(),
      beforeClick: async () => hooks.beforeClick?.(page, context),
      afterDone: async () => hooks.afterDone?.(page),
    };
  };
}

/**
 * The bare browser's page (no DevTools network agent), set up like newBenchContext's; with
 * `onProfile`, a CPU profile (250 µs) from the click to 3 s after the last page shows.
 */
export function barePages(
  browser: BareChromium,
  onProfile?: (profile: CpuProfile) => void,
): OpenLoadAllPage {
  return async (initScripts) => {
    const page = await BarePage.open(browser, {
      viewport: BENCH_VIEWPORT,
      deviceScaleFactor: 1,
      initScripts: [PAGE_PROBE, ...initScripts],
    });
    return {
      goto: (url) => page.goto(url),
      evaluate: (expression) => page.evaluate(expression),
      clickLoadAll: () => page.clickButton('Load all'),
      close: () => page.close(),
      ...(onProfile && {
        beforeClick: () => page.startProfile(250),
        afterDone: async () => onProfile(await page.stopProfile<CpuProfile>()),
      }),
    };
  };
}

const POLL_MS = 250;

/** Polls `expression` from outside the page until it is true; false at `timeoutMs`. */
async function waitUntil(page: LoadAllPage, expression: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if ((await page.evaluate(expression)) === true) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

const SHOWING = `[...document.querySelectorAll('[role="status"]')].some((el) => (el.textContent ?? '').startsWith('Showing'))`;

export async function measureLoadAll(
  open: OpenLoadAllPage,
  url: string,
  total: number,
  run: number,
  busyBefore?: number | null,
): Promise<LoadAllSample> {
  const busy = busyBefore === undefined ? await cpuBusyShare(1_000) : busyBefore;
  const page = await open([LONG_TASKS]);
  try {
    await page.goto(url);
    if (!(await waitUntil(page, SHOWING, 60_000)))
      throw new Error(`${url}: no "Showing…" status in 60 s`);
    await page.evaluate(WATCH_STATUS);
    await page.beforeClick?.();
    const clickedAt = (await page.evaluate('performance.now()')) as number;
    await page.clickLoadAll();
    const count = total.toLocaleString('en-US');
    const done = `Showing ${count} of ${count} loaded examples.`;
    await waitUntil(page, `window.__statuses.at(-1)?.[1] === ${JSON.stringify(done)}`, 180_000);
    const statuses = (await page.evaluate('window.__statuses')) as [number, string][];
    const seen = statuses.filter(([at]) => at >= clickedAt).map(([, text]) => text);
    const complete = seen.at(-1) === done;
    const doneAt = complete
      ? (statuses.at(-1)?.[0] as number)
      : ((await page.evaluate('performance.now()')) as number);
    // What follows the last page (statistics over every row): its long tasks, apart.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    await page.afterDone?.();
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
    await page.close();
  }
}

/**
 * `npm run bench`'s samples: the L link without pageSize (the default page size), in the
 * live-mode preview; `runs` in the bare browser (the headline) and as many in the bench's
 * Playwright browser (watched), one of each in turn so that both see the same machine. With
 * `quiet.maxMs`, each waits for idle CPUs first.
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
  const bare = BareChromium.launch();
  const drivers = [
    { name: 'bare', open: barePages(bare), samples: [] as LoadAllSample[] },
    { name: 'watched', open: playwrightPages(options.browser), samples: [] as LoadAllSample[] },
  ];
  try {
    for (let i = 0; i < options.runs; i++) {
      for (const driver of drivers) {
        const busy =
          options.quiet.maxMs > 0
            ? await waitForQuiet({
                ...options.quiet,
                onWait: (b) => log(`waiting for quiet CPUs (${Math.round(b * 100)} % busy)`),
              })
            : await cpuBusyShare(500);
        const sample = await measureLoadAll(driver.open, url, workload.spec.examples, i + 1, busy);
        log(
          `L load all (${driver.name}) #${i + 1}: ${formatMs(sample.ms)}${sample.complete ? '' : ' (incomplete)'}, longest task ${formatMs(sample.longestTaskMs)}, ${sample.tasksOver100} > 100 ms, ${sample.statuses.length} status counts`,
        );
        driver.samples.push(sample);
      }
    }
  } finally {
    await bare.close();
  }
  const [bareRuns, watched] = drivers.map((d) => d.samples) as [LoadAllSample[], LoadAllSample[]];
  return { maxPage: LOAD_ALL_MAX_PAGE, samples: bareRuns, watchedSamples: watched };
}
