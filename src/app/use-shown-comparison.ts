import { useQuery } from '@tanstack/react-query';
import { groupedRunsQuery } from '../api/grouped-runs/query';
import { pageRequest } from './comparison/grouped-request';
import { isComplete, type ViewState } from './view-params';

/**
 * The comparison's current page as the Comparison below loads it, read from the same cache
 * entry without asking for it again (this observer never fetches): whether it shows yet, and
 * its final answer once nothing more is on its way (not a first screen or first rows).
 */
export function useShownComparison(view: ViewState) {
  const complete = isComplete(view);
  const page = useQuery({
    ...groupedRunsQuery(view.dataset ?? '', pageRequest(view)),
    enabled: false,
  });
  const data = complete ? page.data : undefined;
  const settled = data !== undefined && !page.isFetching && !data.reading;
  return { shown: data !== undefined, result: settled ? data : undefined };
}
