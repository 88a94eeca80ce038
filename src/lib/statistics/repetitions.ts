/**
 * Repetitions: running each example K times and averaging shrinks the part of the variance
 * that comes from the model's own randomness. With between-example variance σ²_b and
 * within-example variance σ²_w, the per-example mean has variance σ²_b + σ²_w / K (E. Miller,
 * "Adding Error Bars to Evals", 2024, §4), so the interval of the mean narrows by
 * √((σ²_b + σ²_w/K) / (σ²_b + σ²_w)) against one run per example.
 */

export interface PooledVariance {
  /** Σ (k_i − 1)·s²_i / Σ (k_i − 1) over examples with k_i ≥ 2 runs. */
  variance: number;
  /** Σ (k_i − 1): the degrees of freedom behind it. */
  df: number;
}

/**
 * Pooled within-example variance from per-example sample variances `variances[i]` over
 * `runs[i]` runs. Examples with fewer than 2 runs or no variance carry no information.
 */
export function pooledWithinVariance(
  variances: ArrayLike<number | null>,
  runs: ArrayLike<number | null>,
): PooledVariance | null {
  let weighted = 0;
  let df = 0;
  for (let i = 0; i < variances.length; i++) {
    const v = variances[i];
    const k = runs[i];
    if (typeof v !== 'number' || typeof k !== 'number' || !(k >= 2) || !(v >= 0)) continue;
    if (!Number.isFinite(v)) continue;
    weighted += (k - 1) * v;
    df += k - 1;
  }
  return df > 0 ? { variance: weighted / df, df } : null;
}

export interface RepeatedSide {
  /** Pooled within-example variance of this side's scores. */
  withinVariance: number;
  /** Mean of 1/K over the examples: the share of σ²_w left after averaging K runs. */
  meanInverseRuns: number;
}

/**
 * Width of the interval of a mean difference with the repetitions as run, relative to one
 * run per example (≤ 1; e.g. 0.85 = 15 % narrower). `diffVariance` is the observed variance
 * of the per-example differences, which already holds σ²_w/K of each side; `sides` are the
 * sides that ran repetitions. Null when there is nothing to compare.
 */
export function repetitionNarrowing(
  diffVariance: number,
  sides: readonly RepeatedSide[],
): number | null {
  if (!(diffVariance > 0) || !Number.isFinite(diffVariance) || sides.length === 0) return null;
  let averaged = 0;
  let single = 0;
  for (const side of sides) {
    averaged += side.withinVariance * side.meanInverseRuns;
    single += side.withinVariance;
  }
  // The between-example part cannot be negative; noise in small samples can make it look so.
  const between = Math.max(0, diffVariance - averaged);
  const oneRun = between + single;
  const withRuns = between + averaged;
  if (!(oneRun > 0)) return null;
  return Math.min(1, Math.sqrt(withRuns / oneRun));
}
