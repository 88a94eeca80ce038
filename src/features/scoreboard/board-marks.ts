/**
 * Leaders per column, and the quality-versus-cost frontier. A leader is marked "best" only
 * when its interval does not overlap the runner-up's; otherwise every experiment whose
 * interval overlaps the leader's is marked as tied with it. Columns without an interval
 * (the run metrics) tie only on equal values.
 */
import type { Interval } from '../../lib/statistics/intervals';
import { keyColumn, METRIC_COLUMNS, type MetricColumn } from './board-columns';
import type { Board, BoardDirection, BoardRow } from './board-types';

export function metricValue(row: BoardRow, column: MetricColumn): number | null {
  switch (column) {
    case 'examples':
      return row.examples;
    case 'cost':
      return row.costPerExample;
    case 'latency_p50':
      return row.latencyP50;
    case 'latency_p99':
      return row.latencyP99;
    case 'error_rate':
      return row.errorRate;
    case 'tokens':
      return row.tokensPerExample;
  }
}

interface Scored {
  row: BoardRow;
  value: number;
  /** Null: unknown, so it may overlap anything. */
  interval: Interval | null;
}

const overlaps = (a: Interval | null, b: Interval | null) =>
  a === null || b === null || (a.low <= b.high && b.low <= a.high);

/** Marks the leaders of one column among the rows that have a value. */
export function leaders(
  scored: readonly Scored[],
  direction: BoardDirection,
  withIntervals: boolean,
): Map<BoardRow, 'best' | 'tied'> {
  const out = new Map<BoardRow, 'best' | 'tied'>();
  if (scored.length < 2) return out;
  const sign = direction === 'higher' ? -1 : 1;
  const ordered = [...scored].sort((a, b) => sign * (a.value - b.value));
  const [leader, runnerUp] = ordered as [Scored, Scored];
  const tiedWithLeader = (s: Scored) =>
    withIntervals ? overlaps(s.interval, leader.interval) : s.value === leader.value;
  if (!tiedWithLeader(runnerUp)) {
    out.set(leader.row, 'best');
    return out;
  }
  for (const s of ordered) if (s === leader || tiedWithLeader(s)) out.set(s.row, 'tied');
  return out;
}

export function markLeaders(rows: BoardRow[], keys: Board['keys']): void {
  const apply = (column: string, marks: Map<BoardRow, 'best' | 'tied'>) => {
    for (const row of rows) row.marks[column] = marks.get(row) ?? null;
  };
  for (const column of Object.keys(METRIC_COLUMNS) as MetricColumn[]) {
    // How many examples ran says how complete a row is, not how good it is.
    if (column === 'examples') continue;
    const scored: Scored[] = [];
    for (const row of rows) {
      const value = metricValue(row, column);
      if (value !== null && Number.isFinite(value)) scored.push({ row, value, interval: null });
    }
    apply(column, leaders(scored, METRIC_COLUMNS[column], false));
  }
  keys.forEach((key, k) => {
    if (key.kind !== 'numeric') return;
    const scored: Scored[] = [];
    for (const row of rows) {
      const mean = row.keys[k]?.mean;
      if (mean && mean.mean !== null)
        scored.push({ row, value: mean.mean, interval: mean.interval });
    }
    apply(keyColumn(key.key), leaders(scored, key.direction, true));
  });
}

export interface TradeoffPoint {
  id: string;
  /** Cost (or latency, or tokens): lower is better. */
  x: number;
  /** Quality in the key's direction. */
  y: number;
}

/**
 * The points no other point beats on both axes (cheaper or as cheap, and better or as good,
 * strictly on one), from cheapest to dearest: the line an analyst chooses along.
 */
export function paretoFrontier<T extends TradeoffPoint>(
  points: readonly T[],
  direction: BoardDirection,
): T[] {
  const better = (a: number, b: number) => (direction === 'higher' ? a > b : a < b);
  const ordered = [...points].sort((a, b) => a.x - b.x || (better(a.y, b.y) ? -1 : 1));
  const frontier: T[] = [];
  for (const p of ordered) {
    const last = frontier[frontier.length - 1];
    if (!last || better(p.y, last.y)) frontier.push(p);
  }
  return frontier;
}
