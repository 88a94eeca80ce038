import { loadavg } from 'node:os';
import type { Browser, BrowserContext, CDPSession, Page } from '@playwright/test';
import { READING_STEP } from './budgets';
import { PAGE_PROBE } from './page-probe';
import type {
  FloorSample,
  HeapSample,
  InteractionName,
  InteractionSample,
  IterationPlan,
  IterationSample,
  LoadSample,
  LongFrame,
  ScrollSample,
  TimelineEntry,
} from './samples';

/**
 * The in-page measurements. Everything timed runs inside the page (performance.now(), rAF,
 * MutationObserver, the app's User Timing marks), so Playwright's own round trips never
 * enter a number. The page code is a plain JavaScript string: functions compiled by tsx
 * carry helpers (`__name`) that do not exist in the page.
 */

export const BENCH_VIEWPORT = { width: 1440, height: 900 };
const READING_FRAMES = 120;
/** A control that is not there in this long is reported missing (the app may have changed). */
const ACTION_TIMEOUT_MS = 5_000;

export async function newBenchContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: BENCH_VIEWPORT, deviceScaleFactor: 1 });
  await context.addInitScript({ content: PAGE_PROBE });
  return context;
}

/** Longest any single in-page step may take before the sample is abandoned. */
const STEP_TIMEOUT_MS = 120_000;

/** Progress lines for `--verbose` (set by run.ts). */
export const trace = { log: (_message: string) => {} };

/**
 * page.evaluate with a deadline: a page that stops producing frames (rAF never fires) must
 * fail one sample, not hang the bench.
 */
async function evaluate<T>(page: Page, expression: string): Promise<T> {
  const label = expression.replace(/\s+/g, ' ').slice(0, 60);
  trace.log(`evaluate ${label}`);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer from the page within ${STEP_TIMEOUT_MS} ms: ${label}`)),
      STEP_TIMEOUT_MS,
    );
  });
  try {
    return (await Promise.race([page.evaluate(expression), deadline])) as T;
  } catch (error) {
    // Say what the page was doing: still producing frames? visible? where was the scroll?
    const state = await Promise.race([
      page
        .evaluate(
          `JSON.stringify({ now: performance.now(), visibility: document.visibilityState,
             scroll: window.__bench && window.__bench.scrollState })`,
        )
        .catch((e: unknown) => `unavailable: ${String(e)}`),
      new Promise((resolve) => setTimeout(() => resolve('no answer'), 5_000)),
    ]);
    throw new Error(`${error instanceof Error ? error.message : String(error)}; page: ${state}`);
  } finally {
    clearTimeout(timer);
  }
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

async function measureHeap(page: Page, cdp: CDPSession): Promise<HeapSample> {
  // Let lazy chunks and effects settle, then collect twice (weak references need two passes).
  await page.waitForTimeout(500);
  await evaluate(page, 'new Promise((r) => requestIdleCallback(() => r(true), { timeout: 5000 }))');
  trace.log('heap: collect garbage');
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = await cdp.send('Runtime.getHeapUsage');
  const perf = await evaluate<number | null>(
    page,
    '(performance.memory && performance.memory.usedJSHeapSize) || null',
  );
  await cdp.send('HeapProfiler.disable');
  return { usedBytes: usage.usedSize, totalBytes: usage.totalSize, performanceMemoryBytes: perf };
}

interface ProbeState {
  start: number | null;
  urlChange: number | null;
  firstMutation: number | null;
  painted: number | null;
  mutationBatches: number;
  rowsAfter: number | null;
  status: string | null;
  error: string | null;
}

async function interact(
  page: Page,
  name: InteractionName,
  act: () => Promise<void>,
): Promise<InteractionSample> {
  await evaluate(page, `window.__bench.arm(${JSON.stringify(name)}, 60000)`);
  try {
    await act();
  } catch (error) {
    // A control the app no longer has: this interaction is reported as failed, not the run.
    const reason = `could not act: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
    await evaluate(page, `window.__bench.cancel(${JSON.stringify(reason)})`);
  }
  const st = await evaluate<ProbeState>(page, 'window.__bench.pending');
  const span = (from: number | null, to: number | null) =>
    from !== null && to !== null ? to - from : null;
  const longFrames =
    st.start !== null && st.painted !== null
      ? await evaluate<LongFrame[]>(
          page,
          `window.__bench.longFramesBetween(${st.start}, ${st.painted})`,
        )
      : [];
  return {
    name,
    totalMs: span(st.start, st.painted),
    afterUrlMs: span(st.urlChange, st.painted),
    toUrlMs: span(st.start, st.urlChange),
    toCommitMs: span(st.start, st.firstMutation),
    mutationBatches: st.mutationBatches,
    rowsAfter: st.rowsAfter,
    status: st.status,
    longFrames,
    error: st.error ?? (st.painted === null ? 'not painted' : null),
  };
}

/**
 * Waits for the load's marks. Polls inside the page: the app's CSP forbids the eval that
 * page.waitForFunction would use.
 */
export async function waitForLoaded(page: Page, timeoutMs: number): Promise<void> {
  const ok = await evaluate<boolean>(page, `window.__bench.whenLoaded(${timeoutMs})`);
  if (!ok) throw new Error(`The matrix did not paint within ${timeoutMs} ms`);
}

/** Lets the page go quiet between actions so one action's tail is not timed as the next's. */
/** One scroll from the top (see the probe's scroll), checked to have moved. */
async function scrollSample(
  page: Page,
  label: string,
  maxFrames: number,
  screens: number,
): Promise<ScrollSample> {
  const s = await evaluate<Omit<ScrollSample, 'capped'> & { error?: string }>(
    page,
    `window.__bench.scroll(${maxFrames}, ${screens})`,
  );
  if (s.error) throw new Error(`${label}: ${s.error}`);
  // Frames of a scroll that did not move would time an idle page.
  if (s.frames > 0 && s.scrollTop === 0) throw new Error(`${label}: the matrix did not move`);
  return { ...s, capped: !s.reachedEnd && s.frames >= maxFrames };
}

async function settle(page: Page): Promise<void> {
  await evaluate(
    page,
    'new Promise((r) => requestIdleCallback(() => requestAnimationFrame(() => r(true)), { timeout: 3000 }))',
  );
}

export async function runInteractions(
  page: Page,
  plan: IterationPlan,
): Promise<InteractionSample[]> {
  const [baselineId, otherId] = plan.sessionIds;
  if (!baselineId || !otherId) throw new Error('Interactions need at least two sessions');
  const sortBy = page.getByRole('combobox', { name: 'Sort by' });
  const search = page.getByRole('searchbox', { name: 'Search examples' });
  const show = page.getByRole('combobox', { name: 'Show' });
  const baseline = page.getByRole('combobox', { name: 'Baseline' });
  const out: InteractionSample[] = [];
  // One select of every (what, whose, which key) combination, or a "what" select whose
  // choices are kinds ('score': the first experiment's first key), as the toolbar evolved.
  const sortOptions = await sortBy
    .evaluate((el) => Array.from((el as HTMLSelectElement).options, (o) => o.value), undefined, {
      timeout: ACTION_TIMEOUT_MS,
    })
    .catch(() => [] as string[]);
  const combined = JSON.stringify({ by: 'score', sessionId: otherId, key: plan.feedbackKey });
  const sortValue = sortOptions.includes(combined) ? combined : 'score';
  await evaluate(page, `document.querySelector('.matrix').scrollTop = 0`);
  await settle(page);
  const options = { timeout: ACTION_TIMEOUT_MS };
  out.push(
    await interact(page, 'sort', () => sortBy.selectOption(sortValue, options).then(() => {})),
  );
  await settle(page);
  out.push(await interact(page, 'search', () => search.fill(plan.searchText, options)));
  await settle(page);
  out.push(await interact(page, 'searchCleared', () => search.fill('', options)));
  await settle(page);
  out.push(
    await interact(page, 'regressions', () =>
      show.selectOption('regressions', options).then(() => {}),
    ),
  );
  await settle(page);
  out.push(
    await interact(page, 'baseline', () => baseline.selectOption(otherId, options).then(() => {})),
  );
  return out;
}

const CALIBRATION_PAGE = `<!doctype html><title>calibration</title>
<div class="matrix" style="height:675px;overflow:auto;contain:strict">
<div style="height:400000px;background:repeating-linear-gradient(#eee 0 40px,#fff 40px 80px)"></div>
</div>`;

/**
 * What this machine's headless Chromium can do at best: the same rAF scroll loop over a static
 * page with nothing to render. Frame times here are the floor for the matrix's.
 */
export async function measureCalibration(browser: Browser, frames: number): Promise<number[]> {
  const context = await newBenchContext(browser);
  try {
    const page = await context.newPage();
    await page.setContent(CALIBRATION_PAGE);
    await settle(page);
    const result = await evaluate<{ deltas: number[] }>(page, `window.__bench.scroll(${frames})`);
    return result.deltas;
  } finally {
    await context.close();
  }
}

/** The `limit` of a group/runs request body (0 when it has none). */
function limitOf(body: string | null): number {
  try {
    const limit = (JSON.parse(body ?? '') as { limit?: unknown }).limit;
    return typeof limit === 'number' ? limit : 0;
  } catch {
    return 0;
  }
}

/** One cold load of the workload in a fresh context, then everything measured on that page. */
export async function measureIteration(
  browser: Browser,
  plan: IterationPlan,
  index: number,
  busyBefore: number | null,
): Promise<IterationSample> {
  const loadAverage = loadavg().map((v) => Math.round(v * 100) / 100);
  const context = await newBenchContext(browser);
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    // The app's own request for the page, replayed for the floor: same path, same body. (A
    // large page also sends a small first-screen request: the page's is the largest limit.)
    const sent: { path: string | null; body: string | null; limit: number } = {
      path: null,
      body: null,
      limit: -1,
    };
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (request.method() !== 'POST' || !/\/group\/runs$/.test(path)) return;
      const body = request.postData();
      const limit = limitOf(body);
      if (limit > sent.limit) Object.assign(sent, { path, body, limit });
    });

    trace.log(`load ${plan.url.slice(0, 60)}…`);
    const started = performance.now();
    await page.goto(plan.url, { waitUntil: 'commit', timeout: plan.loadTimeoutMs });
    await page
      .locator('tr[data-example-id]')
      .first()
      .waitFor({ state: 'visible', timeout: plan.loadTimeoutMs });
    const wallNavToFirstRowMs = performance.now() - started;
    await waitForLoaded(page, plan.loadTimeoutMs);
    const raw = await evaluate<Record<string, unknown>>(page, 'window.__bench.loadMetrics()');
    const load: LoadSample = {
      navToFirstRowMs: numberOr(raw.firstRowPainted, Number.NaN),
      navToMatrixPaintedMs: numberOr(raw.matrixPainted, Number.NaN),
      navToResponseMs: numberOr(raw.responseReceived, Number.NaN),
      responseToMatrixMs: numberOr(raw.responseToMatrix, Number.NaN),
      responseToCompleteMatrixMs: numberOr(raw.responseToCompleteMatrix, Number.NaN),
      parseValidateNormaliseMs: numberOr(raw.parseValidateNormalise, Number.NaN),
      wallNavToFirstRowMs,
      matrixPaintedMarks: numberOr(raw.matrixPaintedMarks, 0),
      rowsInDom: numberOr(raw.rowsInDom, 0),
      status: typeof raw.status === 'string' ? raw.status : null,
      timeline: Array.isArray(raw.timeline) ? (raw.timeline as TimelineEntry[]) : [],
    };
    const loadEnd = numberOr(raw.matrixPainted, numberOr(raw.firstRowPainted, 0));
    const loadLongFrames = await evaluate<LongFrame[]>(
      page,
      `window.__bench.longFramesBetween(0, ${loadEnd})`,
    );

    const heap = plan.skip.heap ? null : await measureHeap(page, cdp);

    let scroll: ScrollSample | null = null;
    let readingScroll: ScrollSample | null = null;
    if (!plan.skip.scroll) {
      await settle(page);
      scroll = await scrollSample(page, 'scroll', plan.scrollMaxFrames, 0.5);
      // From rest: the app keeps a fling's glance mode while a scroll goes on fast enough.
      await page.waitForTimeout(500);
      await settle(page);
      readingScroll = await scrollSample(page, 'reading-pace scroll', READING_FRAMES, READING_STEP);
    }

    const interactions = plan.skip.interactions ? [] : await runInteractions(page, plan);

    let floor: FloorSample | null = null;
    if (!plan.skip.floor) {
      if (sent.body === null || sent.path === null) {
        throw new Error('The app sent no POST group/runs request');
      }
      await settle(page);
      floor = await evaluate<FloorSample>(
        page,
        `window.__bench.floor(${JSON.stringify(sent.path)}, ${JSON.stringify(sent.body)})`,
      );
      if (floor.status !== 200) throw new Error(`floor request answered ${floor.status}`);
    }

    return {
      index,
      load,
      heap,
      scroll,
      readingScroll,
      interactions,
      floor,
      requestBodyChars: sent.body?.length ?? null,
      loadLongFrames,
      pageErrors,
      loadAverage,
      busyBefore,
    };
  } finally {
    await context.close();
  }
}
