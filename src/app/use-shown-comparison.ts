import { useQuery } from '@tanstack/react-query';
import { groupedRunsQuery } from '../api/grouped-runs/query';
import { pageRequest } from './comparison/grouped-request';
import { isComplete, type ViewState } from './view-params';

/**
 * Whether the comparison's current page shows yet, read from the same cache entry the
 * Comparison below loads, without asking for it again (this observer never fetches).
 */
export function useShownComparison(view: ViewState) {
  const page = useQuery({
    ...groupedRunsQuery(view.dataset ?? '', pageRequest(view)),
    enabled: false,
  });
  return { shown: isComplete(view) && page.data !== undefined };
}
