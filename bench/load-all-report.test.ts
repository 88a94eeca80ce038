import { describe, expect, it } from 'vitest';
import { loadAllBudget, loadAllSection, withLoadAllBudget } from './load-all-report';
import type { LoadAllResult, LoadAllSample } from './results';

const sample = (ms: number, longestTaskMs: number, counts = 13): LoadAllSample => ({
  run: 1,
  ms,
  complete: true,
  statuses: Array.from({ length: counts }, (_, i) => `Showing ${i}`),
  longestTaskMs,
  tasksOver100: longestTaskMs > 100 ? 1 : 0,
  longestTaskAfterMs: 0,
  requests: [],
  busyBefore: 0.1,
  loadAverage: [1, 1, 1],
});
const result = (...samples: LoadAllSample[]): LoadAllResult => ({ maxPage: 1_000, samples });

describe('the "Load all" budget', () => {
  it('is met by a median within 10 s whose longest task stays within 100 ms', () => {
    const budget = loadAllBudget(result(sample(9_000, 90), sample(9_500, 95), sample(30_000, 400)));
    expect(budget.value).toBe(9_500);
    expect(budget.met).toBe(true);
  });

  it('is missed by a slow median, by a long task, or when the rows did not come page by page', () => {
    expect(loadAllBudget(result(sample(10_500, 50))).met).toBe(false);
    expect(loadAllBudget(result(sample(5_000, 150))).met).toBe(false);
    // Only the first and the last count: nothing showed in between.
    expect(loadAllBudget(result(sample(5_000, 50, 2))).met).toBe(false);
    expect(loadAllBudget(result({ ...sample(5_000, 50), complete: false })).met).toBe(false);
  });

  it('adds the budget and the section only when there are samples', () => {
    expect(withLoadAllBudget([], null)).toEqual([]);
    expect(withLoadAllBudget([], result())).toEqual([]);
    expect(withLoadAllBudget([], result(sample(9_000, 90))).map((b) => b.id)).toEqual([
      'l-load-all',
    ]);
    expect(loadAllSection(result(sample(9_000, 90)))).toContain('| 1 | 9,000 ms | 90 ms |');
  });
});
