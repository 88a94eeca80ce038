/**
 * "Quality vs cost" as data: one point per experiment (x: cost per example, latency p50 or
 * tokens per example; y: a key's mean with its interval), the Pareto frontier, and where
 * each point's label goes so that no two labels overlap.
 */
import { paretoFrontier } from './board-marks';
import type { Board, BoardRow } from './board-types';
import type { TradeoffAxis } from './tradeoff-axes';

export const AXIS_TITLES: Record<TradeoffAxis, string> = {
  cost: 'Cost per example (USD)',
  latency: 'Latency p50 (s)',
  tokens: 'Tokens per example',
};

export function axisValue(row: BoardRow, axis: TradeoffAxis): number | null {
  const value =
    axis === 'cost'
      ? row.costPerExample
      : axis === 'latency'
        ? row.latencyP50
        : row.tokensPerExample;
  return value !== null && Number.isFinite(value) ? value : null;
}

export interface TradeoffPoint {
  id: string;
  name: string;
  colorIndex: number;
  isBaseline: boolean;
  x: number;
  y: number;
  /** The y interval as offsets below and above y (the whisker); null without one. */
  whisker: [number, number] | null;
  low: number | null;
  high: number | null;
  onFrontier: boolean;
}

export interface Tradeoff {
  key: string;
  passRate: boolean;
  direction: 'higher' | 'lower';
  points: TradeoffPoint[];
  /** Frontier points from cheapest to dearest. */
  frontier: TradeoffPoint[];
  /** Experiments left out, and why. */
  missing: { id: string; name: string; reason: string }[];
  /** No experiment has a value on the x axis at all. */
  noAxisData: boolean;
}

/** The numeric keys a point can be plotted by. */
export function plottableKeys(board: Board): string[] {
  return board.keys.filter((k) => k.kind === 'numeric').map((k) => k.key);
}

export function buildTradeoff(board: Board, axis: TradeoffAxis, key: string): Tradeoff | null {
  const at = board.keys.findIndex((k) => k.key === key && k.kind === 'numeric');
  const info = board.keys[at];
  if (!info) return null;
  const points: TradeoffPoint[] = [];
  const missing: Tradeoff['missing'] = [];
  for (const row of board.rows) {
    const x = axisValue(row, axis);
    const mean = row.keys[at]?.mean ?? null;
    if (x === null || mean === null || mean.mean === null) {
      missing.push({
        id: row.sessionId,
        name: row.name,
        reason: x === null ? `no ${axis} data` : `no ${key} scores`,
      });
      continue;
    }
    const interval = mean.interval;
    points.push({
      id: row.sessionId,
      name: row.name,
      colorIndex: row.colorIndex,
      isBaseline: row.isBaseline,
      x,
      y: mean.mean,
      whisker: interval ? [mean.mean - interval.low, interval.high - mean.mean] : null,
      low: interval?.low ?? null,
      high: interval?.high ?? null,
      onFrontier: false,
    });
  }
  const frontier = paretoFrontier(points, info.direction);
  for (const p of frontier) p.onFrontier = true;
  return {
    key,
    passRate: info.passRate,
    direction: info.direction,
    points,
    frontier,
    missing,
    noAxisData: board.rows.every((row) => axisValue(row, axis) === null),
  };
}

/**
 * Label positions in a column beside the plot: each label as near its point's height as it
 * can be, no two closer than `lineHeight`, all within [top, bottom] when they fit there.
 * Two passes: push down past the one above, then pull up under the bottom.
 */
export function layoutLabels(
  wanted: readonly { id: string; y: number }[],
  top: number,
  bottom: number,
  lineHeight: number,
): Map<string, number> {
  const ordered = [...wanted].sort((a, b) => a.y - b.y || a.id.localeCompare(b.id));
  const ys = ordered.map((w) => Math.max(top, w.y));
  for (let i = 1; i < ys.length; i++)
    ys[i] = Math.max(ys[i] as number, (ys[i - 1] as number) + lineHeight);
  let limit = bottom;
  for (let i = ys.length - 1; i >= 0; i--) {
    ys[i] = Math.min(ys[i] as number, limit);
    limit = (ys[i] as number) - lineHeight;
  }
  return new Map(ordered.map((w, i) => [w.id, ys[i] as number]));
}

/** A plot tall enough for every label in its column. */
export function plotHeight(count: number, lineHeight: number, minimum = 320): number {
  return Math.max(minimum, count * lineHeight + 80);
}
