import type { ExportExample } from '../features/export/export-rows';
import {
  baselineCell,
  cellDelta,
  directionOf,
  firstCell,
  sessionColumnIds,
} from '../features/matrix/compare';
import type { Matrix, MatrixCell, MatrixRow } from '../features/matrix/types';
import type { StatsInput } from '../features/stats/paired-stats';
import { inputPreview } from '../lib/input-preview';

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

function sessionCells(matrix: Matrix, rows: readonly MatrixRow[], sessionId: string) {
  const ids = sessionColumnIds(matrix.columns, sessionId);
  return rows.map((row) => firstCell(row, ids));
}

/** One input per scored feedback key, plus latency and cost, over every loaded example. */
export function statsInputs(ctx: AdapterContext, totalExamples: number): StatsInput[] {
  const { matrix, sessions, baseline, flipped } = ctx;
  const rows = matrix.rows;
  const cellsBySession = new Map(sessions.map((s) => [s.id, sessionCells(matrix, rows, s.id)]));
  const base = sessions.find((s) => s.id === baseline);
  if (!base) return [];
  const others = sessions.filter((s) => s.id !== baseline);
  const series = (s: { id: string; name: string }, value: (c: MatrixCell) => number | null) => ({
    sessionId: s.id,
    name: s.name,
    values: (cellsBySession.get(s.id) ?? []).map((c) => (c ? value(c) : null)),
  });
  const inputs: StatsInput[] = [];
  for (const { key, kind } of matrix.feedbackKeys) {
    if (kind === 'comment' || kind === 'empty') continue;
    const score = (c: MatrixCell) => c.scores[key]?.score ?? null;
    inputs.push({
      key,
      kind: kind === 'categorical' ? 'categorical' : 'numeric',
      direction: directionOf(key, flipped),
      baseline: series(base, score),
      others: others.map((s) => series(s, score)),
      categories:
        kind === 'categorical'
          ? sessions.map((s) => ({
              sessionId: s.id,
              counts: sumCategories(cellsBySession.get(s.id) ?? [], key),
            }))
          : undefined,
      exampleCount: rows.length,
      totalExamples,
    });
  }
  for (const [key, value] of [
    ['latency', (c: MatrixCell) => c.latency],
    ['cost', (c: MatrixCell) => c.totalCost],
  ] as const) {
    inputs.push({
      key,
      kind: 'metric',
      direction: 'lower',
      baseline: series(base, value),
      others: others.map((s) => series(s, value)),
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

/** The rows the view shows (filters and sort applied), one cell per visible session. */
export function exportExamples(
  ctx: AdapterContext,
  rows: readonly MatrixRow[],
  visibleSessions: readonly string[],
  keys: readonly string[],
): ExportExample[] {
  const { matrix, sessions, baseline, flipped } = ctx;
  const names = new Map(sessions.map((s) => [s.id, s.name]));
  const columnsBySession = new Map(
    visibleSessions.map((id) => [id, sessionColumnIds(matrix.columns, id)]),
  );
  return rows.map((row) => ({
    exampleId: row.exampleId,
    exampleName: row.example.name,
    inputPreview: inputPreview(row.example.inputs),
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
          deltas: Object.fromEntries(
            keys.map((k) => [
              k,
              base ? (cellDelta(cell, base, k, directionOf(k, flipped))?.delta ?? null) : null,
            ]),
          ),
        },
      ];
    }),
  }));
}
