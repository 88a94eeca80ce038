// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { examplesNeeded, minimumDetectableDifference, powerAt } from './power';

describe('power and the smallest detectable difference', () => {
  it('3 points on a 0/1 eval near 50 % needs about 2,200 questions (on the order of a thousand)', () => {
    // A 0/1 score at 50 % has standard deviation 0.5 per question. statsmodels 0.13.5:
    // NormalIndPower().solve_power(effect_size=0.03/0.5, alpha=0.05, power=0.8, ratio=0)
    // = 2180.239030368895, so 2,181 questions. (E. Miller, "Adding Error Bars to Evals",
    // 2024, makes the same point: small differences need thousands of questions.)
    expect(examplesNeeded(0.03, 0.5)).toBe(2181);
    // A clustered eval needs the design effect times as many.
    expect(examplesNeeded(0.03, 0.5, { designEffect: 2 })).toBe(Math.ceil(2 * 2180.239030368895));
  });

  it('the smallest detectable difference is (z₀.₉₇₅ + z₀.₈)·SE ≈ 2.80·SE', () => {
    // scipy 1.10.1: norm.ppf(0.975) + norm.ppf(0.8) = 1.959963984540054 + 0.8416212335729143.
    // statsmodels 0.13.5 (a root finder, so to ~1e-6): NormalIndPower().solve_power(nobs1=80,
    // alpha=0.05, power=0.8, ratio=0) = 0.31322635962154943 standard deviations, SE = sd/√80.
    const sd = 0.37;
    const se = sd / Math.sqrt(80);
    const mde = minimumDetectableDifference(se);
    expect(mde).toBeCloseTo((1.959963984540054 + 0.8416212335729143) * se, 14);
    expect(mde).toBeCloseTo(0.31322635962154943 * sd, 6);
    expect(minimumDetectableDifference(Number.NaN)).toBeNull();
  });

  it('power at a given difference matches statsmodels', () => {
    // statsmodels 0.13.5: NormalIndPower().power(effect_size=0.2, nobs1=100, alpha=0.05,
    // ratio=0) = 0.5160052739761747; SE = 1/√100 in standard-deviation units.
    expect(powerAt(0.2, 0.1)).toBeCloseTo(0.5160052739761747, 12);
    expect(powerAt(-0.2, 0.1)).toBeCloseTo(0.5160052739761747, 12);
    // At the smallest detectable difference the power is 80 % by construction.
    const se = 0.013;
    expect(powerAt(minimumDetectableDifference(se) as number, se)).toBeCloseTo(0.8, 3);
  });

  it('degenerate spreads and differences give plain answers, never NaN', () => {
    expect(examplesNeeded(0, 0.5)).toBeNull();
    expect(examplesNeeded(0.1, 0)).toBe(1);
    expect(examplesNeeded(0.1, Number.POSITIVE_INFINITY)).toBeNull();
    expect(powerAt(0.1, 0)).toBe(1);
    expect(powerAt(0, 0)).toBe(0.05);
  });
});
