/** What the statistics engine takes and gives: plain data, so it crosses to a worker as is. */
import type { Direction } from '../../../lib/statistics/decision';

export type { Direction };
export type InputKind = 'numeric' | 'binary' | 'categorical' | 'metric';

/** A number or a missing value; NaN counts as missing (so a Float64Array can carry gaps). */
export type Values = ArrayLike<number | null>;

export interface PairedSeries {
  sessionId: string;
  name: string;
  /** values[i]: the session's value on example i (repetitions averaged); null/NaN = none. */
  values: Values;
  /** With repetitions: the sample variance of example i's runs (null with fewer than 2). */
  withinVariance?: Values;
  /** With repetitions: how many runs of example i carry a value. */
  runs?: Values;
}

export interface StatsInput {
  key: string;
  kind: InputKind;
  direction: Direction;
  baseline: PairedSeries;
  others: PairedSeries[];
  /** Categorical keys only: counts per category, one entry per session including the baseline. */
  categories?: { sessionId: string; counts: Record<string, number> }[];
  /** Examples loaded in the browser. */
  exampleCount: number;
  /** Examples on the server. */
  totalExamples: number;
}

/**
 * A label per example from its metadata (a cluster or a slice): `index[i]` points into
 * `names`, −1 when example i has no value for `key`.
 */
export interface ExampleLabels {
  key: string;
  index: Int32Array;
  names: string[];
}

export interface StatsOptions {
  resamples?: number;
  seed?: number;
  /** Two-sided confidence level of the interval. */
  confidence?: number;
  /** Cluster-robust intervals and tests over these clusters; null or absent = none. */
  clusters?: ExampleLabels | null;
}

export type TestName = 'mcnemar' | 'permutation' | 'cluster-permutation';
export type IntervalMethod = 'bootstrap' | 'cluster-bootstrap' | 't' | 'cluster-t';

export interface IntervalInfo {
  method: IntervalMethod;
  /** Bootstrap resamples; null for a t interval. */
  resamples: number | null;
  /** Degrees of freedom of a t interval (units − 1); null for a bootstrap. */
  df: number | null;
}

export interface ClusteringResult {
  key: string;
  /** Clusters among the paired examples; examples without a value are clusters of one. */
  clusters: number;
  /** Paired examples with no value for the key. */
  missing: number;
  /** Examples in the largest cluster. */
  largest: number;
  /** Variance of the mean, clustered over unclustered; null when it cannot be measured. */
  designEffect: number | null;
  /** The standard error without clustering, for comparison. */
  seUnclustered: number | null;
  /**
   * 'one-cluster': every paired example shares one value, so nothing can be estimated.
   * 'singletons': every cluster holds one example, so the results are the unclustered ones.
   */
  problem: 'one-cluster' | 'singletons' | null;
}

export interface RepetitionResult {
  /** Mean runs per paired example, per side. */
  baselineRuns: number;
  sessionRuns: number;
  /** Pooled standard deviation across an example's runs; null when a side ran once. */
  baselineWithinSd: number | null;
  sessionWithinSd: number | null;
  /** Interval width with the repetitions over its width with one run per example (≤ 1). */
  narrowing: number | null;
}

export interface PairedResult {
  key: string;
  sessionId: string;
  name: string;
  baselineId: string;
  baselineName: string;
  /** 'binary' when every value is 0/1 (McNemar), otherwise a permutation test. */
  kind: 'numeric' | 'binary' | 'metric';
  direction: Direction;
  /** Examples where both the baseline and the session have a value. */
  n: number;
  baselineMean: number | null;
  sessionMean: number | null;
  /** Mean of (session − baseline) over the paired examples. */
  meanDiff: number | null;
  /** Sample standard deviation of the per-example differences. */
  sdDiff: number | null;
  /** Standard error of meanDiff (cluster-robust when clustered). */
  se: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  interval: IntervalInfo | null;
  /** Raw two-sided p-value of `test`. */
  pValue: number | null;
  /** After adjustment across the view's tests (equal to pValue until adjusted). */
  adjustedP: number | null;
  test: TestName | null;
  /** Permutation tests: exact enumeration, or a Monte Carlo sample of `permutations`. */
  exact: boolean | null;
  permutations: number | null;
  /**
   * Scores and metrics without clusters: the Wilcoxon signed-rank test (zeros dropped,
   * mid-ranks for ties) as a robustness check on the ranks. Shown, not adjusted, not used
   * for the verdict.
   */
  wilcoxon: { pValue: number; exact: boolean } | null;
  /** The difference found 80 % of the time by a two-sided test at α 0.05. */
  mde: number | null;
  wins: number;
  losses: number;
  ties: number;
  /** When every paired value on both sides is the same number: that number. */
  singleValue: number | null;
  /** Binary keys only. */
  flips: { passToFail: number; failToPass: number } | null;
  /** Examples only one side has a value for: they cannot be paired, so are left out. */
  baselineOnly: number;
  sessionOnly: number;
  clustering: ClusteringResult | null;
  repetitions: RepetitionResult | null;
}

export interface CategoryShift {
  category: string;
  baselineCount: number;
  sessionCount: number;
  baselineShare: number | null;
  sessionShare: number | null;
  /** (session share − baseline share) in percentage points. */
  shiftPoints: number | null;
}

export interface CategoricalResult {
  key: string;
  sessionId: string;
  name: string;
  baselineTotal: number;
  sessionTotal: number;
  rows: CategoryShift[];
  /** False when either side has no categorised example. */
  enough: boolean;
}

export interface KeyStats {
  key: string;
  kind: 'numeric' | 'binary' | 'categorical' | 'metric';
  direction: Direction;
  baselineId: string;
  baselineName: string;
  exampleCount: number;
  totalExamples: number;
  comparisons: PairedResult[];
  /** Categorical keys only: the baseline's own distribution comes first. */
  distributions: CategoricalResult[] | null;
}
