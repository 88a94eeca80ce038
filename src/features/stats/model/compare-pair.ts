/**
 * One session against the baseline, example by example: the mean difference with its
 * (clustered) interval, the test that fits the key, the smallest detectable difference and
 * what repetitions bought. Pure and seeded, so it runs the same on the main thread and in a
 * worker.
 */
import { exactTwoSidedHalf } from '../../../lib/statistics/binomial';
import { signFlipTest } from '../../../lib/statistics/permutation';
import { minimumDetectableDifference } from '../../../lib/statistics/power';
import { pooledWithinVariance, repetitionNarrowing } from '../../../lib/statistics/repetitions';
import { wilcoxonSignedRank } from '../../../lib/statistics/wilcoxon';
import { estimateMean, type MeanEstimate } from './mean-estimate';
import type {
  ClusteringResult,
  ExampleLabels,
  PairedResult,
  PairedSeries,
  RepetitionResult,
  StatsInput,
  StatsOptions,
  Values,
} from './types';

export function finite(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

/** Differences this small are rounding noise from averaging repetitions, not a real change. */
function isTie(diff: number, a: number, b: number): boolean {
  return Math.abs(diff) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * Cluster label of each paired example: its metadata value's index, or a label of its own
 * (past every named one) when it has no value, so a missing value never merges examples.
 */
export function pairedClusterLabels(clusters: ExampleLabels, examples: Int32Array): Int32Array {
  const out = new Int32Array(examples.length);
  const own = clusters.names.length;
  for (let i = 0; i < examples.length; i++) {
    const label = clusters.index[examples[i] as number] ?? -1;
    out[i] = label >= 0 ? label : own + i;
  }
  return out;
}

function clusteringResult(
  clusters: ExampleLabels,
  labels: Int32Array,
  estimate: MeanEstimate | null,
): ClusteringResult {
  let missing = 0;
  for (let i = 0; i < labels.length; i++)
    if ((labels[i] as number) >= clusters.names.length) missing++;
  const c = estimate?.clustering ?? null;
  let largest = 0;
  for (const size of c?.summary.sizes ?? []) largest = Math.max(largest, size);
  return {
    key: clusters.key,
    clusters: c?.summary.clusters ?? new Set(labels).size,
    missing,
    largest: c ? largest : labels.length > 0 ? 1 : 0,
    designEffect: c?.designEffect ?? null,
    seUnclustered: c?.seUnclustered ?? null,
    problem: c?.problem ?? (labels.length === 1 ? 'one-cluster' : null),
  };
}

/** Mean runs over the paired examples, and the pooled within-example variance. */
function repeatedSide(series: PairedSeries, examples: Int32Array) {
  const runs = series.runs;
  const variances = series.withinVariance;
  if (!runs || !variances) return null;
  let runSum = 0;
  let inverseSum = 0;
  const pairedRuns: (number | null)[] = [];
  const pairedVariances: (number | null)[] = [];
  for (let i = 0; i < examples.length; i++) {
    const e = examples[i] as number;
    const k = runs[e];
    const count = finite(k) && k >= 1 ? k : 1;
    runSum += count;
    inverseSum += 1 / count;
    pairedRuns.push(count);
    pairedVariances.push(variances[e] ?? null);
  }
  const pooled = pooledWithinVariance(pairedVariances, pairedRuns);
  return {
    meanRuns: runSum / examples.length,
    meanInverseRuns: inverseSum / examples.length,
    pooled: pooled?.variance ?? null,
  };
}

function repetitionResult(
  input: StatsInput,
  other: PairedSeries,
  examples: Int32Array,
  sdDiff: number,
): RepetitionResult | null {
  if (examples.length === 0) return null;
  const base = repeatedSide(input.baseline, examples);
  const cand = repeatedSide(other, examples);
  const baseRuns = base?.meanRuns ?? 1;
  const candRuns = cand?.meanRuns ?? 1;
  if (baseRuns <= 1 && candRuns <= 1) return null;
  const sides = [base, cand]
    .filter((s) => s !== null && s.meanRuns > 1 && s.pooled !== null)
    .map((s) => ({
      withinVariance: s?.pooled as number,
      meanInverseRuns: s?.meanInverseRuns as number,
    }));
  const sd = (s: typeof base) =>
    s && s.meanRuns > 1 && s.pooled !== null ? Math.sqrt(s.pooled) : null;
  return {
    baselineRuns: baseRuns,
    sessionRuns: candRuns,
    baselineWithinSd: sd(base),
    sessionWithinSd: sd(cand),
    narrowing: repetitionNarrowing(sdDiff * sdDiff, sides),
  };
}

function emptyResult(
  input: StatsInput,
  other: PairedSeries,
  kind: PairedResult['kind'],
): PairedResult {
  return {
    key: input.key,
    sessionId: other.sessionId,
    name: other.name,
    baselineId: input.baseline.sessionId,
    baselineName: input.baseline.name,
    kind,
    direction: input.direction,
    n: 0,
    baselineMean: null,
    sessionMean: null,
    meanDiff: null,
    sdDiff: null,
    se: null,
    ciLow: null,
    ciHigh: null,
    interval: null,
    pValue: null,
    adjustedP: null,
    test: null,
    exact: null,
    permutations: null,
    wilcoxon: null,
    mde: null,
    wins: 0,
    losses: 0,
    ties: 0,
    singleValue: null,
    flips: kind === 'binary' ? { passToFail: 0, failToPass: 0 } : null,
    baselineOnly: 0,
    sessionOnly: 0,
    clustering: null,
    repetitions: null,
  };
}

interface Pairing {
  diffs: Float64Array;
  examples: Int32Array;
  baseSum: number;
  candSum: number;
  /** The one value every paired number on both sides takes, else null. */
  single: number | null;
}

/** Walks the examples once: pairs, counts, flips and the differences. */
function pair(
  base: Values,
  cand: Values,
  result: PairedResult,
  higher: boolean,
  binary: boolean,
): Pairing {
  const length = Math.max(base.length, cand.length);
  const diffs = new Float64Array(length);
  const examples = new Int32Array(length);
  let n = 0;
  let baseSum = 0;
  let candSum = 0;
  let single: number | null = null;
  let varied = false;
  let passToFail = 0;
  let failToPass = 0;
  for (let i = 0; i < length; i++) {
    const a = base[i];
    const b = cand[i];
    const hasA = finite(a);
    const hasB = finite(b);
    if (!hasA || !hasB) {
      if (hasA) result.baselineOnly++;
      else if (hasB) result.sessionOnly++;
      continue;
    }
    if (!varied) {
      if (single === null) single = a;
      if (a !== single || b !== single) varied = true;
    }
    const diff = b - a;
    baseSum += a;
    candSum += b;
    examples[n] = i;
    if (isTie(diff, a, b)) {
      result.ties++;
      diffs[n++] = 0;
      continue;
    }
    diffs[n++] = diff;
    if (diff > 0 === higher) result.wins++;
    else result.losses++;
    if (binary) {
      if (a === 1 && b === 0) passToFail++;
      else if (a === 0 && b === 1) failToPass++;
    }
  }
  if (binary) result.flips = { passToFail, failToPass };
  return {
    diffs: diffs.subarray(0, n),
    examples: examples.subarray(0, n),
    baseSum,
    candSum,
    single: varied ? null : single,
  };
}

/** One session against the baseline over the examples both have a value for. */
export function comparePaired(
  input: StatsInput,
  other: PairedSeries,
  kind: PairedResult['kind'],
  options: StatsOptions = {},
): PairedResult {
  const result = emptyResult(input, other, kind);
  const p = pair(
    input.baseline.values,
    other.values,
    result,
    input.direction === 'higher',
    kind === 'binary',
  );
  const n = p.diffs.length;
  result.n = n;
  result.singleValue = p.single;
  if (n === 0) return result;
  // Values near ±1e308 can overflow to Infinity: report null, never a non-finite number.
  result.baselineMean = finiteOrNull(p.baseSum / n);
  result.sessionMean = finiteOrNull(p.candSum / n);
  let diffSum = 0;
  for (let i = 0; i < n; i++) diffSum += p.diffs[i] as number;
  result.meanDiff = finiteOrNull(diffSum / n);

  const clusters = options.clusters ?? null;
  const labels = clusters ? pairedClusterLabels(clusters, p.examples) : null;
  const estimate = result.meanDiff === null ? null : estimateMean(p.diffs, labels, options);
  if (clusters && labels) result.clustering = clusteringResult(clusters, labels, estimate);
  if (estimate) {
    result.sdDiff = estimate.sd;
    result.se = estimate.se;
    result.mde = estimate.se === null ? null : minimumDetectableDifference(estimate.se);
    if (estimate.interval) {
      result.ciLow = estimate.interval.low;
      result.ciHigh = estimate.interval.high;
      result.interval = estimate.info;
    }
    result.repetitions = repetitionResult(input, other, p.examples, estimate.sd);
  }
  runTest(result, p.diffs, estimate, options);
  result.adjustedP = result.pValue;
  return result;
}

/**
 * McNemar for 0/1 keys (the exact binomial test on the discordant pairs); the sign-flip
 * permutation test of the mean for other keys; with clusters, whole clusters flip together.
 */
function runTest(
  result: PairedResult,
  diffs: Float64Array,
  estimate: MeanEstimate | null,
  options: StatsOptions,
): void {
  // One pair or one cluster cannot be tested; counting it would only dilute the others.
  if (result.n < 2) return;
  const clustering = estimate?.clustering ?? null;
  if (clustering?.problem === 'one-cluster') return;
  if (clustering && clustering.problem === null) {
    const flip = signFlipTest(clustering.summary.sums, { seed: options.seed });
    if (!flip) return;
    result.test = 'cluster-permutation';
    result.pValue = flip.pValue;
    result.exact = flip.exact;
    result.permutations = flip.permutations;
    return;
  }
  if (result.kind === 'binary') {
    const discordant = result.wins + result.losses;
    if (discordant === 0) return;
    result.test = 'mcnemar';
    result.pValue = exactTwoSidedHalf(result.wins, discordant);
    result.exact = true;
    return;
  }
  const flip = signFlipTest(diffs, { seed: options.seed });
  if (!flip) return;
  const ranks = wilcoxonSignedRank(diffs);
  result.wilcoxon = ranks ? { pValue: ranks.pValue, exact: ranks.exact } : null;
  result.test = 'permutation';
  result.pValue = flip.pValue;
  result.exact = flip.exact;
  result.permutations = flip.permutations;
}
