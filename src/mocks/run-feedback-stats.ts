import type { ApiFeedback, ApiFeedbackSource, ApiRun, FeedbackStatsEntry } from './api-types';
import { FeedbackStatsBuilder, feedbackSourceString, numericScore } from './stats';

/** The per-run `feedback_stats` of generated runs, as real servers send them, and their lean form. */

// One source object per kind, shared by every feedback: the payload is the same and 240,000
// copies would only cost memory.
export const EVALUATOR_SOURCE: ApiFeedbackSource = {
  type: 'model',
  metadata: {},
  user_id: null,
  ls_user_id: null,
  user_name: null,
};

const NO_VALUES: Readonly<Record<string, number>> = Object.freeze({});
const NO_COMMENTS: readonly string[] = Object.freeze([]);

/**
 * Per-run feedback_stats, whose min/max report the session's range as real servers do.
 * A run's entry depends only on its one feedback of that key, so equal entries are shared
 * (frozen) within a session: most runs repeat a handful of score/label combinations.
 */
export function attachRunFeedbackStats(runs: ApiRun[]): void {
  const range = new Map<string, { min: number; max: number }>();
  for (const run of runs) {
    for (const f of run.feedbacks) {
      const score = numericScore(f.score);
      if (score === null) continue;
      const r = range.get(f.key);
      if (!r) range.set(f.key, { min: score, max: score });
      else {
        if (score < r.min) r.min = score;
        if (score > r.max) r.max = score;
      }
    }
  }
  // Entries without a comment are shared, keyed by feedback key, then by score or label.
  const shared = new Map<string, Map<number | string | null, FeedbackStatsEntry>>();
  const sources = new Map<ApiFeedbackSource | null, readonly string[]>();
  const makeEntry = (f: ApiFeedback, score: number | null, label: string | null) => {
    let src = sources.get(f.feedback_source);
    if (!src) {
      src = Object.freeze([feedbackSourceString(f.feedback_source)]);
      sources.set(f.feedback_source, src);
    }
    const r = range.get(f.key);
    return Object.freeze({
      n: score === null ? 0 : 1,
      avg: score,
      stdev: score === null ? null : 0,
      errors: 0,
      values: label === null ? NO_VALUES : Object.freeze({ [label]: 1 }),
      comments: f.comment ? Object.freeze([f.comment]) : NO_COMMENTS,
      sources: src,
      session_min_score: r ? r.min : null,
      session_max_score: r ? r.max : null,
      show_feedback_arrow: score !== null,
      contains_thread_feedback: false,
    }) as FeedbackStatsEntry;
  };
  for (const run of runs) {
    if (run.feedbacks.length === 0) continue;
    const stats: Record<string, FeedbackStatsEntry> = {};
    for (const f of run.feedbacks) {
      if (stats[f.key]) {
        // A second feedback of the same key: fall back to the general aggregation.
        const builder = new FeedbackStatsBuilder(Number.POSITIVE_INFINITY);
        builder.addRun(run);
        run.feedback_stats = builder.build(range);
        break;
      }
      const score = numericScore(f.score);
      const label = typeof f.value === 'string' ? f.value : null;
      if (f.comment || f.feedback_source !== EVALUATOR_SOURCE) {
        stats[f.key] = makeEntry(f, score, label);
        continue;
      }
      let byScore = shared.get(f.key);
      if (!byScore) {
        byScore = new Map();
        shared.set(f.key, byScore);
      }
      const memo = score ?? label;
      let entry = byScore.get(memo);
      if (!entry) {
        entry = makeEntry(f, score, label);
        byScore.set(memo, entry);
      }
      stats[f.key] = entry;
    }
    run.feedback_stats ??= stats;
  }
}

export type LeanStatsEntry = Pick<
  FeedbackStatsEntry,
  'n' | 'avg' | 'stdev' | 'errors' | 'values' | 'comments'
>;

/**
 * The `stats` detail of a run: a copy without the `feedbacks` key (so JSON leaves it out)
 * that keeps them as a non-enumerable property for aggregation, and lean per-key stats.
 * Entries shared between runs stay shared (`lean` memoises by entry).
 */
export function leanRun(run: ApiRun, lean: Map<FeedbackStatsEntry, LeanStatsEntry>): ApiRun {
  const { feedbacks, ...rest } = run;
  if (rest.feedback_stats) {
    const stats: Record<string, LeanStatsEntry> = {};
    for (const [key, entry] of Object.entries(rest.feedback_stats)) {
      let small = lean.get(entry);
      if (!small) {
        small = Object.freeze({
          n: entry.n,
          avg: entry.avg,
          stdev: entry.stdev,
          errors: entry.errors,
          values: entry.values,
          comments: entry.comments,
        });
        lean.set(entry, small);
      }
      stats[key] = small;
    }
    // The wire type allows the lean shape; the store's type names the rich one.
    rest.feedback_stats = stats as Record<string, FeedbackStatsEntry>;
  }
  Object.defineProperty(rest, 'feedbacks', {
    value: feedbacks,
    enumerable: false,
    writable: true,
    configurable: true,
  });
  return rest as ApiRun;
}
