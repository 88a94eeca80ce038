/**
 * Paired comparison of each session against the baseline, example by example: mean
 * difference with a bootstrap interval, an exact p-value, wins/losses/ties and flips.
 * Pure and deterministic (seeded), so it runs the same on the main thread and in a worker.
 */
import { exactTwoSidedHalf } from '../../lib/statistics/binomial';

export type InputKind = 'numeric' | 'binary' | 'categorical' | 'metric';
export type Direction = 'higher' | 'lower';

export interface PairedSeries {
  sessionId: string;
  name: string;
  /** values[i]: the session's value on example i (repetitions averaged); null = not run / no score. */
  values: (number | null)[];
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

export interface PairedResult {
  key: string;
  sessionId: string;
  name: string;
  baselineId: string;
  baselineName: string;
  /** 'binary' when every value is 0/1 (McNemar), otherwise a sign test. */
  kind: 'numeric' | 'binary' | 'metric';
  direction: Direction;
  /** Examples where both the baseline and the session have a value. */
  n: number;
  baselineMean: number | null;
  sessionMean: number | null;
  /** Mean of (session − baseline) over the paired examples. */
  meanDiff: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  pValue: number | null;
  test: 'sign' | 'mcnemar' | null;
  wins: number;
  losses: number;
  ties: number;
  /** Binary keys only. */
  flips: { passToFail: number; failToPass: number } | null;
  /** Examples only one side has a value for: they cannot be paired, so are left out. */
  baselineOnly: number;
  sessionOnly: number;
  resamples: number;
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

export interface StatsOptions {
  resamples?: number;
  seed?: number;
  /** Two-sided confidence level of the interval. */
  confidence?: number;
}

export const DEFAULT_RESAMPLES = 2000;
export const DEFAULT_SEED = 0x5eed1234;
export const MIN_RESAMPLES = 2000;

function finite(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

/** 'binary' when there is at least one value and every value is exactly 0 or 1. */
export function detectKind(values: readonly (number | null | undefined)[]): 'binary' | 'numeric' {
  let seen = false;
  for (const v of values) {
    if (!finite(v)) continue;
    if (v !== 0 && v !== 1) return 'numeric';
    seen = true;
  }
  return seen ? 'binary' : 'numeric';
}

/** The effective kind of a key: declared 'binary' with a stray 0.5 is numeric after all. */
export function resolveKind(input: StatsInput): KeyStats['kind'] {
  if (input.kind === 'categorical' || input.kind === 'metric') return input.kind;
  // One kind per key across every session, so all rows of a table use the same test.
  return detectKind([input.baseline.values, ...input.others.map((o) => o.values)].flat());
}

/** Differences this small are rounding noise from averaging repetitions, not a real change. */
function isTie(diff: number, a: number, b: number): boolean {
  return Math.abs(diff) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * Percentile interval of the mean of `diffs` by bootstrap resampling. The lower and upper
 * order statistics are mirrored so negating every difference exactly negates the interval.
 */
export function bootstrapMeanInterval(
  diffs: Float64Array,
  options: StatsOptions = {},
): { low: number; high: number } | null {
  const n = diffs.length;
  if (n < 2) return null;
  const resamples = Math.max(MIN_RESAMPLES, Math.floor(options.resamples ?? DEFAULT_RESAMPLES));
  const alpha = 1 - (options.confidence ?? 0.95);
  // mulberry32 inlined (same sequence as prng.ts): a closure call per draw costs ~2x here.
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
      sum += diffs[(u * n) | 0] as number;
    }
    means[b] = sum / n;
  }
  means.sort();
  const lowIndex = Math.round((alpha / 2) * (resamples - 1));
  const highIndex = resamples - 1 - lowIndex;
  return { low: means[lowIndex] ?? 0, high: means[highIndex] ?? 0 };
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
    ciLow: null,
    ciHigh: null,
    pValue: null,
    test: null,
    wins: 0,
    losses: 0,
    ties: 0,
    flips: kind === 'binary' ? { passToFail: 0, failToPass: 0 } : null,
    baselineOnly: 0,
    sessionOnly: 0,
    resamples: 0,
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
  const base = input.baseline.values;
  const cand = other.values;
  const length = Math.max(base.length, cand.length);
  const diffs = new Float64Array(length);
  const higher = input.direction === 'higher';
  let n = 0;
  let baseSum = 0;
  let candSum = 0;
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
    const diff = b - a;
    baseSum += a;
    candSum += b;
    if (isTie(diff, a, b)) {
      result.ties++;
      diffs[n++] = 0;
      continue;
    }
    diffs[n++] = diff;
    if (diff > 0 === higher) result.wins++;
    else result.losses++;
    if (kind === 'binary') {
      if (a === 1 && b === 0) passToFail++;
      else if (a === 0 && b === 1) failToPass++;
    }
  }
  result.n = n;
  if (kind === 'binary') result.flips = { passToFail, failToPass };
  if (n === 0) return result;
  const paired = diffs.subarray(0, n);
  let diffSum = 0;
  for (let i = 0; i < n; i++) diffSum += paired[i] as number;
  // Values near ±1e308 can overflow to Infinity: report null, never a non-finite number.
  result.baselineMean = finiteOrNull(baseSum / n);
  result.sessionMean = finiteOrNull(candSum / n);
  result.meanDiff = finiteOrNull(diffSum / n);
  const interval = result.meanDiff === null ? null : bootstrapMeanInterval(paired, options);
  if (interval && Number.isFinite(interval.low) && Number.isFinite(interval.high)) {
    result.ciLow = interval.low;
    result.ciHigh = interval.high;
    result.resamples = Math.max(MIN_RESAMPLES, Math.floor(options.resamples ?? DEFAULT_RESAMPLES));
  }
  // For 0/1 scores the sign test on discordant pairs *is* the exact McNemar test.
  const discordant = result.wins + result.losses;
  result.pValue = exactTwoSidedHalf(result.wins, discordant);
  result.test = discordant === 0 ? null : kind === 'binary' ? 'mcnemar' : 'sign';
  return result;
}

function cleanCount(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
}

/** Distribution of a categorical key per session, and its shift against the baseline. */
export function compareCategorical(input: StatsInput): CategoricalResult[] {
  const countsBySession = new Map<string, Record<string, number>>();
  for (const entry of input.categories ?? []) countsBySession.set(entry.sessionId, entry.counts);
  const baseCounts = countsBySession.get(input.baseline.sessionId) ?? {};
  const sessions = [input.baseline, ...input.others];
  const categories = new Set<string>();
  for (const s of sessions)
    for (const c of Object.keys(countsBySession.get(s.sessionId) ?? {})) categories.add(c);
  const baseTotal = Object.values(baseCounts).reduce((t, v) => t + cleanCount(v), 0);
  // Most common baseline categories first; ties alphabetically so the order is stable.
  const ordered = [...categories].sort(
    (x, y) => cleanCount(baseCounts[y]) - cleanCount(baseCounts[x]) || x.localeCompare(y),
  );
  return sessions.map((s) => {
    const counts = countsBySession.get(s.sessionId) ?? {};
    const total = Object.values(counts).reduce((t, v) => t + cleanCount(v), 0);
    const rows = ordered.map((category): CategoryShift => {
      const baselineCount = cleanCount(baseCounts[category]);
      const sessionCount = cleanCount(counts[category]);
      const baselineShare = baseTotal > 0 ? baselineCount / baseTotal : null;
      const sessionShare = total > 0 ? sessionCount / total : null;
      const shiftPoints =
        baselineShare === null || sessionShare === null
          ? null
          : (sessionShare - baselineShare) * 100;
      return { category, baselineCount, sessionCount, baselineShare, sessionShare, shiftPoints };
    });
    return {
      key: input.key,
      sessionId: s.sessionId,
      name: s.name,
      baselineTotal: baseTotal,
      sessionTotal: total,
      rows,
      enough: baseTotal > 0 && total > 0,
    };
  });
}

export function computeKeyStats(input: StatsInput, options: StatsOptions = {}): KeyStats {
  const kind = resolveKind(input);
  const common = {
    key: input.key,
    kind,
    direction: input.direction,
    baselineId: input.baseline.sessionId,
    baselineName: input.baseline.name,
    exampleCount: input.exampleCount,
    totalExamples: input.totalExamples,
  };
  if (kind === 'categorical') {
    return { ...common, comparisons: [], distributions: compareCategorical(input) };
  }
  return {
    ...common,
    comparisons: input.others.map((other) => comparePaired(input, other, kind, options)),
    distributions: null,
  };
}

export function computeAllStats(
  inputs: readonly StatsInput[],
  options: StatsOptions = {},
): KeyStats[] {
  return inputs.map((input) => computeKeyStats(input, options));
}

/** Upper bound on the pairs a computation touches: what decides main thread or worker. */
export function pairCount(inputs: readonly StatsInput[]): number {
  let total = 0;
  for (const input of inputs) {
    if (input.kind === 'categorical') continue;
    total += input.baseline.values.length * input.others.length;
  }
  return total;
}

// The verdict lives in its own module (it formats text); re-exported for one import site.
export { type Verdict, type VerdictLabel, verdict } from './verdict';
