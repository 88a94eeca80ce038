import { lazyValue } from '../../../lib/lazy-value';
import {
  baselineCell,
  cellDelta,
  firstCell,
  type MetricKey,
  metricValue,
  sessionColumnIds,
} from './compare';
import { cellChanged, referencesOf, type ScoreTable, scoreTableOf } from './score-table';
import { matchesTerms, rowHaystack, type SearchIndex, searchTerms } from './search-text';
import type { Change, Direction, FilterSpec, MatrixColumn, MatrixRow, SortSpec } from './types';

/**
 * Row sorting and filtering. Both are pure, never mutate their input, and keep example_metadata
 * sections contiguous: rows are only ever reordered within their own section.
 */

export interface SortContext {
  columns: readonly MatrixColumn[];
  /** null when there is nothing to compare with: every delta is then missing. */
  baselineSessionId: string | null;
  /** Accepted for symmetry with filtering; a delta sort follows the displayed `cell - baseline`. */
  flipped: ReadonlySet<string>;
}

// Built on the first sort by name: an Intl object costs ICU's set-up, not worth paying at import.
const collator = lazyValue(() => new Intl.Collator(undefined, { numeric: true }));

/** Whether the order depends on the baseline (a delta sort); no other sort reads it. */
export function sortReadsBaseline(sort: SortSpec | null): boolean {
  return sort?.by === 'delta';
}

/**
 * Returns a new, stably sorted array. Rows without a value (no cell for the session, no score,
 * no baseline) always go last, whichever the direction. Column-bound sorts read the session's
 * first cell in the row, in column order.
 */
export function sortRows(rows: MatrixRow[], sort: SortSpec | null, ctx: SortContext): MatrixRow[] {
  if (!sort) return rows.slice();
  const n = rows.length;
  const sign = sort.dir === 'asc' ? 1 : -1;
  // Decorate once: comparisons then read flat typed arrays, not rows and records.
  const section = new Float64Array(n);
  for (let i = 0; i < n; i++) section[i] = (rows[i] as MatrixRow).sectionIndex ?? -1;
  const order = Array.from({ length: n }, (_, i) => i);

  if (sort.by === 'example') {
    const names = rows.map((row) => row.example.name);
    const ids = rows.map((row) => row.exampleId);
    order.sort((a, b) => {
      const s = (section[a] as number) - (section[b] as number);
      if (s !== 0) return s;
      const byName = collator().compare(names[a] as string, names[b] as string);
      if (byName !== 0) return byName * sign;
      const idA = ids[a] as string;
      const idB = ids[b] as string;
      if (idA !== idB) return (idA < idB ? -1 : 1) * sign;
      return a - b;
    });
  } else {
    const values = new Float64Array(n);
    const present = new Uint8Array(n);
    const readValue = sortValue(sort, ctx);
    for (let i = 0; i < n; i++) {
      const v = readValue(rows[i] as MatrixRow);
      if (v !== null && Number.isFinite(v)) {
        values[i] = v;
        present[i] = 1;
      }
    }
    order.sort((a, b) => {
      const s = (section[a] as number) - (section[b] as number);
      if (s !== 0) return s;
      const pa = present[a] as number;
      const pb = present[b] as number;
      if (pa !== pb) return pb - pa;
      if (pa) {
        const d = (values[a] as number) - (values[b] as number);
        if (d !== 0) return d * sign;
      }
      return a - b;
    });
  }
  return order.map((i) => rows[i] as MatrixRow);
}

function sortValue(
  sort: Exclude<SortSpec, { by: 'example' }>,
  ctx: SortContext,
): (row: MatrixRow) => number | null {
  const ids = sessionColumnIds(ctx.columns, sort.sessionId);
  const columnById = new Map(ctx.columns.map((c) => [c.id, c]));
  switch (sort.by) {
    case 'score': {
      const key = sort.key;
      return (row) => firstCell(row, ids)?.scores[key]?.score ?? null;
    }
    case 'delta': {
      const key = sort.key;
      const baseline = ctx.baselineSessionId;
      // The direction does not change the delta's value, only its colour.
      const direction: Direction = 'higher';
      return (row) => {
        const cell = firstCell(row, ids);
        const column = cell ? columnById.get(cell.columnId) : undefined;
        if (!cell || !column || baseline === null) return null;
        const base = baselineCell(row, column, baseline, ctx.columns);
        return base ? (cellDelta(cell, base, key, direction)?.delta ?? null) : null;
      };
    }
    case 'latency':
    case 'cost': {
      const metric: MetricKey = sort.by;
      return (row) => {
        const cell = firstCell(row, ids);
        return cell ? metricValue(cell, metric) : null;
      };
    }
  }
}

export interface FilterContext {
  columns: readonly MatrixColumn[];
  /** Only cells of these sessions count for `only` and `ranges`. */
  visibleSessionIds: ReadonlySet<string>;
  baselineSessionId: string | null;
  flipped: ReadonlySet<string>;
  /** Cached haystacks; without one, text search renders each row it looks at afresh. */
  searchIndex?: SearchIndex;
  /**
   * The score arrays of the matrix whose rows and columns these are (`scoreTableOf`), kept
   * with it; without them, the "only" filter builds them from the rows it is given.
   */
  scores?: ScoreTable;
}

export const EMPTY_FILTER: FilterSpec = Object.freeze({
  text: '',
  only: null,
  onlyKey: null,
  onlySession: null,
  ranges: [],
}) as FilterSpec;

/** A range with neither bound set is a slider nobody has moved yet: it filters nothing. */
function isRangeActive(range: FilterSpec['ranges'][number]): boolean {
  return isBound(range.min) || isBound(range.max);
}

function isBound(value: number | null): value is number {
  return value !== null && Number.isFinite(value);
}

export function isFilterActive(filter: FilterSpec): boolean {
  return filter.text.trim() !== '' || filter.only !== null || filter.ranges.some(isRangeActive);
}

/**
 * Keeps the rows that pass every active condition (AND). An inactive filter returns the very
 * same array, so memoised consumers see no change. Cheap checks run before text search, so
 * haystacks are only built for rows that survive them.
 */
export function filterRows(rows: MatrixRow[], filter: FilterSpec, ctx: FilterContext): MatrixRow[] {
  if (!isFilterActive(filter)) return rows;
  const visible = ctx.columns.filter((c) => ctx.visibleSessionIds.has(c.sessionId));
  const tests: ((row: MatrixRow) => boolean)[] = [];

  if (filter.only === 'errors') {
    tests.push((row) => visible.some((c) => (row.cells[c.id]?.errorCount ?? 0) > 0));
  } else if (filter.only !== null) {
    const wanted: Change = filter.only === 'regressions' ? 'regressed' : 'improved';
    const baseline = ctx.baselineSessionId;
    // One candidate (a column header's ▼N): its columns, shown or hidden, since it was named.
    const candidate = filter.onlySession;
    const compared = (
      candidate === null ? visible : ctx.columns.filter((c) => c.sessionId === candidate)
    ).filter((c) => c.sessionId !== baseline);
    const onlyKey = filter.onlyKey;
    if (baseline === null) {
      tests.push(() => false);
    } else {
      // Over the score arrays: a baseline change re-filters 10,000 rows without walking
      // their objects.
      const table = ctx.scores ?? scoreTableOf({ rows, columns: ctx.columns });
      const refs = referencesOf(table, baseline);
      const columnIndexes = compared.map((c) => table.columns.indexOf(c));
      const key = onlyKey === null ? null : table.keys.indexOf(onlyKey);
      tests.push((row) => {
        const r = table.rowIndex.get(row);
        if (r === undefined || key === -1) return false;
        for (const c of columnIndexes) {
          if (c >= 0 && cellChanged(table, refs, c, r, key, wanted, ctx.flipped)) return true;
        }
        return false;
      });
    }
  }

  for (const range of filter.ranges) {
    if (!isRangeActive(range)) continue;
    const { key } = range;
    const min = isBound(range.min) ? range.min : Number.NEGATIVE_INFINITY;
    const max = isBound(range.max) ? range.max : Number.POSITIVE_INFINITY;
    tests.push((row) =>
      visible.some((c) => {
        const score = row.cells[c.id]?.scores[key]?.score;
        return score != null && score >= min && score <= max;
      }),
    );
  }

  const terms = searchTerms(filter.text);
  if (terms.length > 0) {
    const index = ctx.searchIndex;
    tests.push((row) => matchesTerms(index ? index.get(row) : rowHaystack(row), terms));
  }

  return rows.filter((row) => {
    for (const test of tests) if (!test(row)) return false;
    return true;
  });
}
