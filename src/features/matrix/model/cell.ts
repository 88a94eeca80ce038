import type { FeedbackKeyStats, FeedbackKind } from '../../../api/feedback-stats';
import type { Run } from '../../../api/grouped-runs/schemas';
import { truncate } from '../../../lib/text';
import { runPreview } from './run-preview';
import type { CellScore, FeedbackKeyInfo, MatrixCell } from './types';

/**
 * One matrix cell from its runs: their means, errors, preview and per-key scores, and the
 * kinds of feedback key seen (pivot.ts builds the matrix from these).
 */

export const ERROR_MAX_CHARS = 200;

// Bit flags per feedback key, OR-ed over every run: decide the key's kind once at the end.
const HAS_NUMERIC = 1;
const HAS_CATEGORIES = 2;
const HAS_COMMENTS = 4;

export function feedbackKeyInfo(keyFlags: Map<string, number>): FeedbackKeyInfo[] {
  const out: FeedbackKeyInfo[] = [];
  for (const [key, flags] of keyFlags) {
    const kind: FeedbackKind =
      flags & HAS_NUMERIC
        ? 'numeric'
        : flags & HAS_CATEGORIES
          ? 'categorical'
          : flags & HAS_COMMENTS
            ? 'comment'
            : 'empty';
    out.push({ key, kind });
  }
  return out.sort((a, b) => a.key.localeCompare(b.key) || (a.key < b.key ? -1 : 1));
}

/** One cell from its runs (usually one; several when the experiment repeated the example). */
export function buildCell(
  columnId: string,
  sessionId: string,
  runs: Run[],
  keyFlags?: Map<string, number>,
): MatrixCell {
  let latencySum = 0;
  let latencyN = 0;
  let tokensSum = 0;
  let tokensN = 0;
  let costSum = 0;
  let costN = 0;
  let errorCount = 0;
  let error: string | null = null;
  let preview: string | null = null;

  for (const run of runs) {
    if (run.latency !== null) {
      latencySum += run.latency;
      latencyN++;
    }
    if (run.totalTokens !== null) {
      tokensSum += run.totalTokens;
      tokensN++;
    }
    if (run.totalCost !== null) {
      costSum += run.totalCost;
      costN++;
    }
    const hasErrorText = run.error !== null && NON_SPACE.test(run.error);
    if (hasErrorText || run.status === 'error') {
      errorCount++;
      if (error === null && run.error !== null && hasErrorText) error = firstLine(run.error);
    }
    // The first run that has anything to show: a failed first repetition should not hide the rest.
    if (preview === null) preview = runPreview(run);
  }

  const first = runs[0];
  const scores =
    runs.length === 1 && first ? singleRunScores(first, keyFlags) : mergedScores(runs, keyFlags);

  return {
    columnId,
    sessionId,
    runs,
    scores,
    latency: latencyN ? latencySum / latencyN : null,
    totalTokens: tokensN ? tokensSum / tokensN : null,
    totalCost: costN ? costSum / costN : null,
    errorCount,
    error,
    preview: preview ?? '',
  };
}

// Shared, frozen empties: most scores have no categories or comments, and a cell per
// (example, session) makes allocating fresh ones for each a measurable cost.
const NO_CATEGORIES = Object.freeze({}) as Record<string, number>;
const NO_COMMENTS = Object.freeze([]) as unknown as string[];

function flagsOf(stats: FeedbackKeyStats): number {
  let flags = stats.mean !== null ? HAS_NUMERIC : 0;
  for (const _ in stats.categories) {
    flags |= HAS_CATEGORIES;
    break;
  }
  if (stats.comments.length > 0) flags |= HAS_COMMENTS;
  return flags;
}

function noteKey(keyFlags: Map<string, number> | undefined, key: string, flags: number): void {
  if (!keyFlags) return;
  const old = keyFlags.get(key);
  if (old === undefined || (old | flags) !== old) keyFlags.set(key, (old ?? 0) | flags);
}

/**
 * The common case: one run, so every score is that run's own (no accumulation needed). The
 * score shares the run's category and comment objects: the model is read-only throughout.
 */
function singleRunScores(
  run: Run,
  keyFlags: Map<string, number> | undefined,
): Record<string, CellScore> {
  const scores: Record<string, CellScore> = {};
  const feedback = run.feedback;
  for (const key in feedback) {
    const stats = feedback[key];
    if (!stats) continue;
    const flags = flagsOf(stats);
    noteKey(keyFlags, key, flags);
    const categories = flags & HAS_CATEGORIES ? stats.categories : NO_CATEGORIES;
    scores[key] = {
      key,
      score: stats.mean,
      spread: null,
      n: stats.mean === null ? 0 : 1,
      label: flags & HAS_CATEGORIES ? topLabel(categories) : null,
      categories,
      comments: flags & HAS_COMMENTS ? stats.comments : NO_COMMENTS,
    };
  }
  return scores;
}

/** Running per-key totals over repetitions; Welford's method keeps the spread accurate. */
class KeyTotals {
  n = 0;
  mean = 0;
  m2 = 0;
  categories: Record<string, number> | null = null;
  comments: string[] | null = null;
}

function mergedScores(
  runs: readonly Run[],
  keyFlags: Map<string, number> | undefined,
): Record<string, CellScore> {
  const totals = new Map<string, KeyTotals>();
  for (const run of runs) {
    const feedback = run.feedback;
    for (const key in feedback) {
      const stats = feedback[key];
      if (!stats) continue;
      noteKey(keyFlags, key, flagsOf(stats));
      let t = totals.get(key);
      if (!t) {
        t = new KeyTotals();
        totals.set(key, t);
      }
      const x = stats.mean;
      if (x !== null) {
        t.n++;
        const d = x - t.mean;
        t.mean += d / t.n;
        t.m2 += d * (x - t.mean);
      }
      for (const label in stats.categories) {
        t.categories ??= {};
        t.categories[label] = (t.categories[label] ?? 0) + (stats.categories[label] ?? 0);
      }
      if (stats.comments.length > 0) {
        t.comments ??= [];
        for (const c of stats.comments) t.comments.push(c);
      }
    }
  }
  const scores: Record<string, CellScore> = {};
  for (const [key, t] of totals) {
    const categories = t.categories ?? NO_CATEGORIES;
    scores[key] = {
      key,
      score: t.n > 0 ? t.mean : null,
      spread: t.n >= 2 ? Math.sqrt(t.m2 / t.n) : null,
      n: t.n,
      label: t.categories ? topLabel(categories) : null,
      categories,
      comments: t.comments ?? NO_COMMENTS,
    };
  }
  return scores;
}

/** The most frequent label; ties go to the first in code-unit order (locale-independent). */
export function topLabel(categories: Record<string, number>): string | null {
  let best: string | null = null;
  let bestCount = 0;
  for (const label in categories) {
    const count = categories[label] ?? 0;
    if (best === null || count > bestCount || (count === bestCount && label < best)) {
      best = label;
      bestCount = count;
    }
  }
  return best;
}

const NON_SPACE = /\S/;

/** First non-blank line of an error, trimmed and capped, without copying a huge message. */
export function firstLine(text: string, max = ERROR_MAX_CHARS): string {
  const start = NON_SPACE.exec(text)?.index ?? text.length;
  let end = text.indexOf('\n', start);
  if (end === -1 || end > start + max + 1) end = Math.min(text.length, start + max + 1);
  return truncate(text.slice(start, end).trimEnd(), max);
}
