/**
 * The scoreboard's inputs, joined here from two features: the statistics' per-example
 * series (so a key's mean is over the same values, repetitions averaged per example first)
 * and the statistics' results (so a difference and its verdict are the very ones the
 * statistics panel shows), plus each experiment's runs from the matrix.
 */
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

export interface RunTotals {
  examples: number;
  runs: number;
  errors: number;
  latencies: Float64Array;
  cost: number | null;
  tokens: number | null;
}

const totalsCache = new WeakMap<Matrix, Map<string, RunTotals>>();

/** Rows walked between the page's turns when the walk is sliced. */
const ROWS_PER_STEP = 500;

export function cachedRunTotals(matrix: Matrix): ReadonlyMap<string, RunTotals> | null {
  return totalsCache.get(matrix) ?? null;
}

/**
 * Every experiment's runs over the matrix's rows, in one pass that yields every few hundred
 * rows (lib/scheduling runs it in slices): examples that ran, runs, failures, latencies,
 * cost and tokens. Kept per matrix: a new baseline or new statistics do not walk again.
 */
export function* walkRunTotals(matrix: Matrix): Generator<void, ReadonlyMap<string, RunTotals>> {
  const cached = totalsCache.get(matrix);
  if (cached) return cached;
  const ids = [...new Set(matrix.columns.map((c) => c.sessionId))];
  const columnsOf = ids.map((id) =>
    matrix.columns.filter((c) => c.sessionId === id).map((c) => c.id),
  );
  const acc = ids.map(() => ({
    examples: 0,
    runs: 0,
    errors: 0,
    latencies: [] as number[],
    cost: null as number | null,
    tokens: null as number | null,
  }));
  const rows = matrix.rows;
  for (let r = 0; r < rows.length; r++) {
    if (r > 0 && r % ROWS_PER_STEP === 0) yield;
    const cells = (rows[r] as (typeof rows)[number]).cells;
    for (let s = 0; s < ids.length; s++) {
      const a = acc[s] as (typeof acc)[number];
      let ran = false;
      for (const columnId of columnsOf[s] as string[]) {
        const cell = cells[columnId];
        if (!cell || cell.runs.length === 0) continue;
        // An experiment in two groups of one row ran that example once, not twice.
        ran = true;
        a.runs += cell.runs.length;
        a.errors += cell.errorCount;
        for (const run of cell.runs) {
          const { latency, totalCost, totalTokens } = run;
          if (latency !== null && Number.isFinite(latency)) a.latencies.push(latency);
          if (totalCost !== null && Number.isFinite(totalCost)) a.cost = (a.cost ?? 0) + totalCost;
          if (totalTokens !== null && Number.isFinite(totalTokens))
            a.tokens = (a.tokens ?? 0) + totalTokens;
        }
      }
      if (ran) a.examples++;
    }
  }
  const out = new Map<string, RunTotals>();
  ids.forEach((id, s) => {
    const a = acc[s] as (typeof acc)[number];
    out.set(id, { ...a, latencies: Float64Array.from(a.latencies) });
  });
  totalsCache.set(matrix, out);
  return out;
}

const NO_RUNS: RunTotals = {
  examples: 0,
  runs: 0,
  errors: 0,
  latencies: new Float64Array(0),
  cost: null,
  tokens: null,
};

/** Per experiment in display order: its runs' totals and, per key, the statistics' series. */
export function boardSessions(
  totals: ReadonlyMap<string, RunTotals>,
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
      ...(totals.get(s.id) ?? NO_RUNS),
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
