import { useEffect, useMemo, useState } from 'react';
import type { GroupBy } from '../../../api/grouped-runs/request';
import type { Group } from '../../../api/grouped-runs/schemas';
import { createMatrixBuilder } from './pivot';
import { changeCounts, scoreTableOf } from './score-table';
import { buildSearchIndex, type SearchIndex } from './search-text';
import { filterRows, sortReadsBaseline, sortRows } from './sort-filter';
import type { MatrixRow, MatrixSettings } from './types';

export interface MatrixModelInput extends MatrixSettings {
  groups: Group[] | undefined;
  groupBy: GroupBy;
  sessionOrder: string[];
  baseline: string;
}

export type MatrixModel = ReturnType<typeof useMatrixModel>;

/**
 * The matrix as the view shows it: pivoted once per response, then filtered and sorted.
 * Each step is memoised on its own inputs so that sorting does not re-pivot and a search
 * keystroke does not rebuild the change counts. A response that extends the last one ("Load
 * all"'s pages) pivots only its new examples.
 */
export function useMatrixModel(input: MatrixModelInput) {
  const { groups, groupBy, sessionOrder, baseline, sort, filter, hidden, hiddenKeys, flipped } =
    input;
  const orderKey = sessionOrder.join(',');
  const [pivot] = useState(createMatrixBuilder);
  // biome-ignore lint/correctness/useExhaustiveDependencies: sessionOrder is keyed by its content
  const matrix = useMemo(
    () => pivot(groups ?? [], { groupBy, sessionOrder }),
    [groups, groupBy, orderKey, pivot],
  );
  const flippedSet = useMemo(() => new Set(flipped), [flipped]);
  // The feedback keys the cells, the header and the statistics show: all but the hidden ones.
  const keys = useMemo(
    () => matrix.feedbackKeys.map((k) => k.key).filter((k) => !hiddenKeys.includes(k)),
    [matrix.feedbackKeys, hiddenKeys],
  );
  const visibleSessionIds = useMemo(
    () => new Set(sessionOrder.filter((id) => !hidden.includes(id))),
    [sessionOrder, hidden],
  );
  const searchIndex = useMemo(() => buildSearchIndex(matrix.rows), [matrix]);
  // Build the search text while the page is idle, so that the first search is quick.
  useEffect(() => prebuildWhenIdle(matrix.rows, searchIndex), [matrix, searchIndex]);
  const counts = useMemo(
    () => changeCounts(matrix, baseline, flippedSet),
    [matrix, baseline, flippedSet],
  );
  // Sorted first, then filtered (filters keep the order: the same rows, see sort-filter.ts):
  // a filter, a search or a new baseline does not re-sort 10,000 rows. Only a delta sort
  // reads the baseline.
  const sortBaseline = sortReadsBaseline(sort) ? baseline : null;
  const sorted = useMemo(
    () =>
      sortRows(matrix.rows, sort, {
        columns: matrix.columns,
        baselineSessionId: sortBaseline,
        flipped: flippedSet,
      }),
    [matrix, sort, sortBaseline, flippedSet],
  );
  const rows = useMemo(
    () =>
      filterRows(sorted, filter, {
        columns: matrix.columns,
        visibleSessionIds,
        baselineSessionId: baseline,
        flipped: flippedSet,
        searchIndex,
        scores: scoreTableOf(matrix),
      }),
    [sorted, matrix, filter, visibleSessionIds, baseline, flippedSet, searchIndex],
  );
  return { matrix, rows, counts, flippedSet, keys };
}

/** Fills the index in idle slices; returns a cancel function for the effect. */
function prebuildWhenIdle(rows: readonly MatrixRow[], index: SearchIndex): () => void {
  if (typeof requestIdleCallback === 'undefined') return () => undefined;
  let next = 0;
  let handle = 0;
  const work = (deadline: IdleDeadline) => {
    while (next < rows.length && deadline.timeRemaining() > 2) {
      const row = rows[next++];
      if (row) index.get(row);
    }
    if (next < rows.length) handle = requestIdleCallback(work);
  };
  handle = requestIdleCallback(work);
  return () => cancelIdleCallback(handle);
}
