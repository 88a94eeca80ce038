import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { mergeGroupPages, totalExamples } from '../../api/grouped-runs/pages';
import { groupedRunsQuery } from '../../api/grouped-runs/query';
import type { GroupedRuns } from '../../api/grouped-runs/schemas';
import type { ViewState } from '../view-params';
import { pageRequest, requestFor } from './grouped-request';

/** "Load all" asks for bigger pages: fewer round trips, same endpoint. */
export const LOAD_ALL_PAGE_SIZE = 500;

export type LoadAllState =
  | { status: 'idle' }
  | { status: 'loading'; loaded: number; total: number }
  | { status: 'done'; result: GroupedRuns }
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
 * The grouped runs of the view: the current server page, or, after "load all", every page
 * fetched progressively (cancellable, with progress). Pages are cached by React Query.
 */
export function useGroupedData(
  view: ViewState & { dataset: string },
  /** Live refresh: refetch the page this often (ms), or not (false). */
  refetchInterval: number | false = false,
) {
  const queryClient = useQueryClient();
  const datasetId = view.dataset;
  const pageOptions = groupedRunsQuery(datasetId, pageRequest(view));
  const [loadAll, setLoadAll] = useState<LoadAllState>({ status: 'idle' });
  // Live refresh refetches the page; once "Load all" has started, the page is not what shows.
  const page = useQuery({
    ...pageOptions,
    refetchInterval: loadAll.status === 'idle' ? refetchInterval : false,
    refetchIntervalInBackground: false,
  });
  // Stops the page's request in flight (the still-waiting notice's Cancel).
  const cancelPage = () => void queryClient.cancelQueries({ queryKey: pageOptions.queryKey });

  const identity = JSON.stringify([datasetId, [...view.sessions].sort(), view.groupBy, view.key]);
  const controller = useRef<AbortController | null>(null);

  // A different comparison starts over: an earlier "load all" must not leak into it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset keyed on identity only
  useEffect(() => {
    controller.current?.abort();
    controller.current = null;
    setLoadAll({ status: 'idle' });
  }, [identity]);

  const start = useCallback(async () => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    const pages: GroupedRuns[] = [];
    let total = totalExamples(page.data);
    let offset = 0;
    setLoadAll({ status: 'loading', loaded: 0, total });
    try {
      do {
        const options = groupedRunsQuery(datasetId, requestFor(view, offset, LOAD_ALL_PAGE_SIZE));
        // Cancelling aborts the request in flight (React Query passes the abort to fetch).
        const onAbort = () => void queryClient.cancelQueries({ queryKey: options.queryKey });
        abort.signal.addEventListener('abort', onAbort, { once: true });
        const result = await queryClient.fetchQuery(options);
        abort.signal.removeEventListener('abort', onAbort);
        if (abort.signal.aborted) return;
        pages.push(result);
        total = Math.max(total, totalExamples(result));
        offset += LOAD_ALL_PAGE_SIZE;
        setLoadAll({ status: 'loading', loaded: Math.min(offset, total), total });
      } while (offset < total);
      setLoadAll({ status: 'done', result: mergeGroupPages(pages) });
    } catch (error) {
      if (abort.signal.aborted) return;
      setLoadAll({ status: 'error', error, loaded: Math.min(offset, total), total });
    }
  }, [datasetId, view, page.data, queryClient]);

  const cancel = useCallback(() => {
    controller.current?.abort();
    controller.current = null;
    setLoadAll((s) =>
      s.status === 'loading' ? { status: 'cancelled', loaded: s.loaded, total: s.total } : s,
    );
  }, []);

  useEffect(() => () => controller.current?.abort(), []);

  // The early rows of a large response are dropped when the rest turns out unreadable.
  const pageData = page.isError && page.data?.reading ? undefined : page.data;
  const total = totalExamples(pageData);
  const data = useMemo(
    () => (loadAll.status === 'done' ? loadAll.result : pageData),
    [loadAll, pageData],
  );

  return {
    page,
    cancelPage,
    data,
    /** Set while only the first rows of a large response are shown. */
    reading: data?.reading ?? null,
    total,
    pageCount: Math.max(1, Math.ceil(total / view.pageSize)),
    allLoaded: loadAll.status === 'done' || total <= view.pageSize,
    loadAll,
    startLoadAll: start,
    cancelLoadAll: cancel,
  };
}

export type GroupedData = ReturnType<typeof useGroupedData>;
