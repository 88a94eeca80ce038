import { toFiniteNumber } from '../lib/numbers';
import { setOwn } from '../lib/own-keys';

/**
 * One shape per feedback key, whatever era of LangSmith sent it. Real payloads vary:
 * `{n, avg, mode}`, `{n, avg, values}`, `{n, avg, stdev, errors, comments, sources, ...}`,
 * comment-only keys with `avg: null`, and categorical keys whose `n` may or may not count
 * the category values.
 */
export type FeedbackKind = 'numeric' | 'categorical' | 'comment' | 'empty';

export interface FeedbackKeyStats {
  kind: FeedbackKind;
  /** How many feedback entries the server counted (never negative). */
  n: number;
  mean: number | null;
  stdev: number | null;
  errors: number;
  /** Category label -> count; empty for purely numeric keys. */
  categories: Record<string, number>;
  /** Non-empty comments, in the order sent. */
  comments: string[];
  minScore: number | null;
  maxScore: number | null;
}

export type FeedbackStatsByKey = Record<string, FeedbackKeyStats>;

export const EMPTY_FEEDBACK: FeedbackStatsByKey = Object.freeze({}) as FeedbackStatsByKey;

export function normaliseFeedbackStats(raw: unknown): FeedbackStatsByKey {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return EMPTY_FEEDBACK;
  const out: FeedbackStatsByKey = {};
  for (const [key, value] of Object.entries(raw)) setOwn(out, key, normaliseKeyStats(value));
  return out;
}

export function normaliseKeyStats(raw: unknown): FeedbackKeyStats {
  const record: Record<string, unknown> =
    raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const categories = readCategories(record.values);
  const comments = Array.isArray(record.comments)
    ? record.comments.filter((c): c is string => typeof c === 'string' && c.trim() !== '')
    : [];
  const mean = toFiniteNumber(record.avg);
  const n = Math.max(0, toFiniteNumber(record.n) ?? 0);
  const hasCategories = Object.keys(categories).length > 0;
  const kind: FeedbackKind = hasCategories
    ? 'categorical'
    : mean !== null
      ? 'numeric'
      : comments.length > 0
        ? 'comment'
        : 'empty';
  return {
    kind,
    n,
    mean,
    stdev: toFiniteNumber(record.stdev),
    errors: Math.max(0, toFiniteNumber(record.errors) ?? 0),
    categories,
    comments,
    minScore: toFiniteNumber(record.session_min_score),
    maxScore: toFiniteNumber(record.session_max_score),
  };
}

function readCategories(values: unknown): Record<string, number> {
  if (!values || typeof values !== 'object' || Array.isArray(values)) return {};
  const out: Record<string, number> = {};
  for (const [label, count] of Object.entries(values)) {
    const n = toFiniteNumber(count);
    if (n !== null && n > 0) setOwn(out, label, n);
  }
  return out;
}

/** One feedback entry on a run, as the app holds it. */
export interface Feedback {
  id: string;
  key: string;
  /** Booleans become 1/0 so that every score is a number. */
  score: number | null;
  value: unknown;
  comment: string | null;
  createdAt: number | null;
  sourceType: string | null;
}

/** Runs that carry only a `feedbacks` list still get the per-key shape. */
export function statsFromFeedbacks(feedbacks: readonly Feedback[]): FeedbackStatsByKey {
  const byKey = new Map<string, Feedback[]>();
  for (const f of feedbacks) {
    const list = byKey.get(f.key);
    if (list) list.push(f);
    else byKey.set(f.key, [f]);
  }
  const out: FeedbackStatsByKey = {};
  for (const [key, list] of byKey) {
    const scores = list.map((f) => f.score).filter((s): s is number => s !== null);
    const values: Record<string, number> = {};
    for (const f of list) {
      if (f.score === null && typeof f.value === 'string' && f.value !== '') {
        setOwn(values, f.value, (Object.hasOwn(values, f.value) ? (values[f.value] ?? 0) : 0) + 1);
      }
    }
    const mean = scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null;
    const stdev =
      mean === null
        ? null
        : Math.sqrt(scores.reduce((a, s) => a + (s - mean) ** 2, 0) / scores.length);
    setOwn(
      out,
      key,
      normaliseKeyStats({
        n: list.length,
        avg: mean,
        stdev,
        values,
        comments: list.map((f) => f.comment ?? ''),
        session_min_score: scores.length ? scores.reduce((a, b) => Math.min(a, b)) : null,
        session_max_score: scores.length ? scores.reduce((a, b) => Math.max(a, b)) : null,
      }),
    );
  }
  return out;
}
