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
import { runToEnd } from '../../lib/scheduling';

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

/** One experiment's board input: its runs' totals (none counted: zeros) and its series. */
function sessionInput(
  s: { id: string; name: string },
  colorIndex: number,
  totals: ReadonlyMap<string, RunTotals>,
  values: Map<string, ArrayLike<number>>,
  categories: Map<string, Readonly<Record<string, number>>>,
): BoardSessionInput {
  return {
    sessionId: s.id,
    name: s.name,
    colorIndex,
    ...(totals.get(s.id) ?? NO_RUNS),
    values,
    categories,
  };
}

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
    return sessionInput(s, colorIndex, totals, values, categories);
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

export interface BoardGroup {
  label: string;
  /** The part of the matrix in this group: its columns (run metadata) or rows (example metadata). */
  matrix: Matrix;
}

const groupCache = new WeakMap<Matrix, BoardGroup[]>();

/** The matrix split by group, kept per matrix so each part's run totals are kept too. */
export function boardGroups(matrix: Matrix, metadataKey: string): BoardGroup[] {
  const cached = groupCache.get(matrix);
  if (cached) return cached;
  const label = (key: string | number | null) => `${metadataKey} = ${String(key)}`;
  const out: BoardGroup[] = [];
  if (matrix.columns.some((c) => c.groupIndex !== null)) {
    const indices = [...new Set(matrix.columns.map((c) => c.groupIndex))];
    for (const g of indices) {
      const columns = matrix.columns.filter((c) => c.groupIndex === g);
      out.push({ label: label(columns[0]?.groupKey ?? null), matrix: { ...matrix, columns } });
    }
  } else {
    const indices = [...new Set(matrix.rows.map((r) => r.sectionIndex))];
    for (const g of indices) {
      const rows = matrix.rows.filter((r) => r.sectionIndex === g);
      out.push({ label: label(rows[0]?.sectionKey ?? null), matrix: { ...matrix, rows } });
    }
  }
  groupCache.set(matrix, out);
  return out;
}

/**
 * One group's board inputs: each key's per-example value read from the group's own cells
 * (a cell's score is its repetitions' mean, as the statistics read it), and its run totals.
 */
export function groupSessions(
  group: Matrix,
  sessions: readonly { id: string; name: string }[],
  keys: readonly BoardKey[],
): BoardSessionInput[] {
  const totals = runToEnd(walkRunTotals(group));
  return sessions.map((s, colorIndex) => {
    const ids = group.columns.filter((c) => c.sessionId === s.id).map((c) => c.id);
    const cells = group.rows.map((row) => {
      for (const id of ids) if (row.cells[id]) return row.cells[id];
      return undefined;
    });
    const values = new Map<string, ArrayLike<number>>();
    const categories = new Map<string, Readonly<Record<string, number>>>();
    for (const { key, kind } of keys) {
      if (kind === 'categorical') {
        const counts: Record<string, number> = {};
        for (const cell of cells)
          for (const [c, n] of Object.entries(cell?.scores[key]?.categories ?? {}))
            counts[c] = (counts[c] ?? 0) + n;
        categories.set(key, counts);
      } else
        values.set(
          key,
          Float64Array.from(cells, (cell) => cell?.scores[key]?.score ?? Number.NaN),
        );
    }
    return sessionInput(s, colorIndex, totals, values, categories);
  });
}
