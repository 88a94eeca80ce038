import { describe, expect, it } from 'vitest';
import { evaluateBudgets } from './budgets';
import { workloadSection } from './report';
import {
  formatBytes,
  formatMs,
  formatRatio,
  frameStats,
  median,
  quantile,
  ratio,
  summarise,
} from './report-stats';
import { summariseWorkload, type WorkloadResult } from './results';
import type { IterationSample, ScrollSample } from './samples';

describe('quantile and median', () => {
  it('interpolates linearly between closest ranks', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([10, 20, 30, 40, 50], 0.25)).toBe(20);
    expect(quantile([0, 10], 0.95)).toBeCloseTo(9.5);
  });

  it('sorts its input without changing it', () => {
    const values = [5, 1, 4, 2, 3];
    expect(median(values)).toBe(3);
    expect(values).toEqual([5, 1, 4, 2, 3]);
  });

  it('ignores missing and non-finite values; null when nothing is left', () => {
    expect(median([null, 4, undefined, Number.NaN, 2])).toBe(3);
    expect(median([])).toBeNull();
    expect(quantile([null, Number.POSITIVE_INFINITY], 0.5)).toBeNull();
  });

  it('clamps q to [0, 1]', () => {
    expect(quantile([1, 2, 3], -1)).toBe(1);
    expect(quantile([1, 2, 3], 2)).toBe(3);
  });
});

describe('summarise', () => {
  it('gives n, median, min, max, IQR and mean', () => {
    expect(summarise([4, 1, 3, 2, 5])).toEqual({
      n: 5,
      median: 3,
      min: 1,
      max: 5,
      p25: 2,
      p75: 4,
      mean: 3,
    });
  });

  it('is all null for no samples', () => {
    expect(summarise([null])).toEqual({
      n: 0,
      median: null,
      min: null,
      max: null,
      p25: null,
      p75: null,
      mean: null,
    });
  });
});

describe('ratio', () => {
  it('divides, and refuses missing or non-positive divisors', () => {
    expect(ratio(3, 2)).toBe(1.5);
    expect(ratio(3, 0)).toBeNull();
    expect(ratio(null, 2)).toBeNull();
    expect(ratio(3, undefined)).toBeNull();
  });
});

describe('frameStats', () => {
  it('reports p50, p95, max and the share of frames over the threshold', () => {
    const deltas = [...Array.from({ length: 18 }, () => 16.7), 33.3, 66.7];
    const stats = frameStats(deltas);
    expect(stats.frames).toBe(20);
    expect(stats.p50).toBeCloseTo(16.7);
    expect(stats.max).toBeCloseTo(66.7);
    expect(stats.overShare).toBe(0.05);
    expect(stats.p95).toBeCloseTo(33.3 + (66.7 - 33.3) * 0.05);
  });

  it('handles no frames', () => {
    expect(frameStats([])).toMatchObject({ frames: 0, p95: null, overShare: null });
  });
});

describe('formatting', () => {
  it('formats milliseconds, bytes and ratios', () => {
    expect(formatMs(1234.4)).toBe('1,234 ms');
    expect(formatMs(8.25)).toBe('8.3 ms');
    expect(formatMs(null)).toBe('–');
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(164_500)).toBe('164.5 KB');
    expect(formatBytes(168_042_740)).toBe('168.0 MB');
    expect(formatRatio(1.125)).toBe('1.13×');
  });
});

function sample(index: number, overrides: { pvn: number; parse: number; heap: number }) {
  return {
    index,
    load: {
      navToFirstRowMs: 1000 + index,
      navToMatrixPaintedMs: 1000 + index,
      navToResponseMs: 500,
      responseToMatrixMs: 500 + index,
      responseToCompleteMatrixMs: 900 + index,
      parseValidateNormaliseMs: overrides.pvn,
      wallNavToFirstRowMs: 1100,
      matrixPaintedMarks: 1,
      rowsInDom: 10,
      status: null,
      timeline: [],
    },
    heap: { usedBytes: overrides.heap, totalBytes: overrides.heap, performanceMemoryBytes: null },
    scroll: null,
    readingScroll: null,
    interactions: [
      {
        name: 'sort',
        totalMs: 100 + index,
        afterUrlMs: 99,
        toUrlMs: 1,
        toCommitMs: 50,
        mutationBatches: 1,
        rowsAfter: 10,
        status: null,
        longFrames: [],
        error: null,
      },
    ],
    floor: {
      status: 200,
      chars: 100,
      groups: 1,
      headersMs: 10,
      receivedMs: 20,
      jsonParseMs: overrides.parse,
      jsonParseAgainMs: overrides.parse,
      totalMs: 500,
    },
    requestBodyChars: 10,
    loadLongFrames: [],
    pageErrors: [],
    loadAverage: [0, 0, 0],
    busyBefore: 0,
  } satisfies IterationSample;
}

/** An L workload of three examples around the given samples and their summary. */
function workloadL(
  iterations: IterationSample[],
  summary: ReturnType<typeof summariseWorkload>,
): WorkloadResult {
  return {
    name: 'L',
    examples: 3,
    sessions: 2,
    runs: 6,
    groups: 1,
    groupKey: 'prompt_version',
    payloadBytes: 1_000,
    scrollMaxFrames: 300,
    iterations,
    failures: [],
    summary,
  };
}

describe('summariseWorkload and evaluateBudgets', () => {
  const iterations = [
    sample(0, { pvn: 300, parse: 100, heap: 2_000 }),
    sample(1, { pvn: 120, parse: 100, heap: 4_000 }),
    sample(2, { pvn: 140, parse: 100, heap: 3_000 }),
  ];
  const summary = summariseWorkload(iterations, 1_000);

  it('takes per-iteration ratios before summarising', () => {
    expect(summary.pvnOverJsonParse.median).toBeCloseTo(1.4);
    expect(summary.validateOverJsonParse.median).toBeCloseTo(0.4);
    expect(summary.heapOverPayload.median).toBe(3);
    expect(summary.firstRowOverFloor.median).toBeCloseTo(1001 / 500);
    expect(summary.interactions.sort?.total.median).toBe(101);
  });

  it('judges the L budgets on medians and reports misses without throwing', () => {
    const l = workloadL(iterations, summary);
    const budgets = evaluateBudgets([l], null);
    const byId = new Map(budgets.map((b) => [b.id, b]));
    expect(byId.get('l-response-to-matrix')?.met).toBe(true);
    expect(byId.get('l-validate-normalise')?.met).toBe(true);
    expect(byId.get('l-heap')?.met).toBe(true);
    expect(byId.get('l-interaction-sort')?.met).toBe(true);
    const slow = evaluateBudgets(
      [{ ...l, summary: { ...summary, responseToMatrix: summarise([2_000]) } }],
      null,
    );
    expect(slow.find((b) => b.id === 'l-response-to-matrix')?.met).toBe(false);
  });

  it('judges the issue 20 budgets on S, M and L, keeping the earlier ones', () => {
    // Navigation → first row 1,001 ms, response → matrix 501 ms, sort 101 ms, complete 901 ms.
    const l = workloadL(iterations, summary);
    const budgets = evaluateBudgets([{ ...l, name: 'S' }, { ...l, name: 'M' }, l], null);
    const met = new Map(budgets.map((b) => [b.id, b.met]));
    expect(met.get('s-nav-to-first-row')).toBe(false);
    expect(met.get('s-response-to-matrix')).toBe(false);
    expect(met.get('s-interaction-sort')).toBe(false);
    expect(met.get('m-nav-to-first-row')).toBe(true);
    expect(met.get('m-nav-to-first-row-fast')).toBe(false);
    expect(met.get('l-response-to-complete-matrix')).toBe(true);
    const fast = evaluateBudgets(
      [{ ...l, name: 'S', summary: { ...summary, navToFirstRow: summarise([399]) } }],
      null,
    );
    expect(fast.find((b) => b.id === 's-nav-to-first-row')?.met).toBe(true);
    // The best case boot is said beside the request budget, which it does not change.
    const withFloor = evaluateBudgets([{ ...l, name: 'S' }], null, 183.4);
    const request = withFloor.find((b) => b.id === 's-nav-to-request');
    expect(request?.note).toMatch(/sends it at 183 ms/);
    expect(request?.met).toBe(budgets.find((b) => b.id === 's-nav-to-request')?.met);
  });

  it('judges the scroll on the fling and says what its frames drew and what reading pace costs', () => {
    const scroll = (deltas: number[], glanceFrames: number): ScrollSample => ({
      deltas,
      frames: deltas.length,
      blankFrames: 0,
      glanceFrames,
      reachedEnd: true,
      capped: false,
      scrollHeight: 10_000,
      clientHeight: 600,
      scrollTop: 9_400,
      elapsedMs: 1_000,
      longFrames: 0,
    });
    const fling = Array.from({ length: 100 }, () => 16.7);
    const reading = [
      ...Array.from({ length: 90 }, () => 16.7),
      ...Array.from({ length: 10 }, () => 60),
    ];
    const withScrolls = iterations.map((i) => ({
      ...i,
      scroll: scroll(fling, 98),
      readingScroll: scroll(reading, 0),
    }));
    const s = summariseWorkload(withScrolls, 1_000);
    expect(s.scroll?.glanceFrames).toBe(294);
    expect(s.readingScroll?.pooled.overShare).toBeCloseTo(0.1);
    const l = workloadL(withScrolls, s);
    const budget = evaluateBudgets([l], null).find((b) => b.id === 'l-scroll');
    expect(budget?.met).toBe(true);
    expect(budget?.note).toContain('98.0 % of its frames show the cells at a glance');
    expect(budget?.note).toContain('at reading pace, full cells: p95 60.0 ms, 10.0 % > 50 ms');
    const table = workloadSection(l);
    expect(table).toContain('| half a screen per frame (a fling: the budget) | 300 |');
    expect(table).toContain('1/20 of a screen per frame (reading pace)');
  });
});
