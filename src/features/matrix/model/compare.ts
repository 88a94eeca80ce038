import { weakCache } from '../../../lib/weak-cache';
import type { Change, Delta, Direction, MatrixCell, MatrixColumn, MatrixRow } from './types';

/**
 * Comparisons against the baseline experiment. A delta is always `cell - baseline` in the
 * key's own units; the direction only decides whether that counts as better or worse.
 * Categorical keys compare only through their numeric score (when the evaluator sent one):
 * there is no meaningful "difference" between two labels, so those get no delta.
 */

/** Run metrics that can be compared; both are always lower-is-better. */
export const METRIC_KEYS = ['latency', 'cost'] as const;
export type MetricKey = (typeof METRIC_KEYS)[number];

export const metricDirection: Readonly<Record<MetricKey, Direction>> = Object.freeze({
  latency: 'lower',
  cost: 'lower',
});

export const DEFAULT_EPSILON = 1e-9;

/**
 * Feedback keys are higher-is-better unless the user flipped them. A feedback key that
 * happens to be called "latency" is still a feedback key: only `metricDirection` is fixed.
 */
export function directionOf(key: string, flipped: ReadonlySet<string>): Direction {
  return flipped.has(key) ? 'lower' : 'higher';
}

/** Differences within `epsilon` (float noise) and non-finite deltas count as unchanged. */
export function classify(delta: number, direction: Direction, epsilon = DEFAULT_EPSILON): Change {
  if (!Number.isFinite(delta) || Math.abs(delta) <= epsilon) return 'unchanged';
  const better = direction === 'higher' ? delta > 0 : delta < 0;
  return better ? 'improved' : 'regressed';
}

export function metricValue(cell: MatrixCell, metric: MetricKey): number | null {
  return metric === 'latency' ? cell.latency : cell.totalCost;
}

export interface BaselinePlan {
  /** Column id -> the baseline session's column in the same group, when there is one. */
  sameGroup: Map<string, string>;
  /** The baseline session's column ids in column order: the fallback search order. */
  ordered: string[];
}

// Per columns array and baseline, so row x column loops do not rescan the columns per cell.
const plans = weakCache<readonly MatrixColumn[], string, BaselinePlan>();

export function baselinePlan(
  columns: readonly MatrixColumn[],
  baselineSessionId: string,
): BaselinePlan {
  return plans(columns, baselineSessionId, () => buildPlan(columns, baselineSessionId));
}

function buildPlan(columns: readonly MatrixColumn[], baselineSessionId: string): BaselinePlan {
  const ordered: string[] = [];
  const byGroup = new Map<number | null, string>();
  for (const column of columns) {
    if (column.sessionId !== baselineSessionId) continue;
    ordered.push(column.id);
    if (!byGroup.has(column.groupIndex)) byGroup.set(column.groupIndex, column.id);
  }
  const sameGroup = new Map<string, string>();
  for (const column of columns) {
    const id = byGroup.get(column.groupIndex);
    if (id !== undefined && column.sessionId !== baselineSessionId) sameGroup.set(column.id, id);
  }
  return { sameGroup, ordered };
}

/**
 * The cell a column's cell is compared with: the baseline session's cell in the same group,
 * else the baseline's first cell in the row (column order), else null. The baseline's own
 * columns never compare (null), even across groups.
 */
export function baselineCell(
  row: MatrixRow,
  column: MatrixColumn,
  baselineSessionId: string,
  columns: readonly MatrixColumn[],
): MatrixCell | null {
  if (column.sessionId === baselineSessionId) return null;
  const plan = baselinePlan(columns, baselineSessionId);
  const same = plan.sameGroup.get(column.id);
  if (same !== undefined) {
    const cell = row.cells[same];
    if (cell) return cell;
  }
  for (const id of plan.ordered) {
    const cell = row.cells[id];
    if (cell) return cell;
  }
  return null;
}

/** The column ids of one session in column order (its first cell in a row is the first hit). */
export function sessionColumnIds(columns: readonly MatrixColumn[], sessionId: string): string[] {
  const ids: string[] = [];
  for (const column of columns) if (column.sessionId === sessionId) ids.push(column.id);
  return ids;
}

/** The first of `columnIds` that has a cell in the row. */
export function firstCell(row: MatrixRow, columnIds: readonly string[]): MatrixCell | null {
  for (const id of columnIds) {
    const cell = row.cells[id];
    if (cell) return cell;
  }
  return null;
}

export function cellDelta(
  cell: MatrixCell,
  base: MatrixCell,
  key: string,
  direction: Direction,
): Delta | null {
  const value = cell.scores[key]?.score;
  const reference = base.scores[key]?.score;
  if (value === null || value === undefined || reference === null || reference === undefined) {
    return null;
  }
  const delta = value - reference;
  return { delta, change: classify(delta, direction) };
}

export function metricDelta(cell: MatrixCell, base: MatrixCell, metric: MetricKey): Delta | null {
  const value = metricValue(cell, metric);
  const reference = metricValue(base, metric);
  if (value === null || reference === null) return null;
  const delta = value - reference;
  return { delta, change: classify(delta, metricDirection[metric]) };
}
