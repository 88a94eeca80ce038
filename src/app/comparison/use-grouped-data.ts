import {
  type QueryClient,
  useInfiniteQuery,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { allPagesQuery } from '../../api/grouped-runs/all-pages';
import { createPageMerger, totalExamples } from '../../api/grouped-runs/pages';
import { mostExamples } from '../../api/grouped-runs/parse';
import { groupedRunsQuery } from '../../api/grouped-runs/query';
import type { GroupedRuns } from '../../api/grouped-runs/schemas';
import type { ViewState } from '../view-params';
import type { SetView } from './comparison-context';
import { pageRequest } from './grouped-request';

/** Where "Load all" stands, derived from its query: what the pager and the status show. */
export type LoadAllState =
  | { status: 'idle' }
  | { status: 'loading'; loaded: number; total: number }
  | { status: 'done' }
  | { status: 'cancelled'; loaded: number; total: number }
  | { status: 'error'; error: unknown; loaded: number; total: number };

/**
 * Starts the view's main request before the first render (main.tsx): the page's query then
 * finds it in flight. Same options as useGroupedData, so the same cache entry.
 */
export function prefetchGroupedData(
  queryClient: QueryClient,
  view: ViewState & { dataset: string },
): void {
  void queryClient.prefetchQuery(groupedRunsQuery(view.dataset, pageRequest(view)));
}

/**
 * The grouped runs of the view: the current server page, or, with `all=1`, every page, merged
 * as each arrives (useInfiniteQuery, one page after another). Cancelling or a failure keeps
 * the pages loaded; "Continue" (or Retry) asks for the next one.
 */
export function useGroupedData(
  view: ViewState & { dataset: string },
  setView: SetView,
  /** Live refresh: refetch the page this often (ms), or not (false). */
  refetchInterval: number | false = false,
) {
  const queryClient = useQueryClient();
  const datasetId = view.dataset;
  const pageOptions = groupedRunsQuery(datasetId, pageRequest(view));
  // Live refresh refetches the page; with every page loaded (all=1), the page is not what shows.
  const page = useQuery({
    ...pageOptions,
    refetchInterval: view.all ? false : refetchInterval,
    refetchIntervalInBackground: false,
  });
  // Stops the page's request in flight (the still-waiting notice's Cancel).
  const cancelPage = () => void queryClient.cancelQueries({ queryKey: pageOptions.queryKey });

  const allOptions = allPagesQuery(
    datasetId,
    { session_ids: view.sessions, group_by: view.groupBy, metadata_key: view.key },
    view.pageSize,
  );
  const all = useInfiniteQuery({ ...allOptions, enabled: view.all });
  // A cancel holds for this comparison only: another one (or a reload of the link) loads on.
  const identity = JSON.stringify(allOptions.queryKey);
  const [cancelledFor, setCancelledFor] = useState<string | null>(null);
  const cancelled = view.all && cancelledFor === identity;

  const { hasNextPage, isFetching, isError, fetchNextPage } = all;
  useEffect(() => {
    if (view.all && !cancelled && hasNextPage && !isFetching && !isError) void fetchNextPage();
  }, [view.all, cancelled, hasNextPage, isFetching, isError, fetchNextPage]);

  const pages = all.data?.pages;
  // Each arriving page is merged on its own into the pages before it (not all pages again).
  const [mergePages] = useState(createPageMerger);
  const merged = useMemo(() => (pages ? mergePages(pages) : undefined), [pages, mergePages]);

  // The early rows of a large response are dropped when the rest turns out unreadable.
  const pageData = page.isError && page.data?.reading ? undefined : page.data;
  const data: GroupedRuns | undefined = view.all && merged ? merged : pageData;
  const total = Math.max(totalExamples(pageData), totalExamples(merged));
  const loaded = merged ? mostExamples(merged.groups) : 0;

  let loadAll: LoadAllState = { status: 'idle' };
  if (view.all) {
    if (isError) loadAll = { status: 'error', error: all.error, loaded, total };
    else if (cancelled && (hasNextPage || !merged))
      loadAll = { status: 'cancelled', loaded, total };
    else if (merged && !hasNextPage) loadAll = { status: 'done' };
    else loadAll = { status: 'loading', loaded, total };
  }

  const { refetch } = all;
  const start = useCallback(() => {
    setCancelledFor(null);
    if (!view.all) setView({ all: true, page: 1 });
    // After a failure: the failed page again (or the first, when it was the first).
    else if (isError) void (pages ? fetchNextPage() : refetch());
  }, [view.all, setView, isError, pages, fetchNextPage, refetch]);

  const cancel = useCallback(() => {
    setCancelledFor(identity);
    // The page in flight is dropped; the pages loaded stay.
    void queryClient.cancelQueries({ queryKey: allOptions.queryKey });
  }, [identity, queryClient, allOptions.queryKey]);

  return {
    page,
    cancelPage,
    data,
    /** Set while only the first rows of a large response are shown. */
    reading: data?.reading ?? null,
    total,
    pageCount: Math.max(1, Math.ceil(total / view.pageSize)),
    allLoaded: loadAll.status === 'done' || (!view.all && total <= view.pageSize),
    loadAll,
    startLoadAll: start,
    cancelLoadAll: cancel,
    showPages: () => setView({ all: false }),
  };
}

export type GroupedData = ReturnType<typeof useGroupedData>;
