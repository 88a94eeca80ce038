/**
 * Power of a paired comparison of means, on the normal approximation (as in E. Miller,
 * "Adding Error Bars to Evals", 2024, §5): a difference δ is detected with probability
 * Φ(δ/SE − z₁₋α/₂) + Φ(−δ/SE − z₁₋α/₂) by a two-sided test at level α.
 */
import { normalCdf, normalQuantile } from './distributions';

export const DEFAULT_ALPHA = 0.05;
export const DEFAULT_POWER = 0.8;

export interface PowerOptions {
  alpha?: number;
  power?: number;
}

function multiplier({ alpha = DEFAULT_ALPHA, power = DEFAULT_POWER }: PowerOptions): number {
  return normalQuantile(1 - alpha / 2) + normalQuantile(power);
}

/**
 * The smallest difference found with the given power (80 % by default) by a two-sided test
 * at α (0.05): (z₁₋α/₂ + z_power) · SE ≈ 2.80 · SE. Smaller differences go unseen more often.
 */
export function minimumDetectableDifference(se: number, options: PowerOptions = {}): number | null {
  if (!(se >= 0) || !Number.isFinite(se)) return null;
  return multiplier(options) * se;
}

/**
 * Examples needed to detect a difference of `delta` when one example's difference has
 * standard deviation `sd`: ⌈((z₁₋α/₂ + z_power) · sd / δ)² · designEffect⌉.
 * The design effect carries clustering over (the variance per example grows by it).
 */
export function examplesNeeded(
  delta: number,
  sd: number,
  options: PowerOptions & { designEffect?: number } = {},
): number | null {
  const d = Math.abs(delta);
  if (!(d > 0) || !(sd >= 0) || !Number.isFinite(sd) || !Number.isFinite(d)) return null;
  const deff = options.designEffect ?? 1;
  if (!(deff > 0) || !Number.isFinite(deff)) return null;
  const n = ((multiplier(options) * sd) / d) ** 2 * deff;
  // A difference with no spread is seen with one example; float noise must not add one more.
  return Math.max(1, Math.ceil(n - 1e-9));
}

/** Probability that a two-sided test at α detects a true difference `delta`. */
export function powerAt(delta: number, se: number, alpha = DEFAULT_ALPHA): number | null {
  if (!Number.isFinite(delta) || !(se >= 0) || !Number.isFinite(se)) return null;
  if (se === 0) return delta === 0 ? alpha : 1;
  const z = normalQuantile(1 - alpha / 2);
  const shift = Math.abs(delta) / se;
  return normalCdf(shift - z) + normalCdf(-shift - z);
}
