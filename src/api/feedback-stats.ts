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
