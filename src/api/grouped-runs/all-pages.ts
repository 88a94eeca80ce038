import { infiniteQueryOptions } from '@tanstack/react-query';
import { queryKeys } from '../query-keys';
import { fetchGroupedRuns } from './fetch';
import { totalExamples } from './pages';
import { groupedRunsQuery } from './query';
import { buildGroupedRunsBody, type GroupedRunsRequest } from './request';
import type { GroupedRuns } from './schemas';

/** One request of "Load all": the examples of every group from `offset`, `limit` of them. */
export interface PageSlice {
  offset: number;
  limit: number;
}

/**
 * The largest page "Load all" asks for. Pages double from the view's page size up to this:
 * the first rows come as quickly as the view's own page did, and 10,000 examples take about
 * a dozen round trips, each small enough to parse in slices and pivot in one short task.
 */
export const LOAD_ALL_MAX_PAGE = 1_000;

/** The slice after `last`, or undefined once the largest group is covered. */
export function nextSlice(last: PageSlice, total: number): PageSlice | undefined {
  const offset = last.offset + last.limit;
  if (offset >= total) return undefined;
  return { offset, limit: Math.min(last.limit * 2, LOAD_ALL_MAX_PAGE) };
}

export type AllPagesRequest = Omit<GroupedRunsRequest, 'offset' | 'limit'>;

/**
 * Every page of a comparison, one after another (useInfiniteQuery): the first is the view's
 * own first page (from the cache when the view shows it), each next one starts where the
 * last ended. The pages merge into one result as they arrive.
 */
export function allPagesQuery(datasetId: string, request: AllPagesRequest, firstLimit: number) {
  const built = buildGroupedRunsBody({ ...request, offset: 0, limit: firstLimit });
  // One entry per comparison and first page size; the page's own entries are apart ("all").
  const identity = built.ok ? { ...built.body, offset: 'all' } : { invalid: request, all: true };
  return infiniteQueryOptions({
    queryKey: queryKeys.groupedRuns(datasetId, identity),
    queryFn: async ({ pageParam, signal, client }): Promise<GroupedRuns> => {
      const slice = { ...request, ...pageParam };
      if (pageParam.offset === 0) {
        // The view's first page is usually in the cache already; an early (partial) result
        // of it is not a page.
        const page = groupedRunsQuery(datasetId, slice);
        const cached = await client.ensureQueryData(page);
        if (!cached.reading) return cached;
        return client.fetchQuery({ ...page, staleTime: 0 });
      }
      return fetchGroupedRuns(datasetId, slice, signal, {
        sharedExamples: request.group_by === 'run_metadata',
      });
    },
    initialPageParam: { offset: 0, limit: firstLimit } as PageSlice,
    getNextPageParam: (_last, pages, lastSlice) =>
      nextSlice(lastSlice, Math.max(...pages.map(totalExamples))),
    // Results are large and always new: comparing them with the last one would walk them.
    structuralSharing: false,
  });
}
