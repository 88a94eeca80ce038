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
const withWatched = (samples: LoadAllSample[], watchedSamples: LoadAllSample[]): LoadAllResult => ({
  maxPage: 1_000,
  samples,
  watchedSamples,
});

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

  it("judges the bare browser's samples, and gives Playwright's (watched) median in its note", () => {
    const budget = loadAllBudget(
      withWatched(
        [sample(8_000, 90), sample(9_000, 80)],
        [sample(14_000, 400), sample(18_000, 780)],
      ),
    );
    expect(budget.value).toBe(8_500);
    expect(budget.met).toBe(true);
    expect(budget.note).toContain("in Playwright's page");
    expect(budget.note).toContain('16,000 ms, longest task 590 ms');
    // And the other way round: a fast watched run does not rescue a slow bare one.
    expect(loadAllBudget(withWatched([sample(12_000, 90)], [sample(5_000, 50)])).met).toBe(false);
  });

  it('shows both tables and why when the result has watched samples', () => {
    const section = loadAllSection(withWatched([sample(8_000, 90)], [sample(14_000, 400)]));
    const bare = section.indexOf('| 1 | 8,000 ms | 90 ms |');
    const watched = section.indexOf('| 1 | 14,000 ms | 400 ms |');
    expect(bare).toBeGreaterThan(0);
    expect(watched).toBeGreaterThan(bare);
    expect(section).toContain('TextResourceDecoder::Decode');
    expect(section).toContain('13.7 s → 18.2 s');
  });

  it('renders an older result without watched samples as taken in Playwright’s page', () => {
    const old = JSON.parse(JSON.stringify(result(sample(13_000, 380)))) as LoadAllResult;
    const section = loadAllSection(old);
    expect(section).toContain('| 1 | 13,000 ms | 380 ms |');
    expect(section).toContain("In Playwright's page");
    expect(section).not.toContain('without DevTools (the budget)');
    expect(loadAllBudget(old).measured).toBe('13,000 ms, longest task 380 ms');
  });

  it('shows the bare table alone when no watched sample was taken (bench/load-all.ts)', () => {
    const only = withWatched([sample(8_000, 90)], []);
    expect(loadAllSection(only)).toContain('without DevTools (the budget)');
    expect(loadAllSection(only)).not.toContain("In Playwright's page");
    expect(loadAllBudget(only).note).toMatch(/^in a browser without DevTools; /);
    expect(loadAllBudget(result(sample(8_000, 90))).note).toMatch(/^in Playwright's page/);
  });
});
