/**
 * What the scoreboard takes and shows: plain data built by the app from the matrix and the
 * statistics, so the scoreboard never reads another feature.
 */
import type { Interval } from '../../lib/statistics/intervals';

export type BoardDirection = 'higher' | 'lower';
export type VerdictLabel = 'better' | 'worse' | 'no clear difference' | 'not enough data';

export interface BoardKey {
  key: string;
  kind: 'numeric' | 'categorical';
  direction: BoardDirection;
}

/** One experiment's raw material: per-example key values and its runs' metrics. */
export interface BoardSessionInput {
  sessionId: string;
  name: string;
  /** Position in the URL's display order: picks its colour. */
  colorIndex: number;
  /** Examples with at least one run. */
  examples: number;
  runs: number;
  /** Runs that failed. */
  errors: number;
  /** Each run's latency in seconds (runs without one left out). */
  latencies: ArrayLike<number>;
  /** Sums over the runs that carry a value; null when none does. */
  cost: number | null;
  tokens: number | null;
  /** Per feedback key: the per-example value, repetitions averaged (NaN: none). */
  values: ReadonlyMap<string, ArrayLike<number>>;
  /** Categorical keys: the count of each category over the runs. */
  categories: ReadonlyMap<string, Readonly<Record<string, number>>>;
}

/**
 * A comparison against the baseline as the statistics panel shows it: the same numbers, the
 * same verdict (formatted by the app with the panel's own words).
 */
export interface BoardComparison {
  meanDiff: number | null;
  diffText: string;
  intervalText: string;
  label: VerdictLabel;
  reason: string;
}

export interface BoardInput {
  sessions: readonly BoardSessionInput[];
  keys: readonly BoardKey[];
  baseline: string;
  /** key → session id → its comparison with the baseline (absent: none computed yet). */
  comparisons: ReadonlyMap<string, ReadonlyMap<string, BoardComparison>>;
}

export type IntervalMethod = 'wilson' | 't';

export interface KeyMean {
  /** Examples with a value. */
  n: number;
  mean: number | null;
  /** 95 % interval of the mean; null with fewer than 2 examples (t) or none. */
  interval: Interval | null;
  method: IntervalMethod | null;
}

export interface KeyCell {
  key: string;
  /** Numeric keys. */
  mean: KeyMean | null;
  /** Categorical keys: share of each category, in the key's category order. */
  distribution: { category: string; count: number; share: number }[] | null;
  comparison: BoardComparison | null;
}

export type Mark = 'best' | 'tied' | null;

export interface BoardRow {
  sessionId: string;
  name: string;
  colorIndex: number;
  isBaseline: boolean;
  examples: number;
  costPerExample: number | null;
  tokensPerExample: number | null;
  latencyP50: number | null;
  latencyP99: number | null;
  errorRate: number | null;
  keys: KeyCell[];
  /** Column id → mark: the leader, or one of the tied leaders. */
  marks: Record<string, Mark>;
}

export interface Board {
  rows: BoardRow[];
  keys: (BoardKey & { passRate: boolean; categories: string[] })[];
  baseline: string;
}
