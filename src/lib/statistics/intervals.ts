/**
 * Confidence intervals for a proportion (Wilson) and for a mean: the t interval on a
 * standard error (the CLT interval) and the percentile bootstrap, over examples or over
 * whole clusters. Pure and seeded: the same data gives the same interval everywhere.
 */
import { normalQuantile, studentTQuantile } from './distributions';

export interface Interval {
  low: number;
  high: number;
}

export interface BootstrapOptions {
  resamples?: number;
  seed?: number;
  /** Two-sided confidence level. */
  confidence?: number;
}

export const DEFAULT_RESAMPLES = 2000;
export const MIN_RESAMPLES = 2000;
export const DEFAULT_SEED = 0x5eed1234;

/**
 * Wilson score interval for `successes` out of `n` (Wilson 1927). Unlike p ± z·SE it stays
 * inside [0, 1] and does not collapse to a point at 0 or n successes.
 */
export function wilsonInterval(successes: number, n: number, confidence = 0.95): Interval | null {
  if (!Number.isInteger(n) || n <= 0 || !(successes >= 0 && successes <= n)) return null;
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const p = successes / n;
  const z2n = (z * z) / n;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2n / (4 * n))) / (1 + z2n);
  // At 0 or n successes the bound is exactly 0 or 1; rounding would leave a speck.
  return {
    low: successes === 0 ? 0 : Math.max(0, centre - half),
    high: successes === n ? 1 : Math.min(1, centre + half),
  };
}

/** mean ± t(df)·se; `df` Infinity gives the normal (z) interval. */
export function tInterval(
  mean: number,
  se: number,
  df: number,
  confidence = 0.95,
): Interval | null {
  if (!Number.isFinite(mean) || !(se >= 0) || !Number.isFinite(se) || !(df > 0)) return null;
  const q = studentTQuantile(1 - (1 - confidence) / 2, df);
  return { low: mean - q * se, high: mean + q * se };
}

export function resampleCount(options: BootstrapOptions): number {
  return Math.max(MIN_RESAMPLES, Math.floor(options.resamples ?? DEFAULT_RESAMPLES));
}

/** Lower and upper order statistics, mirrored so negating the data negates the interval. */
function percentileInterval(means: Float64Array, confidence: number): Interval {
  means.sort();
  const alpha = 1 - confidence;
  const lowIndex = Math.round((alpha / 2) * (means.length - 1));
  return { low: means[lowIndex] ?? 0, high: means[means.length - 1 - lowIndex] ?? 0 };
}

/** Percentile bootstrap interval of the mean of `values`, resampling values. */
export function bootstrapMeanInterval(
  values: Float64Array,
  options: BootstrapOptions = {},
): Interval | null {
  const n = values.length;
  if (n < 2) return null;
  const resamples = resampleCount(options);
  // mulberry32 inlined (the sequence of prng.ts): a closure call per draw costs ~2x here.
  let state = (options.seed ?? DEFAULT_SEED) >>> 0;
  const means = new Float64Array(resamples);
  for (let b = 0; b < resamples; b++) {
    let sum = 0;
    for (let j = 0; j < n; j++) {
      state = (state + 0x6d2b79f5) | 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      const u = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      sum += values[(u * n) | 0] as number;
    }
    means[b] = sum / n;
  }
  return percentileInterval(means, options.confidence ?? 0.95);
}

/**
 * Cluster bootstrap: resample whole clusters (their sums and sizes) with replacement; each
 * resample's mean is the sum of the drawn sums over the sum of the drawn sizes. With one
 * value per cluster it draws the same indices as `bootstrapMeanInterval`, so it gives the
 * same interval.
 */
export function clusterBootstrapMeanInterval(
  sums: Float64Array,
  sizes: Float64Array,
  options: BootstrapOptions = {},
): Interval | null {
  const g = sums.length;
  if (g < 2 || sizes.length !== g) return null;
  const resamples = resampleCount(options);
  let state = (options.seed ?? DEFAULT_SEED) >>> 0;
  const means = new Float64Array(resamples);
  for (let b = 0; b < resamples; b++) {
    let sum = 0;
    let size = 0;
    for (let j = 0; j < g; j++) {
      state = (state + 0x6d2b79f5) | 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      const k = ((((t ^ (t >>> 14)) >>> 0) / 4294967296) * g) | 0;
      sum += sums[k] as number;
      size += sizes[k] as number;
    }
    means[b] = sum / size;
  }
  return percentileInterval(means, options.confidence ?? 0.95);
}
