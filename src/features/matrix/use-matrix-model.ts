import { useMemo } from 'react';
import type { Group, GroupBy } from '../../api/grouped-runs';
import { changeCounts } from './compare';
import { buildMatrix } from './pivot';
import { buildSearchIndex } from './search-text';
import { filterRows, sortRows } from './sort-filter';
import type { FilterSpec, SortSpec } from './types';

export interface MatrixModelInput {
  groups: Group[] | undefined;
  groupBy: GroupBy;
  sessionOrder: string[];
  baseline: string;
  sort: SortSpec | null;
  filter: FilterSpec;
  hidden: string[];
  flipped: string[];
}

/**
 * The matrix as the view shows it: pivoted once per response, then filtered and sorted.
 * Each step is memoised on its own inputs so that sorting does not re-pivot and a search
 * keystroke does not rebuild the change counts.
 */
export function useMatrixModel(input: MatrixModelInput) {
  const { groups, groupBy, sessionOrder, baseline, sort, filter, hidden, flipped } = input;
  const orderKey = sessionOrder.join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: sessionOrder is keyed by its content
  const matrix = useMemo(
    () => buildMatrix(groups ?? [], { groupBy, sessionOrder }),
    [groups, groupBy, orderKey],
  );
  const flippedSet = useMemo(() => new Set(flipped), [flipped]);
  const visibleSessionIds = useMemo(
    () => new Set(sessionOrder.filter((id) => !hidden.includes(id))),
    [sessionOrder, hidden],
  );
  const searchIndex = useMemo(() => buildSearchIndex(matrix.rows), [matrix]);
  const counts = useMemo(
    () => changeCounts(matrix, baseline, flippedSet),
    [matrix, baseline, flippedSet],
  );
  const filtered = useMemo(
    () =>
      filterRows(matrix.rows, filter, {
        columns: matrix.columns,
        visibleSessionIds,
        baselineSessionId: baseline,
        flipped: flippedSet,
        searchIndex,
      }),
    [matrix, filter, visibleSessionIds, baseline, flippedSet, searchIndex],
  );
  const rows = useMemo(
    () =>
      sortRows(filtered, sort, {
        columns: matrix.columns,
        baselineSessionId: baseline,
        flipped: flippedSet,
      }),
    [filtered, sort, matrix.columns, baseline, flippedSet],
  );
  return { matrix, rows, counts, flippedSet };
}
