import type { GroupBy } from '../../../api/grouped-runs/request';
import type { Example, Group, Run } from '../../../api/grouped-runs/schemas';
import { buildCell, feedbackKeyInfo } from './cell';
import type { Matrix, MatrixColumn, MatrixRow } from './types';

/**
 * Pivots the normalised grouped-runs response into the matrix model: examples as rows,
 * (group, session) as columns, one cell per (row, column) that has runs.
 */

export interface BuildMatrixOptions {
  groupBy: GroupBy;
  /** Selected session ids in display order. */
  sessionOrder: readonly string[];
  /** Fallback names for sessions the groups do not describe. */
  sessionNames?: Readonly<Record<string, string>>;
}

export function buildMatrix(groups: readonly Group[], options: BuildMatrixOptions): Matrix {
  return createMatrixBuilder()(groups, options);
}

/** A row and where it sits: the group that introduced it, and its place in that group's list. */
interface Placed {
  row: MatrixRow;
  owner: number;
  index: number;
}

/** What a builder has pivoted so far (see createMatrixBuilder). */
interface Pivoted {
  groupBy: GroupBy;
  orderKey: string;
  source: readonly Group[];
  keys: (string | number)[];
  /** Per group: how many of its examples are pivoted, and the last of them. */
  counts: number[];
  lasts: (Example | undefined)[];
  /** Per group: the rows it introduced, in example order (null: moved to an earlier group). */
  introduced: (MatrixRow | null)[][];
  /** run_metadata: one map for every group; example_metadata: one per group (section). */
  placed: Map<string, Placed>[];
  /** Per group, per session index: a run of that session was seen in the group. */
  runPresent: boolean[][];
  keyFlags: Map<string, number>;
  foreignRuns: number;
  matrix: Matrix;
}

/**
 * A pivot that grows with "Load all": given groups whose example lists extend the ones it
 * pivoted last (same groups in the same order, the earlier examples the same objects), it
 * pivots only the new examples and appends their rows; anything else is pivoted from scratch.
 * The result equals buildMatrix of the whole groups (pivot.test.ts). Rows already returned
 * are never changed: a row that gains a cell is copied.
 */
export function createMatrixBuilder(): (
  groups: readonly Group[],
  options: BuildMatrixOptions,
) => Matrix {
  let state: Pivoted | null = null;
  return (groups, options) => {
    const orderKey = options.sessionOrder.join('\u0000');
    if (
      state?.source === groups &&
      state.groupBy === options.groupBy &&
      state.orderKey === orderKey
    )
      return state.matrix;
    if (!state || !extendsPivoted(state, groups, options.groupBy, orderKey)) {
      state = {
        groupBy: options.groupBy,
        orderKey,
        source: groups,
        keys: [],
        counts: [],
        lasts: [],
        introduced: [],
        placed: [],
        runPresent: [],
        keyFlags: new Map(),
        foreignRuns: 0,
        matrix: {
          groupBy: options.groupBy,
          columns: [],
          rows: [],
          feedbackKeys: [],
          foreignRuns: 0,
        },
      };
    }
    state.matrix = pivotNew(state, groups, options);
    state.source = groups;
    return state.matrix;
  };
}

function extendsPivoted(
  state: Pivoted,
  groups: readonly Group[],
  groupBy: GroupBy,
  orderKey: string,
): boolean {
  if (state.groupBy !== groupBy || state.orderKey !== orderKey) return false;
  if (groups.length < state.keys.length) return false;
  return state.keys.every((key, g) => {
    const group = groups[g];
    const count = state.counts[g] ?? 0;
    return (
      group !== undefined &&
      group.key === key &&
      group.examples.length >= count &&
      (count === 0 || group.examples[count - 1] === state.lasts[g])
    );
  });
}

/** Pivots the examples the state has not seen, and returns the matrix of all of them. */
function pivotNew(state: Pivoted, groups: readonly Group[], options: BuildMatrixOptions): Matrix {
  const order = options.sessionOrder;
  const sessionCount = order.length;
  const lookup = sessionLookup(order);
  const keyFlags = state.keyFlags;
  // run_metadata: groups are column groups and one row per example spans them all.
  // example_metadata: groups are row sections, and an example in two sections has two rows.
  const groupsAreColumns = options.groupBy === 'run_metadata';
  // Rows made in this call may be changed in place; older ones were returned and are copied.
  const fresh = new Set<MatrixRow>();
  const compact = new Set<number>();
  // Reused per example: runs bucketed by session index, so no per-example allocation.
  const buckets: (Run[] | undefined)[] = new Array(sessionCount);
  const sharedColumnIds = order.map((id) => `s:${id}`);
  const writable = (placed: Placed): MatrixRow => {
    if (fresh.has(placed.row)) return placed.row;
    const copy = { ...placed.row, cells: { ...placed.row.cells } };
    fresh.add(copy);
    placed.row = copy;
    (state.introduced[placed.owner] as (MatrixRow | null)[])[placed.index] = copy;
    return copy;
  };

  groups.forEach((group, g) => {
    if (g >= state.keys.length) {
      state.keys.push(group.key);
      state.counts.push(0);
      state.lasts.push(undefined);
      state.introduced.push([]);
      state.runPresent.push(new Array(sessionCount).fill(false));
      if (!groupsAreColumns || state.placed.length === 0) state.placed.push(new Map());
    }
    const from = state.counts[g] ?? 0;
    if (from === group.examples.length) return;
    const columnIds = groupsAreColumns ? order.map((id) => `${g}:${id}`) : sharedColumnIds;
    const has = state.runPresent[g] as boolean[];
    const introduced = state.introduced[g] as (MatrixRow | null)[];
    // example_metadata: the same example twice in one section is merged into one row.
    const rows = state.placed[groupsAreColumns ? 0 : g] as Map<string, Placed>;

    for (let e = from; e < group.examples.length; e++) {
      const example = group.examples[e] as Example;
      let placed = rows.get(example.id);
      if (!placed) {
        // run_metadata: `example` is the first group's copy (its `runs` are that group's
        // only); the cells are the full picture.
        const row: MatrixRow = {
          exampleId: example.id,
          example,
          sectionKey: groupsAreColumns ? null : group.key,
          sectionIndex: groupsAreColumns ? null : g,
          cells: {},
        };
        fresh.add(row);
        placed = { row, owner: g, index: introduced.length };
        introduced.push(row);
        rows.set(example.id, placed);
      } else if (placed.owner > g) {
        // A later group had this example on an earlier page: the row belongs to this group,
        // as it would had every page come at once.
        const row = writable(placed);
        row.example = example;
        (state.introduced[placed.owner] as (MatrixRow | null)[])[placed.index] = null;
        compact.add(placed.owner);
        placed.owner = g;
        placed.index = introduced.length;
        introduced.push(row);
      }
      let any = false;
      for (const run of example.runs) {
        const i = lookup(run.sessionId);
        if (i < 0) {
          state.foreignRuns++;
          continue;
        }
        any = true;
        const bucket = buckets[i];
        if (bucket) bucket.push(run);
        else buckets[i] = [run];
      }
      if (!any) continue;
      const row = writable(placed);
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
    state.counts[g] = group.examples.length;
    state.lasts[g] = group.examples[group.examples.length - 1];
  });

  for (const owner of compact) {
    const kept = (state.introduced[owner] as (MatrixRow | null)[]).filter((r) => r !== null);
    state.introduced[owner] = kept;
    const map = state.placed[groupsAreColumns ? 0 : owner] as Map<string, Placed>;
    kept.forEach((row, index) => {
      const placed = map.get(row.exampleId);
      if (placed) placed.index = index;
    });
  }

  // Which selected sessions each group has: its own list, and any session it has a run of.
  const present = groups.map((group, g) => {
    const has = [...(state.runPresent[g] as boolean[])];
    for (const session of group.sessions) {
      const i = lookup(session.id);
      if (i >= 0) has[i] = true;
    }
    return has;
  });
  const columns = groupsAreColumns
    ? groupColumns(groups, order, present, options.sessionNames)
    : sessionColumns(groups, order, options.sessionNames);

  return {
    groupBy: options.groupBy,
    columns,
    rows: (state.introduced as MatrixRow[][]).flat(),
    feedbackKeys: feedbackKeyInfo(keyFlags),
    foreignRuns: state.foreignRuns,
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
