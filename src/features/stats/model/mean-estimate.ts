/**
 * The interval of a mean difference, plain or clustered, with the method that fits the
 * number of independent units (examples, or clusters when clustered):
 * - fewer than 30 units: the t interval (a bootstrap of a handful of units is too narrow);
 * - 30 to 2,000 units: the percentile bootstrap (2,000 resamples, whole clusters at a time);
 * - more than 2,000 units: the t (CLT) interval, which the bootstrap matches at that size
 *   and which costs one pass instead of 2,000.
 * Clustered t intervals use the CR1 sandwich standard error with G − 1 degrees of freedom.
 */
import {
  type ClusterSummary,
  clusteredMean,
  meanSummary,
  summariseClusters,
} from '../../../lib/statistics/clustered';
import {
  bootstrapMeanInterval,
  clusterBootstrapMeanInterval,
  type Interval,
  resampleCount,
  tInterval,
} from '../../../lib/statistics/intervals';
import type { IntervalInfo, StatsOptions } from './types';

export const BOOTSTRAP_MIN_UNITS = 30;
export const BOOTSTRAP_MAX_UNITS = 2000;

export interface ClusterEstimate {
  summary: ClusterSummary;
  designEffect: number | null;
  seUnclustered: number;
  problem: 'one-cluster' | 'singletons' | null;
}

export interface MeanEstimate {
  n: number;
  mean: number;
  sd: number;
  /** The standard error the interval uses (cluster-robust when clustered). */
  se: number | null;
  interval: Interval | null;
  info: IntervalInfo | null;
  clustering: ClusterEstimate | null;
}

function finiteInterval(interval: Interval | null): Interval | null {
  return interval && Number.isFinite(interval.low) && Number.isFinite(interval.high)
    ? interval
    : null;
}

function plainInterval(
  values: Float64Array,
  se: number,
  options: StatsOptions,
): { interval: Interval | null; info: IntervalInfo } {
  const n = values.length;
  const confidence = options.confidence ?? 0.95;
  if (n >= BOOTSTRAP_MIN_UNITS && n <= BOOTSTRAP_MAX_UNITS) {
    return {
      interval: bootstrapMeanInterval(values, options),
      info: { method: 'bootstrap', resamples: resampleCount(options), df: null },
    };
  }
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i] as number;
  return {
    interval: tInterval(sum / n, se, n - 1, confidence),
    info: { method: 't', resamples: null, df: n - 1 },
  };
}

/**
 * Mean of `values` with its interval; `clusters[i]` labels value i's cluster (null: none).
 * Null with fewer than 2 values or when the sums overflow.
 */
export function estimateMean(
  values: Float64Array,
  clusters: ArrayLike<number> | null,
  options: StatsOptions = {},
): MeanEstimate | null {
  const plain = meanSummary(values);
  if (!plain || !Number.isFinite(plain.mean) || !Number.isFinite(plain.sd)) return null;
  const base = { n: plain.n, mean: plain.mean, sd: plain.sd };
  if (clusters) {
    const summary = summariseClusters(values, clusters);
    const g = summary.clusters;
    // Every cluster a single value: clustering changes nothing, so give the plain result.
    const problem = g === 1 ? 'one-cluster' : g === plain.n ? 'singletons' : null;
    if (problem === null) {
      const clustered = clusteredMean(values, summary);
      const se = clustered?.clusterSe ?? null;
      const clustering: ClusterEstimate = {
        summary,
        designEffect: clustered?.designEffect ?? null,
        seUnclustered: plain.se,
        problem,
      };
      if (se === null) return { ...base, se: null, interval: null, info: null, clustering };
      if (g >= BOOTSTRAP_MIN_UNITS && g <= BOOTSTRAP_MAX_UNITS) {
        return {
          ...base,
          se,
          interval: finiteInterval(
            clusterBootstrapMeanInterval(summary.sums, summary.sizes, options),
          ),
          info: { method: 'cluster-bootstrap', resamples: resampleCount(options), df: null },
          clustering,
        };
      }
      return {
        ...base,
        se,
        interval: finiteInterval(tInterval(plain.mean, se, g - 1, options.confidence ?? 0.95)),
        info: { method: 'cluster-t', resamples: null, df: g - 1 },
        clustering,
      };
    }
    const clustering: ClusterEstimate = {
      summary,
      designEffect: problem === 'singletons' ? 1 : null,
      seUnclustered: plain.se,
      problem,
    };
    if (problem === 'one-cluster') {
      return { ...base, se: null, interval: null, info: null, clustering };
    }
    const { interval, info } = plainInterval(values, plain.se, options);
    return { ...base, se: plain.se, interval: finiteInterval(interval), info, clustering };
  }
  const { interval, info } = plainInterval(values, plain.se, options);
  return { ...base, se: plain.se, interval: finiteInterval(interval), info, clustering: null };
}
