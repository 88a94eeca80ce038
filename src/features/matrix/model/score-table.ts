import { weakCache } from '../../../lib/weak-cache';
import { baselinePlan, classify, directionOf } from './compare';
import type { Change, Matrix, MatrixColumn, MatrixRow } from './types';

/**
 * Every cell's feedback scores as flat number arrays, built once per matrix, and the
 * baseline cell each cell compares with, built once per baseline. The header's change counts
 * and the "regressions / improvements only" filter then run over arrays instead of walking
 * 10,000 rows of objects again on every baseline change. Tested equal to walking the objects
 * with `baselineCell` (score-table.test.ts).
 */
export interface ScoreTable {
  columns: readonly MatrixColumn[];
  keys: readonly string[];
  /** The rows by object (the sorted, filtered lists hold the same objects). */
  rowIndex: ReadonlyMap<MatrixRow, number>;
  /** Per column: 1 where the row has a cell. */
  hasCell: readonly Uint8Array[];
  /** Per column, per key (column * keys + key): the row's score, NaN where there is none. */
  scores: readonly Float64Array[];
}

/** Per column: the column (index) each row's cell compares with, -1 for none. */
export type References = readonly Int32Array[];

// Keyed by the rows array: a matrix's rows (and columns) never change after it is built.
const tables = new WeakMap<readonly MatrixRow[], ScoreTable>();
const references = weakCache<ScoreTable, string, References>();

/**
 * The table built last: "Load all"'s next page is a matrix with the same columns whose rows
 * are mostly the same row objects (rows are never changed once built: a row that gains a
 * cell is a copy), so only the rows it has not seen are read from their cells.
 */
let latest: ScoreTable | null = null;

/** The score arrays of these rows in these columns; every key some cell scores. */
export function scoreTableOf({
  rows,
  columns,
}: {
  rows: readonly MatrixRow[];
  columns: readonly MatrixColumn[];
}): ScoreTable {
  const cached = tables.get(rows);
  if (cached) return cached;
  const base = latest && sameColumns(latest.columns, columns) ? latest : null;
  const table = buildScoreTable(rows, columns, base);
  tables.set(rows, table);
  latest = table;
  return table;
}

function sameColumns(a: readonly MatrixColumn[], b: readonly MatrixColumn[]): boolean {
  return a === b || (a.length === b.length && a.every((column, c) => column.id === b[c]?.id));
}

/**
 * The table of `rows`, read from the rows' cells; with `base` (a table of the same columns),
 * a row base has (the same object) takes its values from base instead. The same values as
 * the table built without it, its keys numbered base's first (score-table.test.ts).
 */
export function buildScoreTable(
  rows: readonly MatrixRow[],
  columns: readonly MatrixColumn[],
  base: ScoreTable | null,
): ScoreTable {
  const keyIndex = new Map((base?.keys ?? []).map((key, k) => [key, k]));
  const baseKeys = keyIndex.size;
  const hasCell = columns.map(() => new Uint8Array(rows.length));
  const perKey: Float64Array[][] = columns.map(() =>
    Array.from({ length: baseKeys }, () => new Float64Array(rows.length).fill(NaN)),
  );
  const rowIndex = new Map<MatrixRow, number>();
  rows.forEach((row, r) => {
    rowIndex.set(row, r);
    const seen = base?.rowIndex.get(row);
    if (base && seen !== undefined) {
      for (let c = 0; c < columns.length; c++) {
        (hasCell[c] as Uint8Array)[r] = (base.hasCell[c] as Uint8Array)[seen] as number;
        const lists = perKey[c] as Float64Array[];
        for (let k = 0; k < baseKeys; k++)
          (lists[k] as Float64Array)[r] = (base.scores[c * baseKeys + k] as Float64Array)[
            seen
          ] as number;
      }
      return;
    }
    columns.forEach((column, c) => {
      const cell = row.cells[column.id];
      if (!cell) return;
      (hasCell[c] as Uint8Array)[r] = 1;
      for (const key in cell.scores) {
        const score = cell.scores[key]?.score;
        if (score == null) continue;
        let k = keyIndex.get(key);
        if (k === undefined) {
          k = keyIndex.size;
          keyIndex.set(key, k);
          for (const list of perKey) list.push(new Float64Array(rows.length).fill(NaN));
        }
        (perKey[c]?.[k] as Float64Array)[r] = score;
      }
    });
  });
  return { columns, keys: [...keyIndex.keys()], rowIndex, hasCell, scores: perKey.flat() };
}

/**
 * The baseline cell of every cell, as `baselineCell` chooses it (`baselinePlan`): the
 * baseline session's cell in the same group, else its first cell in the row; none for the
 * baseline's own columns.
 */
export function referencesOf(table: ScoreTable, baselineSessionId: string): References {
  return references(table, baselineSessionId, () => buildReferences(table, baselineSessionId));
}

function buildReferences(table: ScoreTable, baselineSessionId: string): References {
  const { columns, hasCell } = table;
  const rowCount = hasCell[0]?.length ?? 0;
  const plan = baselinePlan(columns, baselineSessionId);
  const indexOf = new Map(columns.map((column, c) => [column.id, c]));
  const own = plan.ordered.map((id) => indexOf.get(id) as number);
  // The baseline's first cell in each row.
  const first = new Int32Array(rowCount).fill(-1);
  for (let r = 0; r < rowCount; r++) {
    for (const c of own) {
      if ((hasCell[c] as Uint8Array)[r]) {
        first[r] = c;
        break;
      }
    }
  }
  const result = columns.map((column) => {
    if (column.sessionId === baselineSessionId) return new Int32Array(rowCount).fill(-1);
    const sameId = plan.sameGroup.get(column.id);
    if (sameId === undefined) return first;
    const same = indexOf.get(sameId) as number;
    const sameHas = hasCell[same] as Uint8Array;
    const refs = new Int32Array(rowCount);
    for (let r = 0; r < rowCount; r++) refs[r] = sameHas[r] ? same : (first[r] as number);
    return refs;
  });
  return result;
}

/**
 * Whether a cell changed the `wanted` way against its baseline cell on `key` (index), or on
 * any key when `key` is null.
 */
export function cellChanged(
  table: ScoreTable,
  refs: References,
  column: number,
  row: number,
  key: number | null,
  wanted: Change,
  flipped: ReadonlySet<string>,
): boolean {
  if (!(table.hasCell[column] as Uint8Array)[row]) return false;
  const ref = (refs[column] as Int32Array)[row] as number;
  if (ref < 0) return false;
  const n = table.keys.length;
  const from = key ?? 0;
  const to = key === null ? n : key + 1;
  for (let k = from; k < to; k++) {
    const value = (table.scores[column * n + k] as Float64Array)[row] as number;
    const reference = (table.scores[ref * n + k] as Float64Array)[row] as number;
    if (Number.isNaN(value) || Number.isNaN(reference)) continue;
    const direction = directionOf(table.keys[k] as string, flipped);
    if (classify(value - reference, direction) === wanted) return true;
  }
  return false;
}

export interface ChangeCount {
  improved: number;
  regressed: number;
  unchanged: number;
}

/**
 * Per non-baseline column and numeric feedback key: how many rows improved, regressed or
 * stayed the same against the baseline. Rows where either side has no score are not counted.
 * Keys without any numeric score (pure categorical / comment keys) are left out.
 */
export function changeCounts(
  matrix: Matrix,
  baselineSessionId: string,
  flipped: ReadonlySet<string>,
): Record<string, Record<string, ChangeCount>> {
  const table = scoreTableOf(matrix);
  const refs = referencesOf(table, baselineSessionId);
  const n = table.keys.length;
  const numeric = new Set(
    matrix.feedbackKeys.filter((k) => k.kind === 'numeric').map((k) => k.key),
  );
  const out: Record<string, Record<string, ChangeCount>> = {};
  table.columns.forEach((column, c) => {
    if (column.sessionId === baselineSessionId) return;
    const perKey: Record<string, ChangeCount> = {};
    const has = table.hasCell[c] as Uint8Array;
    const ref = refs[c] as Int32Array;
    table.keys.forEach((key, k) => {
      if (!numeric.has(key)) return;
      const count = { improved: 0, regressed: 0, unchanged: 0 };
      const direction = directionOf(key, flipped);
      const values = table.scores[c * n + k] as Float64Array;
      for (let r = 0; r < has.length; r++) {
        const base = ref[r] as number;
        if (!has[r] || base < 0) continue;
        const value = values[r] as number;
        const reference = (table.scores[base * n + k] as Float64Array)[r] as number;
        if (Number.isNaN(value) || Number.isNaN(reference)) continue;
        count[classify(value - reference, direction)]++;
      }
      perKey[key] = count;
    });
    out[column.id] = perKey;
  });
  return out;
}
