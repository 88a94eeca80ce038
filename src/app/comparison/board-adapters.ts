/**
 * The scoreboard's inputs, joined here from two features: the statistics' per-example
 * series (so a key's mean is over the same values, repetitions averaged per example first)
 * and the statistics' results (so a difference and its verdict are the very ones the
 * statistics panel shows), plus each experiment's runs from the matrix.
 */
import { sessionColumnIds } from '../../features/matrix/model/compare';
import type { Matrix } from '../../features/matrix/model/types';
import type {
  BoardComparison,
  BoardKey,
  BoardSessionInput,
} from '../../features/scoreboard/board-types';
import type { AdjustedStats } from '../../features/stats/model/adjust-results';
import { formatDiff, formatInterval } from '../../features/stats/model/format-stats';
import type { KeyStats, StatsInput } from '../../features/stats/model/types';
import { verdict } from '../../features/stats/model/verdict';

interface RunTotals {
  examples: number;
  runs: number;
  errors: number;
  latencies: Float64Array;
  cost: number | null;
  tokens: number | null;
}

/** One experiment's runs over the matrix's rows: counts, latencies, cost and tokens. */
export function runTotals(matrix: Matrix, sessionId: string): RunTotals {
  const ids = sessionColumnIds(matrix.columns, sessionId);
  let examples = 0;
  let runs = 0;
  let errors = 0;
  let cost: number | null = null;
  let tokens: number | null = null;
  const latencies: number[] = [];
  for (const row of matrix.rows) {
    let ran = false;
    for (const id of ids) {
      const cell = row.cells[id];
      if (!cell || cell.runs.length === 0) continue;
      ran = true;
      runs += cell.runs.length;
      errors += cell.errorCount;
      for (const run of cell.runs) {
        if (run.latency !== null && Number.isFinite(run.latency)) latencies.push(run.latency);
        if (run.totalCost !== null && Number.isFinite(run.totalCost))
          cost = (cost ?? 0) + run.totalCost;
        if (run.totalTokens !== null && Number.isFinite(run.totalTokens))
          tokens = (tokens ?? 0) + run.totalTokens;
      }
    }
    if (ran) examples++;
  }
  return { examples, runs, errors, latencies: Float64Array.from(latencies), cost, tokens };
}

/** Per experiment in display order: its runs' totals and, per key, the statistics' series. */
export function boardSessions(
  matrix: Matrix,
  sessions: readonly { id: string; name: string }[],
  inputs: readonly StatsInput[],
): BoardSessionInput[] {
  return sessions.map((s, colorIndex) => {
    const values = new Map<string, ArrayLike<number>>();
    const categories = new Map<string, Readonly<Record<string, number>>>();
    for (const input of inputs) {
      if (input.kind === 'metric') continue;
      if (input.kind === 'categorical') {
        const counts = input.categories?.find((c) => c.sessionId === s.id)?.counts;
        if (counts) categories.set(input.key, counts);
        continue;
      }
      const series = [input.baseline, ...input.others].find((x) => x.sessionId === s.id);
      if (series) values.set(input.key, series.values as ArrayLike<number>);
    }
    return {
      sessionId: s.id,
      name: s.name,
      colorIndex,
      ...runTotals(matrix, s.id),
      values,
      categories,
    };
  });
}

export function boardKeys(inputs: readonly StatsInput[]): BoardKey[] {
  return inputs
    .filter((i) => i.kind !== 'metric')
    .map((i) => ({
      key: i.key,
      kind: i.kind === 'categorical' ? 'categorical' : 'numeric',
      direction: i.direction,
    }));
}

/**
 * Each (key × experiment) comparison as the statistics panel words it: the adjusted
 * results, the panel's verdict with the same adjustment context, the panel's formatting.
 */
export function boardComparisons(
  results: readonly KeyStats[] | null,
  adjustment: Pick<AdjustedStats, 'method' | 'tests'> | null,
): Map<string, Map<string, BoardComparison>> {
  const out = new Map<string, Map<string, BoardComparison>>();
  for (const keyStats of results ?? []) {
    // Latency and cost are the board's own columns; a feedback key may share their names.
    if (keyStats.kind === 'metric') continue;
    const bySession = new Map<string, BoardComparison>();
    for (const c of keyStats.comparisons) {
      const { label, reason } = verdict(c, {
        method: adjustment?.method,
        tests: adjustment?.tests,
      });
      bySession.set(c.sessionId, {
        meanDiff: c.meanDiff,
        diffText: formatDiff(c.meanDiff, c.kind),
        intervalText: formatInterval(c.ciLow, c.ciHigh, c.kind),
        label,
        reason,
      });
    }
    out.set(keyStats.key, bySession);
  }
  return out;
}
