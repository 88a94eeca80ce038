/**
 * Paired permutation (sign-flip) test of a mean difference (Fisher 1935, §21): under the
 * null hypothesis each pair's difference is as likely to have either sign, so the observed
 * total |Σ d| is compared with the totals of every way of flipping signs. Zeros flip to
 * themselves and drop out. Exact up to `EXACT_MAX` non-zero differences (2^20 sign
 * patterns); beyond, a seeded Monte Carlo sample of `MIN_PERMUTATIONS` or more patterns.
 * Pass cluster sums instead of differences to flip whole clusters.
 */
import { DEFAULT_SEED } from './intervals';

export const EXACT_MAX = 20;
export const MIN_PERMUTATIONS = 10_000;

export interface PermutationResult {
  /** Two-sided p-value: P(|Σ ε·d| ≥ |Σ d|). */
  pValue: number;
  exact: boolean;
  /** Sign patterns counted: 2^m when exact, the Monte Carlo sample size, or null when the
   * observed total is 0 (every pattern is as extreme: p = 1 without counting). */
  permutations: number | null;
  /** Non-zero differences (the only ones a flip changes). */
  nonZero: number;
}

export interface PermutationOptions {
  seed?: number;
  permutations?: number;
  /** Enumerate every sign pattern up to this many non-zero differences. */
  exactMax?: number;
}

/** Every signed sum ±a_0 ± a_1 … of `a`, indexed by the bit pattern of plus signs. */
function signedSums(a: readonly number[]): Float64Array {
  const out = new Float64Array(1 << a.length);
  let start = 0;
  for (const v of a) start -= v;
  out[0] = start;
  for (let mask = 1; mask < out.length; mask++) {
    const low = 31 - Math.clz32(mask & -mask);
    out[mask] = (out[mask & (mask - 1)] as number) + 2 * (a[low] as number);
  }
  return out;
}

/** Index of the first element ≥ x in ascending `sorted`. */
function lowerBound(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many of ascending `sorted` are strictly greater than x. */
function countAbove(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return sorted.length - lo;
}

/** Counts patterns with |sum| ≥ threshold by meeting in the middle: 2·2^(m/2) sums, not 2^m. */
function exactCount(a: readonly number[], threshold: number): number {
  const half = a.length >> 1;
  const left = signedSums(a.slice(0, half));
  const right = signedSums(a.slice(half)).sort();
  let count = 0;
  for (let i = 0; i < left.length; i++) {
    const x = left[i] as number;
    // x + y ≥ threshold, or x + y ≤ −threshold (disjoint, as threshold > 0).
    count += right.length - lowerBound(right, threshold - x);
    count += right.length - countAbove(right, -threshold - x);
  }
  return count;
}

/**
 * Monte Carlo: each 32-bit random word flips 32 differences, read 4 bits at a time from a
 * table of the 16 signed sums of each block of 4 (8 lookups per word instead of 32 adds).
 */
function monteCarloCount(a: readonly number[], threshold: number, draws: number, seed: number) {
  const words = Math.ceil(a.length / 32);
  const table = new Float64Array(words * 128);
  for (let block = 0; block < words * 8; block++) {
    const four = [0, 1, 2, 3].map((j) => a[block * 4 + j] ?? 0);
    table.set(signedSums(four), block * 16);
  }
  let state = seed >>> 0;
  let count = 0;
  for (let b = 0; b < draws; b++) {
    let sum = 0;
    for (let w = 0, o = 0; w < words; w++, o += 128) {
      state = (state + 0x6d2b79f5) | 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      const r = (t ^ (t >>> 14)) >>> 0;
      sum +=
        (table[o + (r & 15)] as number) +
        (table[o + 16 + ((r >>> 4) & 15)] as number) +
        (table[o + 32 + ((r >>> 8) & 15)] as number) +
        (table[o + 48 + ((r >>> 12) & 15)] as number) +
        (table[o + 64 + ((r >>> 16) & 15)] as number) +
        (table[o + 80 + ((r >>> 20) & 15)] as number) +
        (table[o + 96 + ((r >>> 24) & 15)] as number) +
        (table[o + 112 + (r >>> 28)] as number);
    }
    if (Math.abs(sum) >= threshold) count++;
  }
  return count;
}

/** Two-sided sign-flip test of Σ values = 0; null when every value is zero or missing. */
export function signFlipTest(
  values: ArrayLike<number>,
  options: PermutationOptions = {},
): PermutationResult | null {
  const a: number[] = [];
  let observed = 0;
  let scale = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (v === 0 || !Number.isFinite(v)) continue;
    a.push(Math.abs(v));
    observed += v;
    scale += Math.abs(v);
  }
  const m = a.length;
  if (m === 0) return null;
  // Sums that equal the observed one up to rounding count as "at least as extreme".
  const threshold = Math.abs(observed) - 1e-9 * scale;
  const exactMax = Math.min(options.exactMax ?? EXACT_MAX, 30);
  if (threshold <= 0) {
    return { pValue: 1, exact: true, permutations: null, nonZero: m };
  }
  if (m <= exactMax) {
    const total = 2 ** m;
    return {
      pValue: exactCount(a, threshold) / total,
      exact: true,
      permutations: total,
      nonZero: m,
    };
  }
  const draws = Math.max(MIN_PERMUTATIONS, Math.floor(options.permutations ?? MIN_PERMUTATIONS));
  const count = monteCarloCount(a, threshold, draws, options.seed ?? DEFAULT_SEED);
  // (1 + count) / (1 + draws): the observed pattern is one of the draws (Phipson & Smyth 2010).
  return { pValue: (1 + count) / (1 + draws), exact: false, permutations: draws, nonZero: m };
}
