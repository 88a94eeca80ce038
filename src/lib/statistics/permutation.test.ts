// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactTwoSidedHalf } from './binomial';
import { EXACT_MAX, MIN_PERMUTATIONS, signFlipTest } from './permutation';

describe('sign-flip permutation test', () => {
  it("Darwin's Zea mays (Fisher 1935, §21): 1,726 of 32,768 sign patterns, p = 0.05267", () => {
    // Fisher's differences in eighths of an inch; he counts 863 totals ≥ 314 on each side.
    // scipy 1.10.1: permutation_test((d,), mean, permutation_type='samples', n_resamples=inf)
    // gives 0.05267333984375 = 1726 / 32768.
    const d = [49, -67, 8, 16, 6, 23, 28, 41, 14, 29, 56, 24, 75, 60, -48];
    const r = signFlipTest(d);
    expect(r).toEqual({ pValue: 1726 / 32768, exact: true, permutations: 32768, nonZero: 15 });
  });

  it('Hollander & Wolfe depression data (R wilcox.test example): exact p = 0.02734375', () => {
    const x = [1.83, 0.5, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.3];
    const y = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29];
    // scipy 1.10.1: permutation_test((x - y,), mean, permutation_type='samples',
    //   n_resamples=inf, alternative='two-sided').pvalue = 0.02734375 (14 of 512)
    const r = signFlipTest(x.map((v, i) => v - (y[i] as number)));
    expect(r?.pValue).toBe(0.02734375);
    expect(r?.permutations).toBe(512);
  });

  it('zeros flip to themselves and drop out; all zeros or nothing gives no test', () => {
    const withZeros = signFlipTest([0, 3, 0, -1, 2, 0, 5]);
    expect(withZeros).toEqual(signFlipTest([3, -1, 2, 5]));
    expect(withZeros?.nonZero).toBe(4);
    expect(signFlipTest([0, 0, 0])).toBeNull();
    expect(signFlipTest([])).toBeNull();
    expect(signFlipTest([Number.NaN, 1, Number.POSITIVE_INFINITY])?.nonZero).toBe(1);
  });

  it('a total of 0 gives p = 1 (every pattern is as extreme)', () => {
    expect(signFlipTest([1, -1, 2, -2])?.pValue).toBe(1);
  });

  it('equal magnitudes reduce it to the exact sign test (binomial, p = ½)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: EXACT_MAX }), fc.nat(), (m, seed) => {
        const plus = seed % (m + 1);
        const d = Array.from({ length: m }, (_, i) => (i < plus ? 0.25 : -0.25));
        expect(signFlipTest(d)?.pValue).toBeCloseTo(exactTwoSidedHalf(plus, m) ?? -1, 12);
      }),
      { numRuns: 60 },
    );
  });

  it(`is exact up to ${EXACT_MAX} non-zero pairs, Monte Carlo with ≥ ${MIN_PERMUTATIONS.toLocaleString('en-US')} draws beyond`, () => {
    const at = signFlipTest(Array.from({ length: EXACT_MAX }, (_, i) => i + 1));
    expect(at?.exact).toBe(true);
    expect(at?.permutations).toBe(2 ** EXACT_MAX);
    const beyond = signFlipTest(Array.from({ length: EXACT_MAX + 1 }, (_, i) => i + 1));
    expect(beyond?.exact).toBe(false);
    expect(beyond?.permutations).toBe(MIN_PERMUTATIONS);
    expect(signFlipTest([1, 2, 3], { permutations: 50 })?.permutations).toBe(8);
    const few = signFlipTest(
      Array.from({ length: 30 }, (_, i) => i),
      { permutations: 50 },
    );
    expect(few?.permutations).toBe(MIN_PERMUTATIONS);
  });

  it('Monte Carlo: 28 of 40 equal differences positive is within 4 standard errors of the binomial p', () => {
    // scipy 1.10.1: binomtest(28, 40).pvalue = 0.01658900337497471
    const d = Array.from({ length: 40 }, (_, i) => (i < 28 ? 1 : -1));
    const r = signFlipTest(d);
    const p = 0.01658900337497471;
    const se = Math.sqrt((p * (1 - p)) / MIN_PERMUTATIONS);
    expect(r?.exact).toBe(false);
    expect(Math.abs((r?.pValue ?? 1) - p)).toBeLessThan(4 * se);
  });

  it('Monte Carlo agrees with the exact count where both can run (25 pairs, exact via exactMax)', () => {
    const d = Array.from({ length: 25 }, (_, i) => Math.sin(i * 2.3) + 0.35);
    const exact = signFlipTest(d, { exactMax: 25 });
    const mc = signFlipTest(d, { permutations: 40_000 });
    expect(exact?.exact).toBe(true);
    const p = exact?.pValue ?? 0;
    expect(Math.abs((mc?.pValue ?? 1) - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / 40_000));
  });

  it('is seeded: the same data and seed give the same p; negating the data changes nothing', () => {
    const d = Array.from({ length: 300 }, (_, i) => Math.cos(i) + 0.05);
    expect(signFlipTest(d)).toEqual(signFlipTest([...d]));
    expect(signFlipTest(d.map((v) => -v))).toEqual(signFlipTest(d));
    expect(signFlipTest(d, { seed: 1 })?.pValue).not.toBe(signFlipTest(d, { seed: 2 })?.pValue);
  });

  it('p-values lie in (0, 1] for any data', () => {
    const v = fc.integer({ min: -500, max: 500 }).map((x) => x / 10);
    fc.assert(
      fc.property(fc.array(v, { minLength: 1, maxLength: 40 }), (xs) => {
        const r = signFlipTest(xs);
        if (r === null) expect(xs.every((x) => x === 0)).toBe(true);
        else {
          expect(r.pValue).toBeGreaterThan(0);
          expect(r.pValue).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 60 },
    );
  });
});
