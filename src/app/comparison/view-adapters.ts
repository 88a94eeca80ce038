import { categoryChange, type ExportExample, outputText } from '../../features/export/export-rows';
import {
  baselineCell,
  directionOf,
  firstCell,
  sessionColumnIds,
} from '../../features/matrix/model/compare';
import type { Matrix, MatrixCell, MatrixRow } from '../../features/matrix/model/types';
import type { Metadata } from '../../features/stats/model/labels';
import type { PairedSeries, StatsInput } from '../../features/stats/model/types';
import type { StatsSettings } from '../../features/stats/panel/stats-panel';
import { inputPreview } from '../../lib/input-preview';
import { decimalDifference } from '../../lib/numbers';
import { weakCache } from '../../lib/weak-cache';
import type { ViewState } from '../view-params';

/** The statistics panel's settings as the URL holds them, and back. */
export function statsSettings(view: ViewState): StatsSettings {
  return {
    open: view.statsOpen,
    slices: view.statsSlices,
    key: view.statsKey,
    cluster: view.cluster,
    adjust: view.adjust,
    sliceBy: view.sliceBy,
  };
}

export function statsViewPatch(patch: Partial<StatsSettings>): Partial<ViewState> {
  const out: Partial<ViewState> = {};
  if (patch.open !== undefined) out.statsOpen = patch.open;
  if (patch.slices !== undefined) out.statsSlices = patch.slices;
  if (patch.key !== undefined) out.statsKey = patch.key;
  if (patch.cluster !== undefined) out.cluster = patch.cluster;
  if (patch.adjust !== undefined) out.adjust = patch.adjust;
  if (patch.sliceBy !== undefined) out.sliceBy = patch.sliceBy;
  return out;
}

/**
 * The app joins features: it turns the matrix model into what the statistics and export
 * features take as input (features never import each other).
 */
export interface AdapterContext {
  matrix: Matrix;
  sessions: { id: string; name: string }[];
  baseline: string;
  flipped: ReadonlySet<string>;
}

/**
 * Per matrix, what the statistics read of each session: its cells, each key's values and
 * category counts. They do not depend on the baseline or the flipped keys, so a baseline
 * change only rearranges them (it used to re-read 10,000 examples × sessions × keys).
 */
interface SessionSeries {
  cells: (MatrixCell | null)[];
  /** NaN where there is no value: typed arrays cross to the statistics worker as one copy. */
  values: Map<string, Float64Array>;
  /** Per feedback key, when some example ran more than once: spread and runs per example. */
  repeats: Map<string, Pick<PairedSeries, 'withinVariance' | 'runs'> | null>;
  categories: Map<string, Record<string, number>>;
}
const seriesCache = weakCache<Matrix, string, SessionSeries>();

function sessionSeries(matrix: Matrix, sessionId: string): SessionSeries {
  return seriesCache(matrix, sessionId, () => {
    const ids = sessionColumnIds(matrix.columns, sessionId);
    return {
      cells: matrix.rows.map((row) => firstCell(row, ids)),
      values: new Map(),
      repeats: new Map(),
      categories: new Map(),
    };
  });
}

const METRICS = {
  latency: (c: MatrixCell) => c.latency,
  cost: (c: MatrixCell) => c.totalCost,
} as const;

/** The session's values under `id`, read from its cells once. */
function valuesOf(
  entry: SessionSeries,
  id: string,
  read: (c: MatrixCell) => number | null,
): Float64Array {
  let values = entry.values.get(id);
  if (!values) {
    values = Float64Array.from(entry.cells, (c) => (c ? (read(c) ?? Number.NaN) : Number.NaN));
    entry.values.set(id, values);
  }
  return values;
}

/**
 * The sample variance of each example's repeated scores (from the cell's population
 * spread: s² = σ²·n/(n − 1)) and how many runs were scored; null when no example repeats.
 */
function repeatsOf(entry: SessionSeries, key: string) {
  if (entry.repeats.has(key)) return entry.repeats.get(key) ?? null;
  let repeated = false;
  const runs = new Float64Array(entry.cells.length).fill(Number.NaN);
  const withinVariance = new Float64Array(entry.cells.length).fill(Number.NaN);
  entry.cells.forEach((cell, i) => {
    const score = cell?.scores[key];
    if (!score || score.n < 1) return;
    runs[i] = score.n;
    if (score.n >= 2 && score.spread !== null) {
      repeated = true;
      withinVariance[i] = (score.spread * score.spread * score.n) / (score.n - 1);
    }
  });
  const result = repeated ? { withinVariance, runs } : null;
  entry.repeats.set(key, result);
  return result;
}

const metadataCache = new WeakMap<Matrix, Metadata[]>();

/** Each loaded example's metadata, in matrix row order (what clusters and slices read). */
export function exampleMetadata(matrix: Matrix): Metadata[] {
  let metadata = metadataCache.get(matrix);
  if (!metadata) {
    metadata = matrix.rows.map((row) => row.example.metadata);
    metadataCache.set(matrix, metadata);
  }
  return metadata;
}

function categoriesOf(entry: SessionSeries, key: string): Record<string, number> {
  let counts = entry.categories.get(key);
  if (!counts) {
    counts = sumCategories(entry.cells, key);
    entry.categories.set(key, counts);
  }
  return counts;
}

/** One input per scored feedback key, plus latency and cost, over every loaded example. */
export function statsInputs(ctx: AdapterContext, totalExamples: number): StatsInput[] {
  const { matrix, sessions, baseline, flipped } = ctx;
  const rows = matrix.rows;
  const base = sessions.find((s) => s.id === baseline);
  if (!base) return [];
  const others = sessions.filter((s) => s.id !== baseline);
  const series = (
    s: { id: string; name: string },
    id: string,
    read: (c: MatrixCell) => number | null,
  ) => ({
    sessionId: s.id,
    name: s.name,
    values: valuesOf(sessionSeries(matrix, s.id), id, read),
  });
  const inputs: StatsInput[] = [];
  for (const { key, kind } of matrix.feedbackKeys) {
    if (kind === 'comment' || kind === 'empty') continue;
    const score = (c: MatrixCell) => c.scores[key]?.score ?? null;
    const scored = (s: { id: string; name: string }) => {
      const repeats = kind === 'categorical' ? null : repeatsOf(sessionSeries(matrix, s.id), key);
      return { ...series(s, `key:${key}`, score), ...repeats };
    };
    inputs.push({
      key,
      kind: kind === 'categorical' ? 'categorical' : 'numeric',
      direction: directionOf(key, flipped),
      baseline: scored(base),
      others: others.map(scored),
      categories:
        kind === 'categorical'
          ? sessions.map((s) => ({
              sessionId: s.id,
              counts: categoriesOf(sessionSeries(matrix, s.id), key),
            }))
          : undefined,
      exampleCount: rows.length,
      totalExamples,
    });
  }
  for (const [key, read] of Object.entries(METRICS)) {
    inputs.push({
      key,
      kind: 'metric',
      direction: 'lower',
      baseline: series(base, `metric:${key}`, read),
      others: others.map((s) => series(s, `metric:${key}`, read)),
      exampleCount: rows.length,
      totalExamples,
    });
  }
  return inputs;
}

function sumCategories(cells: readonly (MatrixCell | null)[], key: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const cell of cells) {
    for (const [label, n] of Object.entries(cell?.scores[key]?.categories ?? {})) {
      out[label] = (out[label] ?? 0) + n;
    }
  }
  return out;
}

/**
 * A key's difference against the baseline's cell, as the export writes it: scores
 * subtracted as the decimals they are (0.7 − 1 is −0.3), a category's change in words.
 */
function exportDelta(cell: MatrixCell, base: MatrixCell | null, key: string) {
  if (!base) return null;
  const value = cell.scores[key];
  const reference = base.scores[key];
  if (typeof value?.score === 'number' && typeof reference?.score === 'number') {
    return decimalDifference(value.score, reference.score);
  }
  return categoryChange(reference?.label ?? null, value?.label ?? null);
}

/** The keys with comments and nothing else: the export writes their comments, no delta. */
export function commentOnlyKeys(matrix: Matrix): string[] {
  return matrix.feedbackKeys.filter((k) => k.kind === 'comment').map((k) => k.key);
}

/** The rows the view shows (filters and sort applied), one cell per visible session. */
export function exportExamples(
  ctx: AdapterContext,
  rows: readonly MatrixRow[],
  visibleSessions: readonly string[],
  keys: readonly string[],
): ExportExample[] {
  const { matrix, sessions, baseline } = ctx;
  const names = new Map(sessions.map((s) => [s.id, s.name]));
  const columnsBySession = new Map(
    visibleSessions.map((id) => [id, sessionColumnIds(matrix.columns, id)]),
  );
  return rows.map((row) => ({
    exampleId: row.exampleId,
    exampleName: row.example.name,
    inputPreview: inputPreview(row.example.inputs),
    referenceOutput: outputText(row.example.outputs),
    cells: visibleSessions.flatMap((sessionId) => {
      const cell = firstCell(row, columnsBySession.get(sessionId) ?? []);
      if (!cell) return [];
      const column = matrix.columns.find((c) => c.id === cell.columnId);
      const base =
        column && sessionId !== baseline
          ? baselineCell(row, column, baseline, matrix.columns)
          : null;
      return [
        {
          group: matrix.groupBy === 'run_metadata' ? (column?.groupKey ?? null) : row.sectionKey,
          sessionId,
          sessionName: names.get(sessionId) ?? sessionId,
          runIds: cell.runs.map((r) => r.id),
          outputPreview: cell.preview,
          scores: Object.fromEntries(
            keys.map((k) => [k, cell.scores[k]?.score ?? cell.scores[k]?.label ?? null]),
          ),
          latency: cell.latency,
          totalTokens: cell.totalTokens,
          totalCost: cell.totalCost,
          error: cell.error,
          deltas: Object.fromEntries(keys.map((k) => [k, exportDelta(cell, base, k)])),
          comments: Object.fromEntries(keys.map((k) => [k, cell.scores[k]?.comments ?? []])),
        },
      ];
    }),
  }));
}
