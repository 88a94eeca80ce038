import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bootstrapMeanInterval } from '../../../lib/statistics/intervals';
import { assertAllFinite, makeInput, normals } from '../../../testing/stats-fixtures';
import { pairCount } from './job-size';
import { computeAllStats, computeKeyStats, detectKind } from './paired-stats';
import type { PairedResult, StatsInput } from './types';
import { verdict } from './verdict';

function first(input: Parameters<typeof computeKeyStats>[0]): PairedResult {
  const result = computeKeyStats(input).comparisons[0];
  if (!result) throw new Error('no comparison');
  return result;
}

describe('detectKind', () => {
  it('is binary only when every value is 0 or 1', () => {
    expect(detectKind([0, 1, 1, null])).toBe('binary');
    expect(detectKind([1, 1])).toBe('binary');
    expect(detectKind([0, 1, 0.5])).toBe('numeric');
    expect(detectKind([0.2, 0.9])).toBe('numeric');
    expect(detectKind([null, null])).toBe('numeric');
    expect(detectKind([])).toBe('numeric');
    expect(detectKind([0, Number.NaN, 1])).toBe('binary');
  });
});

describe('paired comparison, hand-made cases', () => {
  it('permutation test: 9 of 10 equal-sized wins gives the sign-test p = 22/1024', () => {
    const base = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.5];
    const cand = [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 0.4];
    const r = first(makeInput(base, [cand]));
    expect(r.kind).toBe('numeric');
    expect(r.test).toBe('permutation');
    expect(r.exact).toBe(true);
    expect([r.n, r.wins, r.losses, r.ties]).toEqual([10, 9, 1, 0]);
    // Every |difference| is 0.1: flipping signs is the sign test, 2·(1 + 10)/2^10.
    expect(r.pValue).toBeCloseTo(0.021484375, 15);
    // (9 · 0.1 − 0.1) / 10 = 0.08
    expect(r.meanDiff).toBeCloseTo(0.08, 12);
    expect(r.baselineMean).toBeCloseTo(0.5, 12);
    expect(r.sessionMean).toBeCloseTo(0.58, 12);
    expect(r.flips).toBeNull();
  });

  it('ties drop out of the permutation test: 6 equal wins, 4 ties gives 2 / 2^6', () => {
    const base = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const cand = [2, 3, 4, 5, 6, 7, 7, 8, 9, 10];
    const r = first(makeInput(base, [cand]));
    expect([r.wins, r.losses, r.ties]).toEqual([6, 0, 4]);
    expect(r.pValue).toBeCloseTo(0.03125, 15);
  });

  it('exact McNemar: b = 1, c = 9 gives p = 0.021484375', () => {
    // 1 pass→fail, 9 fail→pass, 5 pass→pass, 5 fail→fail.
    const base = [1, ...Array(9).fill(0), 1, 1, 1, 1, 1, 0, 0, 0, 0, 0];
    const cand = [0, ...Array(9).fill(1), 1, 1, 1, 1, 1, 0, 0, 0, 0, 0];
    const r = first(makeInput(base, [cand]));
    expect(r.kind).toBe('binary');
    expect(r.test).toBe('mcnemar');
    expect(r.flips).toEqual({ passToFail: 1, failToPass: 9 });
    expect([r.n, r.wins, r.losses, r.ties]).toEqual([20, 9, 1, 10]);
    expect(r.pValue).toBeCloseTo(0.021484375, 15);
    expect(r.baselineMean).toBeCloseTo(0.3, 12); // 6 / 20
    expect(r.sessionMean).toBeCloseTo(0.7, 12); // 14 / 20
    expect(r.meanDiff).toBeCloseTo(0.4, 12);
  });

  it('exact McNemar: b = 3, c = 3 gives p = 1; b = 0, c = 5 gives 2 / 32', () => {
    const r1 = first(makeInput([1, 1, 1, 0, 0, 0], [[0, 0, 0, 1, 1, 1]]));
    expect(r1.pValue).toBe(1);
    const r2 = first(makeInput([0, 0, 0, 0, 0, 1], [[1, 1, 1, 1, 1, 1]]));
    expect(r2.flips).toEqual({ passToFail: 0, failToPass: 5 });
    expect(r2.pValue).toBeCloseTo(0.0625, 15);
  });

  it('respects direction: for latency, lower is a win', () => {
    const base = [2, 2, 2, 2, 2, 2, 2, 2, 2, 2];
    const cand = [1, 1, 1, 1, 1, 1, 1, 1, 1, 3];
    const r = first(makeInput(base, [cand], { kind: 'metric', direction: 'lower' }));
    expect(r.kind).toBe('metric');
    expect([r.wins, r.losses]).toEqual([9, 1]);
    expect(r.meanDiff).toBeCloseTo(-0.8, 12);
  });

  it('pairs only examples both sides have, and counts the rest', () => {
    const r = first(makeInput([1, 2, null, 4, 5], [[2, null, 3, 5, 6]]));
    expect(r.n).toBe(3);
    expect(r.baselineOnly).toBe(1);
    expect(r.sessionOnly).toBe(1);
    expect(r.baselineMean).toBeCloseTo(10 / 3, 12);
  });
});

describe('bootstrap interval', () => {
  const diffs = Float64Array.from(normals(200, 3), (z) => 0.1 + z);

  it('is deterministic for the same data', () => {
    expect(bootstrapMeanInterval(diffs)).toEqual(bootstrapMeanInterval(Float64Array.from(diffs)));
    const a = first(makeInput([1, 2, 3, 4, 5, 6], [[2, 2, 5, 3, 8, 7]]));
    const b = first(makeInput([1, 2, 3, 4, 5, 6], [[2, 2, 5, 3, 8, 7]]));
    expect([a.ciLow, a.ciHigh]).toEqual([b.ciLow, b.ciHigh]);
  });

  it('picks the interval by the number of units: t below 30, bootstrap to 2,000, t beyond', () => {
    const small = first(makeInput([1, 2, 3], [[2, 3, 5]]));
    expect(small.interval).toEqual({ method: 't', resamples: null, df: 2 });
    const mid = first(makeInput(normals(30, 1), [normals(30, 2)]));
    expect(mid.interval).toEqual({ method: 'bootstrap', resamples: 2000, df: null });
    const large = first(makeInput(normals(2001, 3), [normals(2001, 4)]));
    expect(large.interval).toEqual({ method: 't', resamples: null, df: 2000 });
  });

  it('the t interval of 3 pairs is mean ± t(0.975, 2)·s/√3', () => {
    // Differences 1, 1, 2: mean 4/3, s = √(1/3), t(0.975, 2) = 4.302652729749462 (mpmath).
    const r = first(makeInput([1, 2, 3], [[2, 3, 5]]));
    const half = (4.302652729749462 * Math.sqrt(1 / 3)) / Math.sqrt(3);
    expect(r.ciLow).toBeCloseTo(4 / 3 - half, 12);
    expect(r.ciHigh).toBeCloseTo(4 / 3 + half, 12);
    expect(r.se).toBeCloseTo(Math.sqrt(1 / 3) / Math.sqrt(3), 12);
    // The smallest detectable difference: (z₀.₉₇₅ + z₀.₈)·SE, scipy 1.10.1 quantiles.
    expect(r.mde).toBeCloseTo((1.959963984540054 + 0.8416212335729143) * (r.se ?? 0), 12);
  });

  it('contains a known shift of +0.2 and excludes 0 (n = 500)', () => {
    const base = normals(500, 11).map((z) => 0.5 + 0.1 * z);
    const noise = normals(500, 12);
    const cand = base.map((b, i) => b + 0.2 + 0.5 * (noise[i] ?? 0));
    const r = first(makeInput(base, [cand]));
    expect(r.ciLow).not.toBeNull();
    expect(r.ciLow ?? 1).toBeLessThan(0.2);
    expect(r.ciHigh ?? 0).toBeGreaterThan(0.2);
    expect(r.ciLow ?? 0).toBeGreaterThan(0);
    expect(r.pValue ?? 1).toBeLessThan(0.001);
    expect(verdict(r).label).toBe('better');
  });

  it('includes 0 when there is no shift (n = 500)', () => {
    const base = normals(500, 21).map((z) => 0.5 + 0.1 * z);
    const noise = normals(500, 22);
    const cand = base.map((b, i) => b + 0.5 * (noise[i] ?? 0));
    const r = first(makeInput(base, [cand]));
    expect(r.ciLow ?? 1).toBeLessThan(0);
    expect(r.ciHigh ?? -1).toBeGreaterThan(0);
    expect(verdict(r).label).toBe('no clear difference');
  });

  it('takes well under two seconds for 10,000 pairs (a guard against accidental blow-ups)', () => {
    const base = normals(10_000, 5);
    const cand = normals(10_000, 6);
    const start = performance.now();
    first(makeInput(base, [cand]));
    expect(performance.now() - start).toBeLessThan(2000);
  });
});

// Scores on a 0.01 grid so FP rounding cannot create or break a tie: the properties are
// about the statistics, not about rounding of arbitrary doubles.
const score = fc.integer({ min: -10_000, max: 10_000 }).map((v) => v / 100);
const pairs = fc.array(fc.tuple(score, score), { minLength: 2, maxLength: 80 });

describe('properties', () => {
  it('swapping baseline and session negates the difference and the interval', () => {
    fc.assert(
      fc.property(pairs, (ps) => {
        const a = first(
          makeInput(
            ps.map((p) => p[0]),
            [ps.map((p) => p[1])],
          ),
        );
        const b = first(
          makeInput(
            ps.map((p) => p[1]),
            [ps.map((p) => p[0])],
          ),
        );
        expect(b.meanDiff ?? 0).toBeCloseTo(-(a.meanDiff ?? 0), 10);
        expect(b.ciLow ?? 0).toBeCloseTo(-(a.ciHigh ?? 0), 10);
        expect(b.ciHigh ?? 0).toBeCloseTo(-(a.ciLow ?? 0), 10);
        expect([b.wins, b.losses, b.ties]).toEqual([a.losses, a.wins, a.ties]);
        expect(b.pValue).toBe(a.pValue);
      }),
      { numRuns: 150 },
    );
  });

  it('adding a constant to both sides leaves the difference unchanged', () => {
    fc.assert(
      fc.property(pairs, score, (ps, shift) => {
        const a = first(
          makeInput(
            ps.map((p) => p[0]),
            [ps.map((p) => p[1])],
          ),
        );
        const b = first(
          makeInput(
            ps.map((p) => p[0] + shift),
            [ps.map((p) => p[1] + shift)],
          ),
        );
        expect(b.meanDiff ?? 0).toBeCloseTo(a.meanDiff ?? 0, 8);
        expect(b.ciLow ?? 0).toBeCloseTo(a.ciLow ?? 0, 8);
        expect(b.ciHigh ?? 0).toBeCloseTo(a.ciHigh ?? 0, 8);
        expect([b.wins, b.losses, b.ties, b.pValue]).toEqual([a.wins, a.losses, a.ties, a.pValue]);
      }),
      { numRuns: 150 },
    );
  });

  it('never produces NaN or Infinity, whatever the values', () => {
    const value = fc.option(fc.double(), { nil: null });
    fc.assert(
      fc.property(fc.array(fc.tuple(value, value), { maxLength: 30 }), (ps) => {
        const stats = computeKeyStats(
          makeInput(
            ps.map((p) => p[0]),
            [ps.map((p) => p[1])],
          ),
        );
        assertAllFinite(stats);
        const r = stats.comparisons[0];
        if (r) expect(verdict(r).reason).not.toMatch(/NaN|Infinity|undefined/);
      }),
      { numRuns: 200 },
    );
  });
});

describe('bad input gives "not enough data", never NaN', () => {
  const cases: [
    string,
    Parameters<typeof makeInput>[0],
    Parameters<typeof makeInput>[1],
    RegExp,
  ][] = [
    ['all-null scores', [null, null, null], [[null, null, null]], /neither side/],
    ['a single example', [0.4], [[0.9]], /only 1 example/],
    ['all ties', [1, 0.5, 0, 1], [[1, 0.5, 0, 1]], /all 4 paired examples tie/],
    [
      'no overlap with the baseline',
      [1, 2, null, null],
      [[null, null, 3, 4]],
      /no example has a value for both/,
    ],
    ['a session without scores', [1, 2, 3], [[null, null, null]], /this session has no value/],
    ['a baseline without scores', [null, null], [[1, 0]], /baseline has no value/],
    ['no examples at all', [], [[]], /neither side/],
  ];
  for (const [name, base, others, reason] of cases) {
    it(name, () => {
      const stats = computeKeyStats(makeInput(base, others));
      assertAllFinite(stats);
      const r = stats.comparisons[0];
      if (!r) throw new Error('no comparison');
      const v = verdict(r);
      expect(v.label).toBe('not enough data');
      expect(v.reason).toMatch(reason);
      // With fewer than 2 pairs there is no interval; all ties give the honest [0, 0].
      if (r.n < 2) expect(r.ciLow).toBeNull();
      else expect([r.ciLow, r.ciHigh]).toEqual([0, 0]);
    });
  }

  it('mixed 0/1 and 0.5 scores are numeric (permutation test), not binary', () => {
    const stats = computeKeyStats(makeInput([0, 1, 0.5, 1], [[1, 1, 1, 0]], { kind: 'binary' }));
    expect(stats.kind).toBe('numeric');
    expect(stats.comparisons[0]?.test).toBe('permutation');
    expect(stats.comparisons[0]?.flips).toBeNull();
  });

  it('NaN and Infinity inputs are treated as missing', () => {
    const r = first(makeInput([1, Number.NaN, 3, Number.POSITIVE_INFINITY], [[2, 5, 4, 1]]));
    expect(r.n).toBe(2);
    expect(r.sessionOnly).toBe(2);
  });

  it('values near the double limit overflow to null, not Infinity', () => {
    const stats = computeKeyStats(makeInput([1.5e308, 1.6e308], [[-1.5e308, -1.7e308]]));
    assertAllFinite(stats);
    expect(verdict(stats.comparisons[0] as PairedResult).label).toBe('not enough data');
  });

  it('a baseline with no other session yields no comparisons', () => {
    const stats = computeKeyStats(makeInput([1, 2], []));
    expect(stats.comparisons).toEqual([]);
  });
});

describe('categorical keys', () => {
  const sessionCounts = { sessionId: 's1', counts: { polite: 9, rude: 1, sarcastic: -2 } };
  const input: StatsInput = {
    ...makeInput([], [[]], { kind: 'categorical', key: 'tone' }),
    categories: [{ sessionId: 'base', counts: { polite: 6, neutral: 3, rude: 1 } }, sessionCounts],
  };

  it('gives the distribution per session and the shift in percentage points', () => {
    const stats = computeKeyStats(input);
    expect(stats.kind).toBe('categorical');
    expect(stats.comparisons).toEqual([]);
    const [base, s1] = stats.distributions ?? [];
    expect(base?.rows.map((r) => r.category)).toEqual(['polite', 'neutral', 'rude', 'sarcastic']);
    expect(s1?.sessionTotal).toBe(10); // the negative count is ignored
    const polite = s1?.rows[0];
    expect(polite?.baselineShare).toBeCloseTo(0.6, 12);
    expect(polite?.sessionShare).toBeCloseTo(0.9, 12);
    expect(polite?.shiftPoints).toBeCloseTo(30, 10); // 90% − 60%
    expect(s1?.rows[1]?.shiftPoints).toBeCloseTo(-30, 10); // neutral: 0% − 30%
    expect(base?.rows[0]?.shiftPoints).toBe(0);
  });

  it('without baseline counts the shifts are null and marked not enough', () => {
    const stats = computeKeyStats({ ...input, categories: [sessionCounts] });
    const s1 = stats.distributions?.[1];
    expect(s1?.enough).toBe(false);
    expect(s1?.rows.every((r) => r.shiftPoints === null)).toBe(true);
    assertAllFinite(stats);
  });
});

describe('pairCount and computeAllStats', () => {
  it('counts baseline length × other sessions, skipping categorical keys', () => {
    const a = makeInput(
      [1, 2, 3],
      [
        [1, 2, 3],
        [3, 2, 1],
      ],
    );
    const b = makeInput([1, 2], [[1, 2]], { kind: 'categorical' });
    expect(pairCount([a, b])).toBe(6);
    expect(computeAllStats([a, b]).map((s) => s.kind)).toEqual(['numeric', 'categorical']);
  });
});
