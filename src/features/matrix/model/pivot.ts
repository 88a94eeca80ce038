import type { FeedbackKeyStats, FeedbackKind } from '../../../api/feedback-stats';
import type { GroupBy } from '../../../api/grouped-runs/request';
import type { Group, Run } from '../../../api/grouped-runs/schemas';
import { truncate } from '../../../lib/text';
import { runPreview } from './run-preview';
import type {
  CellScore,
  FeedbackKeyInfo,
  Matrix,
  MatrixCell,
  MatrixColumn,
  MatrixRow,
} from './types';

/**
 * Pivots the normalised grouped-runs response into the matrix model: examples as rows,
 * (group, session) as columns, one cell per (row, column) that has runs.
 */

export const ERROR_MAX_CHARS = 200;

export interface BuildMatrixOptions {
  groupBy: GroupBy;
  /** Selected session ids in display order. */
  sessionOrder: readonly string[];
  /** Fallback names for sessions the groups do not describe. */
  sessionNames?: Readonly<Record<string, string>>;
}

// Bit flags per feedback key, OR-ed over every run: decide the key's kind once at the end.
const HAS_NUMERIC = 1;
const HAS_CATEGORIES = 2;
const HAS_COMMENTS = 4;

export function buildMatrix(groups: readonly Group[], options: BuildMatrixOptions): Matrix {
  const order = options.sessionOrder;
  const sessionCount = order.length;
  const lookup = sessionLookup(order);
  const keyFlags = new Map<string, number>();
  let foreignRuns = 0;

  // run_metadata: groups are column groups and one row per example spans them all.
  // example_metadata: groups are row sections, and an example in two sections has two rows.
  const groupsAreColumns = options.groupBy === 'run_metadata';
  const rows: MatrixRow[] = [];
  const rowById = new Map<string, MatrixRow>();
  // run_metadata: which selected sessions each group has (by index in `order`).
  const present: boolean[][] = [];
  // Reused per example: runs bucketed by session index, so no per-example allocation.
  const buckets: (Run[] | undefined)[] = new Array(sessionCount);
  const sharedColumnIds = order.map((id) => `s:${id}`);

  groups.forEach((group, g) => {
    const columnIds = groupsAreColumns ? order.map((id) => `${g}:${id}`) : sharedColumnIds;
    const has: boolean[] = new Array(sessionCount).fill(false);
    present.push(has);
    for (const session of group.sessions) {
      const i = lookup(session.id);
      if (i >= 0) has[i] = true;
    }
    // example_metadata: the same example twice in one section is merged into one row.
    const sectionRows = groupsAreColumns ? rowById : new Map<string, MatrixRow>();

    for (const example of group.examples) {
      let row = sectionRows.get(example.id);
      if (!row) {
        // run_metadata: `example` is the first group's copy (its `runs` are that group's
        // only); the cells are the full picture.
        row = {
          exampleId: example.id,
          example,
          sectionKey: groupsAreColumns ? null : group.key,
          sectionIndex: groupsAreColumns ? null : g,
          cells: {},
        };
        sectionRows.set(example.id, row);
        rows.push(row);
      }
      for (const run of example.runs) {
        const i = lookup(run.sessionId);
        if (i < 0) {
          foreignRuns++;
          continue;
        }
        const bucket = buckets[i];
        if (bucket) bucket.push(run);
        else buckets[i] = [run];
      }
      for (let i = 0; i < sessionCount; i++) {
        const runs = buckets[i];
        if (!runs) continue;
        buckets[i] = undefined;
        has[i] = true;
        const columnId = columnIds[i] as string;
        const existing = row.cells[columnId];
        // Rare (an example listed twice): rebuild from all its runs rather than merge stats.
        row.cells[columnId] = buildCell(
          columnId,
          order[i] as string,
          existing ? existing.runs.concat(runs) : runs,
          keyFlags,
        );
      }
    }
  });

  const columns = groupsAreColumns
    ? groupColumns(groups, order, present, options.sessionNames)
    : sessionColumns(groups, order, options.sessionNames);

  return {
    groupBy: options.groupBy,
    columns,
    rows,
    feedbackKeys: feedbackKeyInfo(keyFlags),
    foreignRuns,
  };
}

/** A stable, unique key per row: example ids repeat across example_metadata sections. */
export function rowKey(row: MatrixRow): string {
  return row.sectionIndex === null ? row.exampleId : `${row.sectionIndex}:${row.exampleId}`;
}

/** Session id -> index in the display order; ids from the URL are lowercased, so match both. */
function sessionLookup(order: readonly string[]): (id: string) => number {
  const index = new Map<string, number>();
  order.forEach((id, i) => {
    if (!index.has(id)) index.set(id, i);
    const lower = id.toLowerCase();
    if (!index.has(lower)) index.set(lower, i);
  });
  return (id) => index.get(id) ?? index.get(id.toLowerCase()) ?? -1;
}

function groupColumns(
  groups: readonly Group[],
  order: readonly string[],
  present: boolean[][],
  fallbackNames: Readonly<Record<string, string>> | undefined,
): MatrixColumn[] {
  const columns: MatrixColumn[] = [];
  const lookup = sessionLookup(order);
  groups.forEach((group, g) => {
    const has = present[g] ?? [];
    const names = new Map<number, string>();
    for (const session of group.sessions) {
      const i = lookup(session.id);
      if (i >= 0 && !names.has(i)) names.set(i, session.name);
    }
    order.forEach((sessionId, i) => {
      // A duplicated id in the order keeps only its first position.
      if (!has[i] || lookup(sessionId) !== i) return;
      columns.push({
        id: `${g}:${sessionId}`,
        sessionId,
        sessionName: names.get(i) ?? fallbackName(sessionId, fallbackNames),
        sessionIndex: i,
        groupKey: group.key,
        groupIndex: g,
      });
    });
  });
  return columns;
}

/**
 * example_metadata: every selected session gets a column, even one without runs, so that an
 * experiment that ran nothing shows as an honest empty column rather than vanishing.
 */
function sessionColumns(
  groups: readonly Group[],
  order: readonly string[],
  fallbackNames: Readonly<Record<string, string>> | undefined,
): MatrixColumn[] {
  const lookup = sessionLookup(order);
  const names = new Map<number, string>();
  for (const group of groups) {
    for (const session of group.sessions) {
      const i = lookup(session.id);
      if (i >= 0 && !names.has(i)) names.set(i, session.name);
    }
  }
  const columns: MatrixColumn[] = [];
  order.forEach((sessionId, i) => {
    if (lookup(sessionId) !== i) return;
    columns.push({
      id: `s:${sessionId}`,
      sessionId,
      sessionName: names.get(i) ?? fallbackName(sessionId, fallbackNames),
      sessionIndex: i,
      groupKey: null,
      groupIndex: null,
    });
  });
  return columns;
}

function fallbackName(
  sessionId: string,
  names: Readonly<Record<string, string>> | undefined,
): string {
  const named = names?.[sessionId];
  return named?.trim() ? named : sessionId.slice(0, 8);
}

function feedbackKeyInfo(keyFlags: Map<string, number>): FeedbackKeyInfo[] {
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
