import type { ApiFeedback, ApiFeedbackSource, ApiRun, FeedbackStatsEntry } from './api-types';
import { formatNaive, MICROS_PER_SECOND, parseMicros } from './time';

/**
 * The aggregate statistics a LangSmith server computes over a set of runs (a session, or a
 * session's runs within one group). Shared by the generator (per-run feedback_stats), the
 * sessions list and the grouped endpoint, so every level agrees with the others.
 */

/** A run with the numbers parsed out of its strings, computed once per store. */
export interface RunFacts {
  run: ApiRun;
  startMicros: number;
  /** Seconds from start to end; null while a run has no end time. */
  latency: number | null;
  totalCost: number | null;
  promptCost: number | null;
  completionCost: number | null;
}

export function runFacts(run: ApiRun): RunFacts {
  const start = parseMicros(run.start_time) ?? 0;
  const end = parseMicros(run.end_time);
  return {
    run,
    startMicros: start,
    latency: end === null ? null : (end - start) / MICROS_PER_SECOND,
    totalCost: parseCost(run.total_cost),
    promptCost: parseCost(run.prompt_cost),
    completionCost: parseCost(run.completion_cost),
  };
}

/** Linear interpolation between closest ranks (numpy's default); `sorted` is ascending. */
export function percentile(sorted: ArrayLike<number>, q: number): number | null {
  if (sorted.length === 0) return null;
  const pos = (sorted.length - 1) * q;
  const lower = Math.floor(pos);
  const upper = Math.ceil(pos);
  const lo = sorted[lower] ?? 0;
  const hi = sorted[upper] ?? lo;
  return lo + (hi - lo) * (pos - lower);
}

/** Decimal string as the spec sends costs: up to 8 places, no trailing zeros ("0.00052065"). */
export function formatCost(value: number): string {
  const fixed = value.toFixed(8);
  let end = fixed.length;
  while (fixed.charCodeAt(end - 1) === 48) end--; // trailing '0'
  if (fixed.charCodeAt(end - 1) === 46) end--; // a bare '.'
  return fixed.slice(0, end);
}

export function parseCost(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

/** Aggregates keep a bounded sample of comments so a 10,000-run group stays a small payload. */
export const MAX_AGGREGATE_COMMENTS = 100;

const sourceStrings = new WeakMap<ApiFeedbackSource, string>();

/** `sources` entries are JSON-encoded strings on the wire; the generator shares source objects. */
export function feedbackSourceString(source: ApiFeedbackSource | null): string {
  if (!source) return JSON.stringify({ type: null, metadata: {} });
  let text = sourceStrings.get(source);
  if (text === undefined) {
    text = JSON.stringify({ type: source.type, metadata: source.metadata ?? {} });
    sourceStrings.set(source, text);
  }
  return text;
}

export function numericScore(score: ApiFeedback['score']): number | null {
  if (typeof score === 'boolean') return score ? 1 : 0;
  return typeof score === 'number' && Number.isFinite(score) ? score : null;
}

interface KeyAccumulator {
  n: number;
  sum: number;
  sumSquares: number;
  min: number;
  max: number;
  errors: number;
  values: Record<string, number>;
  comments: string[];
  sources: Set<string>;
  thread: boolean;
}

function emptyKey(): KeyAccumulator {
  return {
    n: 0,
    sum: 0,
    sumSquares: 0,
    min: Number.POSITIVE_INFINITY,
    max: Number.NEGATIVE_INFINITY,
    errors: 0,
    values: {},
    comments: [],
    sources: new Set(),
    thread: false,
  };
}

/** Pools feedback per key; builders merge, so a group's stats reuse its sessions' work. */
export class FeedbackStatsBuilder {
  private readonly keys = new Map<string, KeyAccumulator>();
  private readonly maxComments: number;

  constructor(maxComments = MAX_AGGREGATE_COMMENTS) {
    this.maxComments = maxComments;
  }

  private keyAccumulator(key: string): KeyAccumulator {
    let acc = this.keys.get(key);
    if (!acc) {
      acc = emptyKey();
      this.keys.set(key, acc);
    }
    return acc;
  }

  add(feedback: ApiFeedback): void {
    const acc = this.keyAccumulator(feedback.key);
    const score = numericScore(feedback.score);
    // `n` counts scored feedback only: a categorical label or a bare comment adds to
    // `values`/`comments` but not to the average (the 2024+ per-run shape).
    if (score !== null) {
      acc.n += 1;
      acc.sum += score;
      acc.sumSquares += score * score;
      if (score < acc.min) acc.min = score;
      if (score > acc.max) acc.max = score;
    }
    if (typeof feedback.value === 'string') {
      acc.values[feedback.value] = (acc.values[feedback.value] ?? 0) + 1;
    }
    if (feedback.comment && acc.comments.length < this.maxComments) {
      acc.comments.push(feedback.comment);
    }
    if (feedback.extra && feedback.extra.error === true) acc.errors += 1;
    acc.sources.add(feedbackSourceString(feedback.feedback_source));
    if (feedback.feedback_thread_id) acc.thread = true;
  }

  addRun(run: ApiRun): void {
    for (const feedback of run.feedbacks) this.add(feedback);
  }

  merge(other: FeedbackStatsBuilder): void {
    for (const [key, from] of other.keys) {
      const acc = this.keyAccumulator(key);
      acc.n += from.n;
      acc.sum += from.sum;
      acc.sumSquares += from.sumSquares;
      acc.min = Math.min(acc.min, from.min);
      acc.max = Math.max(acc.max, from.max);
      acc.errors += from.errors;
      for (const [label, count] of Object.entries(from.values)) {
        acc.values[label] = (acc.values[label] ?? 0) + count;
      }
      for (const comment of from.comments) {
        if (acc.comments.length >= this.maxComments) break;
        acc.comments.push(comment);
      }
      for (const source of from.sources) acc.sources.add(source);
      acc.thread ||= from.thread;
    }
  }

  /** `sessionRange` overrides the min/max per key (per-run stats report their session's range). */
  build(
    sessionRange?: ReadonlyMap<string, { min: number; max: number }>,
  ): Record<string, FeedbackStatsEntry> {
    const out: Record<string, FeedbackStatsEntry> = {};
    for (const [key, acc] of this.keys) {
      const avg = acc.n > 0 ? acc.sum / acc.n : null;
      const variance = avg === null ? null : Math.max(0, acc.sumSquares / acc.n - avg * avg);
      const range = sessionRange?.get(key);
      out[key] = {
        n: acc.n,
        avg,
        stdev: variance === null ? null : Math.sqrt(variance),
        errors: acc.errors,
        values: acc.values,
        comments: acc.comments,
        sources: [...acc.sources],
        session_min_score: range ? range.min : acc.n > 0 ? acc.min : null,
        session_max_score: range ? range.max : acc.n > 0 ? acc.max : null,
        show_feedback_arrow: acc.n > 0,
        contains_thread_feedback: acc.thread,
      };
    }
    return out;
  }
}

/** The stats block shared by sessions, per-group sessions and groups. */
export interface RunAggregate {
  run_count: number | null;
  latency_p50: number | null;
  latency_p99: number | null;
  total_tokens: number | null;
  prompt_tokens: number | null;
  completion_tokens: number | null;
  total_cost: string | null;
  prompt_cost: string | null;
  completion_cost: string | null;
  error_rate: number | null;
  feedback_stats: Record<string, FeedbackStatsEntry> | null;
  min_start_time: string | null;
  max_start_time: string | null;
}

/** Sums that stay null when no run reported the field, as servers do. */
class NullableSum {
  total = 0;
  seen = false;
  add(value: number | null | undefined): void {
    if (value === null || value === undefined) return;
    this.total += value;
    this.seen = true;
  }
  merge(other: NullableSum): void {
    this.total += other.total;
    this.seen ||= other.seen;
  }
  get value(): number | null {
    return this.seen ? this.total : null;
  }
}

const EMPTY_AGGREGATE: RunAggregate = Object.freeze({
  // A fresh experiment: every stat is null, not zero.
  run_count: null,
  latency_p50: null,
  latency_p99: null,
  total_tokens: null,
  prompt_tokens: null,
  completion_tokens: null,
  total_cost: null,
  prompt_cost: null,
  completion_cost: null,
  error_rate: null,
  feedback_stats: null,
  min_start_time: null,
  max_start_time: null,
});

/** Accumulates the stats of a set of runs; accumulators merge without revisiting runs. */
export class RunAccumulator {
  private count = 0;
  private errors = 0;
  private minStart = Number.POSITIVE_INFINITY;
  private maxStart = Number.NEGATIVE_INFINITY;
  private readonly latencies: number[] = [];
  private readonly totalTokens = new NullableSum();
  private readonly promptTokens = new NullableSum();
  private readonly completionTokens = new NullableSum();
  private readonly totalCost = new NullableSum();
  private readonly promptCost = new NullableSum();
  private readonly completionCost = new NullableSum();
  private readonly feedback = new FeedbackStatsBuilder();
  private result: RunAggregate | null = null;

  add(fact: RunFacts): this {
    const run = fact.run;
    this.count += 1;
    if (fact.latency !== null) this.latencies.push(fact.latency);
    this.totalTokens.add(run.total_tokens);
    this.promptTokens.add(run.prompt_tokens);
    this.completionTokens.add(run.completion_tokens);
    this.totalCost.add(fact.totalCost);
    this.promptCost.add(fact.promptCost);
    this.completionCost.add(fact.completionCost);
    if (run.status === 'error') this.errors += 1;
    if (fact.startMicros < this.minStart) this.minStart = fact.startMicros;
    if (fact.startMicros > this.maxStart) this.maxStart = fact.startMicros;
    this.feedback.addRun(run);
    this.result = null;
    return this;
  }

  merge(other: RunAccumulator): this {
    this.count += other.count;
    this.errors += other.errors;
    this.minStart = Math.min(this.minStart, other.minStart);
    this.maxStart = Math.max(this.maxStart, other.maxStart);
    for (const latency of other.latencies) this.latencies.push(latency);
    this.totalTokens.merge(other.totalTokens);
    this.promptTokens.merge(other.promptTokens);
    this.completionTokens.merge(other.completionTokens);
    this.totalCost.merge(other.totalCost);
    this.promptCost.merge(other.promptCost);
    this.completionCost.merge(other.completionCost);
    this.feedback.merge(other.feedback);
    this.result = null;
    return this;
  }

  get runCount(): number {
    return this.count;
  }

  aggregate(): RunAggregate {
    if (this.count === 0) return EMPTY_AGGREGATE;
    if (this.result) return this.result;
    const sorted = Float64Array.from(this.latencies).sort();
    const cost = (sum: NullableSum) => (sum.value === null ? null : formatCost(sum.value));
    this.result = {
      run_count: this.count,
      latency_p50: percentile(sorted, 0.5),
      latency_p99: percentile(sorted, 0.99),
      total_tokens: this.totalTokens.value,
      prompt_tokens: this.promptTokens.value,
      completion_tokens: this.completionTokens.value,
      total_cost: cost(this.totalCost),
      prompt_cost: cost(this.promptCost),
      completion_cost: cost(this.completionCost),
      error_rate: this.errors / this.count,
      feedback_stats: this.feedback.build(),
      min_start_time: formatNaive(this.minStart),
      max_start_time: formatNaive(this.maxStart),
    };
    return this.result;
  }
}
