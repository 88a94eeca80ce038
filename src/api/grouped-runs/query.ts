import { queryOptions } from '@tanstack/react-query';
import { afterRender } from '../../lib/scheduling';
import { queryKeys } from '../query-keys';
import { fetchFirstScreen, fetchGroupedRuns } from './fetch';
import { buildGroupedRunsBody, firstScreenBody, type GroupedRunsRequest } from './request';
import type { GroupedRuns } from './schemas';

/** The group/runs query options: the same object serves the page's query and prefetching. */
export function groupedRunsQuery(datasetId: string, request: GroupedRunsRequest) {
  const built = buildGroupedRunsBody(request);
  return queryOptions({
    queryKey: queryKeys.groupedRuns(datasetId, built.ok ? built.body : { invalid: request }),
    queryFn: async ({ signal, client, queryKey }) => {
      // A large page's body is read once its first screen is on the page (or has failed),
      // so the page's own rows always come after it; the first screen never lands once the
      // page has answered or failed.
      let answered = false;
      // A refresh (live refresh, Retry) of a result on screen replaces it whole: showing a
      // first screen or early rows would take the rest of the rows away meanwhile.
      const shown = client.getQueryData<GroupedRuns>(queryKey);
      const refresh = shown !== undefined && !shown.reading;
      const firstScreen =
        !refresh && built.ok && firstScreenBody(built.body)
          ? fetchFirstScreen(datasetId, built.body, signal).then(async (first) => {
              if (!first || answered) return;
              client.setQueryData(queryKey, first);
              await afterRender();
            })
          : undefined;
      try {
        return await fetchGroupedRuns(datasetId, request, signal, {
          readAfter: firstScreen,
          // The first rows of a large response show while the rest is read; the complete
          // result replaces them when the query resolves.
          onEarlyResult: refresh ? undefined : (early) => client.setQueryData(queryKey, early),
          sharedExamples: request.group_by === 'run_metadata',
        });
      } finally {
        answered = true;
      }
    },
    // Results are large and always new: comparing them with the last one would walk them.
    structuralSharing: false,
  });
}
