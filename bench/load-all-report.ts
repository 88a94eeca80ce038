import { formatMs, median } from './report-stats';
import type { BudgetResult, LoadAllResult } from './results';

/**
 * "Load all" on L (issue 20): its budget and its BENCH.md section, from the samples of
 * bench/load-all-measure.ts. Pure.
 */

export const LOAD_ALL_BUDGET = {
  /** Click → every example shown, median. */
  ms: 10_000,
  /** No task longer than this while the pages arrive (the longest, median over samples). */
  taskMs: 100,
} as const;

function figures(result: LoadAllResult) {
  const s = result.samples;
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
  const f = figures(result);
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
    note: `${f.over100 ?? '–'} tasks > 100 ms while loading; the status counted ${f.counts ?? '–'} times${f.complete ? '' : '; a sample never showed every example'}; longest task in the 3 s after: ${formatMs(f.after)}`,
  };
}

export function withLoadAllBudget(
  budgets: BudgetResult[],
  result: LoadAllResult | null | undefined,
): BudgetResult[] {
  return result && result.samples.length > 0 ? [...budgets, loadAllBudget(result)] : budgets;
}

export function loadAllSection(result: LoadAllResult): string {
  const lines = [
    '### "Load all" on L, from the default page size',
    '',
    `The L link without \`pageSize\` (100 a page), live mode against the stand-in; the "Load all" button clicked as a person does; done when the status says every example is shown. Pages double from 100 to ${result.maxPage.toLocaleString('en-US')} examples; the next page is asked for once a page has downloaded. Long tasks from \`PerformanceObserver\` (\`longtask\`).`,
    '',
    '| sample | click → every example | longest task while loading | tasks > 100 ms | status counts | longest task in the 3 s after | CPUs busy before | load average |',
    '|---:|---:|---:|---:|---:|---:|---:|---|',
  ];
  for (const s of result.samples) {
    lines.push(
      `| ${s.run} | ${formatMs(s.ms)}${s.complete ? '' : ' (incomplete)'} | ${formatMs(s.longestTaskMs)} | ${s.tasksOver100} | ${s.statuses.length} | ${formatMs(s.longestTaskAfterMs)} | ${s.busyBefore === null ? '–' : `${Math.round(s.busyBefore * 100)} %`} | ${s.loadAverage.join(' / ')} |`,
    );
  }
  lines.push('');
  return lines.join('\n');
}
