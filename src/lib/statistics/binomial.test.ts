import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  binomialLowerTail,
  binomialUpperTail,
  exactTwoSidedHalf,
  logBinomialLowerTail,
  logFactorial,
} from './binomial';

/** Exact P(X ≤ k) for p = ½ as a ratio of BigInts: sum of C(n, i) over 2^n. */
function exactHalfLowerTail(k: number, n: number): number {
  let c = 1n;
  let sum = 0n;
  for (let i = 0; i <= k; i++) {
    sum += c;
    c = (c * BigInt(n - i)) / BigInt(i + 1);
  }
  // Scale before converting so the ratio keeps ~15 significant digits.
  const scaled = (sum * 10n ** 18n) / 2n ** BigInt(n);
  return Number(scaled) / 1e18;
}

/** Direct summation of C(n, i) p^i (1−p)^(n−i) in doubles: fine for small n. */
function directLowerTail(k: number, n: number, p: number): number {
  let total = 0;
  for (let i = 0; i <= k; i++) {
    let c = 1;
    for (let j = 0; j < i; j++) c = (c * (n - j)) / (j + 1);
    total += c * p ** i * (1 - p) ** (n - i);
  }
  return total;
}

describe('exactTwoSidedHalf (sign test / exact McNemar)', () => {
  // Log-space arithmetic is exact to ~1e-16 relative, hence toBeCloseTo(…, 15).
  it('matches hand-computed values', () => {
    // n = 10, 9 wins: 2 · (C(10,0) + C(10,1)) / 2^10 = 2 · 11 / 1024
    expect(exactTwoSidedHalf(9, 10)).toBeCloseTo(0.021484375, 15);
    expect(exactTwoSidedHalf(1, 10)).toBeCloseTo(0.021484375, 15);
    // n = 10, 10 wins: 2 · 1 / 1024
    expect(exactTwoSidedHalf(10, 10)).toBeCloseTo(0.001953125, 15);
    // n = 5, 4 wins: 2 · (1 + 5) / 32
    expect(exactTwoSidedHalf(4, 5)).toBeCloseTo(0.375, 15);
    // n = 20, 15 wins: 2 · (1 + 20 + 190 + 1140 + 4845 + 15504) / 2^20 = 43400 / 1048576
    expect(exactTwoSidedHalf(15, 20)).toBeCloseTo(43400 / 1048576, 14);
    // n = 6, 6 wins: 2 / 64, the smallest n where p < 0.05 is reachable
    expect(exactTwoSidedHalf(6, 6)).toBeCloseTo(0.03125, 15);
  });

  it('is 1 at the centre and for a single pair', () => {
    expect(exactTwoSidedHalf(5, 10)).toBe(1);
    expect(exactTwoSidedHalf(0, 1)).toBe(1);
    expect(exactTwoSidedHalf(1, 1)).toBe(1);
    expect(exactTwoSidedHalf(1, 2)).toBe(1);
    expect(exactTwoSidedHalf(2, 2)).toBeCloseTo(0.5, 15);
  });

  it('returns null, never NaN, when there is nothing to test', () => {
    expect(exactTwoSidedHalf(0, 0)).toBeNull();
    expect(exactTwoSidedHalf(3, 2)).toBeNull();
    expect(exactTwoSidedHalf(-1, 2)).toBeNull();
    expect(exactTwoSidedHalf(Number.NaN, 2)).toBeNull();
  });

  it('stays finite and accurate for n = 100,000', () => {
    expect(exactTwoSidedHalf(50_000, 100_000)).toBe(1);
    // Normal approximation with continuity correction: z = (49500.5 − 50000) / √25000 ≈ −3.1591,
    // two-sided ≈ 0.001582. The exact value must be close to it.
    const p = exactTwoSidedHalf(49_500, 100_000) ?? Number.NaN;
    expect(p).toBeGreaterThan(0.00155);
    expect(p).toBeLessThan(0.00162);
    // All 100,000 wins: 2 · 2^−100000 underflows to 0 but its log is exact.
    expect(exactTwoSidedHalf(100_000, 100_000)).toBe(0);
    expect(logBinomialLowerTail(0, 100_000, 0.5)).toBeCloseTo(-100_000 * Math.LN2, 6);
  });
});

describe('binomial tails', () => {
  it('match exact rational sums for p = ½, every k, n ≤ 60', () => {
    for (let n = 1; n <= 60; n++) {
      for (let k = 0; k <= n; k++) {
        const expected = exactHalfLowerTail(k, n);
        expect(binomialLowerTail(k, n, 0.5)).toBeCloseTo(expected, 12);
      }
    }
  });

  it('match direct summation for other p, n ≤ 40', () => {
    for (const p of [0.05, 0.3, 0.77]) {
      for (let n = 1; n <= 40; n++) {
        for (let k = 0; k <= n; k++) {
          const expected = directLowerTail(k, n, p);
          const actual = binomialLowerTail(k, n, p);
          expect(Math.abs(actual - expected)).toBeLessThan(1e-12 + 1e-10 * expected);
        }
      }
    }
  });

  it('lower and upper tails are complementary and mirror each other', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3000 }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n, p, frac) => {
          const k = Math.floor(frac * n);
          const lower = binomialLowerTail(k, n, p);
          const upper = binomialUpperTail(k + 1, n, p);
          expect(lower + upper).toBeCloseTo(1, 9);
          expect(binomialUpperTail(n - k, n, 1 - p)).toBeCloseTo(lower, 9);
        },
      ),
    );
  });

  it('handles the edges', () => {
    expect(binomialLowerTail(-1, 10, 0.5)).toBe(0);
    expect(binomialLowerTail(10, 10, 0.5)).toBe(1);
    expect(binomialLowerTail(3, 10, 0)).toBe(1);
    expect(binomialLowerTail(3, 10, 1)).toBe(0);
    expect(binomialUpperTail(0, 10, 0.3)).toBe(1);
    expect(binomialUpperTail(11, 10, 0.3)).toBe(0);
    expect(() => binomialLowerTail(1, 10, 1.5)).toThrow(RangeError);
  });
});

describe('logFactorial', () => {
  it('agrees with summed logs past the table, where Stirling takes over', () => {
    let sum = 0;
    for (let i = 2; i <= 5000; i++) {
      sum += Math.log(i);
      const actual = logFactorial(i);
      expect(Math.abs(actual - sum)).toBeLessThan(1e-12 * sum);
    }
    expect(logFactorial(0)).toBe(0);
    expect(logFactorial(1)).toBe(0);
    expect(() => logFactorial(2.5)).toThrow(RangeError);
  });
});
