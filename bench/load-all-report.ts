import { formatMs, median } from './report-stats';
import type { BudgetResult, LoadAllResult, LoadAllSample } from './results';

/**
 * "Load all" on L (issue 20): its budget and its BENCH.md section, from the samples of
 * bench/load-all-measure.ts. The budget is on the bare browser's samples (a person's
 * browser); Playwright's (watched) are shown beside them. Pure.
 */

export const LOAD_ALL_BUDGET = {
  /** Click → every example shown, median. */
  ms: 10_000,
  /** No task longer than this while the pages arrive (the longest, median over samples). */
  taskMs: 100,
} as const;

function figures(s: readonly LoadAllSample[]) {
  return {
    ms: median(s.map((x) => x.ms)),
    longest: median(s.map((x) => x.longestTaskMs)),
    over100: median(s.map((x) => x.tasksOver100)),
    after: median(s.map((x) => x.longestTaskAfterMs)),
    counts: median(s.map((x) => x.statuses.length)),
    complete: s.every((x) => x.complete),
  };
}

export function loadAllBudget(result: LoadAllResult): BudgetResult {
  const f = figures(result.samples);
  // Without watchedSamples (results from before the bare browser), samples are Playwright's.
  const bare = result.watchedSamples !== undefined;
  const watched = result.watchedSamples?.length ? figures(result.watchedSamples) : null;
  // Rows appear as pages arrive: the status counted more than the first and the last page.
  const streams = f.counts !== null && f.counts > 2;
  const met =
    f.ms === null || f.longest === null
      ? null
      : f.complete && streams && f.ms <= LOAD_ALL_BUDGET.ms && f.longest <= LOAD_ALL_BUDGET.taskMs;
  return {
    id: 'l-load-all',
    workload: 'L',
    label:
      '"Load all" from the default page size, in pages (live mode): click → every example shown (median), the longest task while loading (median), rows appear as pages arrive',
    limit: `≤ ${formatMs(LOAD_ALL_BUDGET.ms)}, no task > ${formatMs(LOAD_ALL_BUDGET.taskMs)}`,
    measured: `${formatMs(f.ms)}, longest task ${formatMs(f.longest)}`,
    value: f.ms,
    met,
    note: `${bare ? 'in a browser without DevTools; ' : "in Playwright's page (DevTools watching); "}${f.over100 ?? '–'} tasks > 100 ms while loading; the status counted ${f.counts ?? '–'} times${f.complete ? '' : '; a sample never showed every example'}; longest task in the 3 s after: ${formatMs(f.after)}${watched ? `; in Playwright's page (DevTools' network agent decoding each body): ${formatMs(watched.ms)}, longest task ${formatMs(watched.longest)}` : ''}`,
  };
}

export function withLoadAllBudget(
  budgets: BudgetResult[],
  result: LoadAllResult | null | undefined,
): BudgetResult[] {
  return result && result.samples.length > 0 ? [...budgets, loadAllBudget(result)] : budgets;
}

const WHY = [
  "Why two browsers: Playwright enables the DevTools `Network` domain on every page it drives, with the default buffers (20 MB per resource), and Chromium's network agent then keeps each response body for `Network.getResponseBody` and decodes it as text on the page's main thread once it has arrived. In a trace (`npx tsx bench/load-all.ts --trace`) that is one task of 300–440 ms per ~17 MB page, named `TextResourceDecoder::Decode` under `ResponseBodyLoader::DidFinishLoadingBody`: not the app's work, and a browser without DevTools open does none of it. Measured: one more DevTools session on the page sending `Network.enable` doubles it (12 → 24 such decodes over 20 ms, 2.1 s → 4.2 s; click → every example 13.7 s → 18.2 s; longest task 409 → 783 ms), and a trace of the bare browser's click (the same categories, through its pipe) has none over 20 ms where Playwright's page had 12. Playwright cannot be told not to, so the headline (and the budget) is Chromium driven over the bare DevTools pipe with the `Network` domain never enabled (`bench/bare-chromium.ts`): the same executable, flags, viewport and page probe.",
  '',
].join('\n');

function table(samples: readonly LoadAllSample[]): string[] {
  return [
    '| sample | click → every example | longest task while loading | tasks > 100 ms | status counts | longest task in the 3 s after | CPUs busy before | load average |',
    '|---:|---:|---:|---:|---:|---:|---:|---|',
    ...samples.map(
      (s) =>
        `| ${s.run} | ${formatMs(s.ms)}${s.complete ? '' : ' (incomplete)'} | ${formatMs(s.longestTaskMs)} | ${s.tasksOver100} | ${s.statuses.length} | ${formatMs(s.longestTaskAfterMs)} | ${s.busyBefore === null ? '–' : `${Math.round(s.busyBefore * 100)} %`} | ${s.loadAverage.join(' / ')} |`,
    ),
    '',
  ];
}

export function loadAllSection(result: LoadAllResult): string {
  const lines = [
    '### "Load all" on L, from the default page size',
    '',
    `The L link without \`pageSize\` (100 a page), live mode against the stand-in; the "Load all" button clicked as a person does; done when the status says every example is shown. Pages double from 100 to ${result.maxPage.toLocaleString('en-US')} examples; the next page is asked for once a page has downloaded. Long tasks from \`PerformanceObserver\` (\`longtask\`).`,
    '',
  ];
  if (!result.watchedSamples) {
    // Results from before the bare browser: their samples were taken in Playwright's page.
    lines.push(
      "In Playwright's page (DevTools' network agent keeps and decodes each response body on the page's main thread; results taken since add a browser without it):",
      '',
      ...table(result.samples),
    );
    return lines.join('\n');
  }
  lines.push('In a browser without DevTools (the budget):', '', ...table(result.samples));
  if (result.watchedSamples.length > 0)
    lines.push(
      "In Playwright's page (watched: DevTools' network agent keeps and decodes each response body):",
      '',
      ...table(result.watchedSamples),
      WHY,
    );
  return lines.join('\n');
}
