import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertAllFinite, labelsOf, makeInput, normals } from '../../../testing/stats-fixtures';
import { comparePaired } from './compare-pair';
import { computeKeyStats } from './paired-stats';
import type { PairedResult, StatsInput, StatsOptions } from './types';
import { verdict } from './verdict';

function first(input: StatsInput, options: StatsOptions = {}): PairedResult {
  const result = computeKeyStats(input, options).comparisons[0];
  if (!result) throw new Error('no comparison');
  return result;
}

describe('tests that use the magnitude', () => {
  it('Hollander & Wolfe depression data: exact permutation p = 0.02734375', () => {
    // R's wilcox.test example data (x after, y before therapy). scipy 1.10.1:
    // permutation_test((x - y,), mean, permutation_type='samples', n_resamples=inf)
    // .pvalue = 0.02734375. The sign test would ignore the sizes: 8 of 9 up, p = 0.039.
    const x = [1.83, 0.5, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.3];
    const y = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29];
    const r = first(makeInput(y, [x]));
    expect(r.test).toBe('permutation');
    expect(r.exact).toBe(true);
    expect(r.permutations).toBe(512);
    expect(r.pValue).toBe(0.02734375);
    // The rank test beside it as a robustness check: R's V = 40, two-sided p = 0.0390625.
    expect(r.wilcoxon?.pValue).toBeCloseTo(0.0390625, 12);
    expect(r.wilcoxon?.exact).toBe(true);
  });

  it('beyond 20 non-zero pairs: a seeded Monte Carlo of 10,000 sign patterns', () => {
    const base = normals(60, 7);
    const cand = base.map((b, i) => b + 0.3 + (normals(60, 8)[i] ?? 0));
    const r = first(makeInput(base, [cand]));
    expect(r.test).toBe('permutation');
    expect(r.exact).toBe(false);
    expect(r.permutations).toBe(10_000);
    expect(first(makeInput(base, [cand])).pValue).toBe(r.pValue);
  });

  it('0/1 keys keep the exact McNemar test', () => {
    const r = first(makeInput([1, 0, 0, 0, 1, 1], [[0, 1, 1, 1, 1, 1]]));
    expect(r.kind).toBe('binary');
    expect(r.test).toBe('mcnemar');
    // 1 pass→fail, 3 fail→pass: 2·P(Bin(4, ½) ≤ 1) = 2·5/16.
    expect(r.pValue).toBeCloseTo(0.625, 15);
  });
});

describe('clustered intervals and tests', () => {
  // The statsmodels cluster example (clustered.test.ts) as paired differences over a baseline of 0.
  const y = [3.1, 2.4, 2.9, 4.0, 5.2, 4.8, 1.1, 0.7, 1.9, 1.4, 6.0, 2.2];
  const g = ['a', 'a', 'a', 'b', 'b', 'b', 'c', 'c', 'd', 'd', 'd', 'e'];
  const input = makeInput(new Array(12).fill(0), [y]);
  const clusters = labelsOf('doc', g);

  it('uses the CR1 standard error with t(G − 1) and reports the design effect', () => {
    const r = first(input, { clusters });
    // statsmodels 0.13.5 cluster se 0.6179814250175056; t(0.975, 4) = 2.7764451051977935.
    expect(r.se).toBeCloseTo(0.6179814250175056, 12);
    expect(r.interval).toEqual({ method: 'cluster-t', resamples: null, df: 4 });
    expect(r.ciLow).toBeCloseTo(2.975 - 2.7764451051977934 * 0.6179814250175056, 10);
    expect(r.ciHigh).toBeCloseTo(2.975 + 2.7764451051977934 * 0.6179814250175056, 10);
    expect(r.clustering).toMatchObject({
      key: 'doc',
      clusters: 5,
      missing: 0,
      largest: 3,
      problem: null,
    });
    expect(r.clustering?.designEffect).toBeCloseTo(1.5871212121212124, 10);
    expect(r.clustering?.seUnclustered).toBeCloseTo(0.49053542175871473, 12);
  });

  it('flips whole clusters: cluster sums 3, 2, 1, 2, −1 give p = 6/32 by hand', () => {
    // |S| ≥ 7 needs the flipped clusters' sizes to sum to ≤ 1 or ≥ 8: 3 patterns each way.
    const diffs = [1, 1, 1, 1, 1, 1, 1, 1, -1];
    const topics = labelsOf('topic', ['p', 'p', 'p', 'q', 'q', 'r', 's', 's', 't']);
    const r = first(makeInput(new Array(9).fill(0), [diffs]), { clusters: topics });
    expect(r.test).toBe('cluster-permutation');
    expect(r.exact).toBe(true);
    expect(r.pValue).toBeCloseTo(6 / 32, 15);
  });

  it('clustering with one example per cluster equals unclustered', () => {
    const value = fc.integer({ min: -300, max: 300 }).map((v) => v / 100);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(value, value), { minLength: 2, maxLength: 50 }),
        fc.boolean(),
        (pairs, binary) => {
          const a = pairs.map((p) => (binary ? Number(p[0] > 0) : p[0]));
          const b = pairs.map((p) => (binary ? Number(p[1] > 0) : p[1]));
          const one = labelsOf(
            'id',
            a.map((_, i) => `example ${i}`),
          );
          const plain = first(makeInput(a, [b]));
          const clustered = first(makeInput(a, [b]), { clusters: one });
          expect({ ...clustered, clustering: null }).toEqual(plain);
          if (plain.n >= 2) expect(clustered.clustering?.problem).toBe('singletons');
        },
      ),
      { numRuns: 120 },
    );
  });

  it('examples without a cluster value are clusters of their own', () => {
    const labels = labelsOf('doc', ['a', 'a', null, null, 'b', 'b']);
    const r = first(makeInput([0, 0, 0, 0, 0, 0], [[1, 2, 3, 1, 2, 5]]), { clusters: labels });
    expect(r.clustering).toMatchObject({ clusters: 4, missing: 2, largest: 2 });
  });

  it('one cluster: a plain-language "not enough data", never NaN', () => {
    const labels = labelsOf('doc', ['a', 'a', 'a', 'a']);
    const stats = computeKeyStats(makeInput([1, 2, 3, 4], [[2, 2, 5, 6]]), { clusters: labels });
    assertAllFinite(stats);
    const r = stats.comparisons[0] as PairedResult;
    expect(r.clustering?.problem).toBe('one-cluster');
    expect(r.pValue).toBeNull();
    const v = verdict(r);
    expect(v.label).toBe('not enough data');
    expect(v.reason).toMatch(/share one “doc” value, so there is a single cluster/);
  });

  it('clusters of one: the results are the unclustered ones, and say so', () => {
    const labels = labelsOf('doc', ['a', 'b', 'c', 'd']);
    const r = first(makeInput([1, 2, 3, 4], [[2, 2, 5, 6]]), { clusters: labels });
    expect(r.clustering).toMatchObject({ problem: 'singletons', designEffect: 1 });
    expect(verdict(r).label).not.toBe('not enough data');
  });
});

describe('not enough data, in plain language', () => {
  it('a key with one value on both sides says it never varies', () => {
    const r = first(makeInput([1, 1, 1, 1], [[1, 1, 1, 1]]));
    expect(r.singleValue).toBe(1);
    const v = verdict(r);
    expect(v.label).toBe('not enough data');
    expect(v.reason).toBe(
      'Not enough data: every paired value on both sides is 100.0%, so the key never varies and nothing tells the two apart.',
    );
  });
});

describe('repetitions', () => {
  it('reports the within-example spread and how much averaging narrowed the interval', () => {
    // Session: 3 runs per example, each with sample variance 0.04. Differences 0.1, 0.3, 0.2, 0.4,
    // variance 1/60 ≈ 0.016667. By hand: between part 1/60 − 0.04/3 = 0.003333; with one
    // run it would be 0.003333 + 0.04 = 0.043333, so the width is √(0.016667/0.043333).
    const input = makeInput([0.5, 0.5, 0.5, 0.5], [[0.6, 0.8, 0.7, 0.9]]);
    const session = input.others[0] as StatsInput['others'][number];
    session.withinVariance = [0.04, 0.04, 0.04, 0.04];
    session.runs = [3, 3, 3, 3];
    const r = comparePaired(input, session, 'numeric');
    expect(r.repetitions?.sessionRuns).toBe(3);
    expect(r.repetitions?.baselineRuns).toBe(1);
    expect(r.repetitions?.sessionWithinSd).toBeCloseTo(0.2, 12);
    expect(r.repetitions?.baselineWithinSd).toBeNull();
    expect(r.repetitions?.narrowing).toBeCloseTo(
      Math.sqrt(1 / 60 / (1 / 60 - 0.04 / 3 + 0.04)),
      10,
    );
  });

  it('without repetitions there is nothing to report', () => {
    expect(first(makeInput([1, 2, 3], [[2, 3, 5]])).repetitions).toBeNull();
  });
});
