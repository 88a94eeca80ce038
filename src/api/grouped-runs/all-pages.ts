import {
  hashKey,
  type InfiniteData,
  infiniteQueryOptions,
  type QueryKey,
} from '@tanstack/react-query';
import { queryKeys } from '../query-keys';
import { fetchGroupedRunsBody, type GroupedRunsBodyText } from './fetch';
import { totalExamples } from './pages';
import { parseGroupedRunsText } from './parse-progressive';
import { groupedRunsQuery } from './query';
import { buildGroupedRunsBody, type GroupedRunsRequest, groupedRunsPath } from './request';
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
 * last ended; its request is sent once the page before has downloaded (read ahead). The
 * pages merge into one result as they arrive.
 */
export function allPagesQuery(datasetId: string, request: AllPagesRequest, firstLimit: number) {
  const built = buildGroupedRunsBody({ ...request, offset: 0, limit: firstLimit });
  // One entry per comparison and first page size; the page's own entries are apart ("all").
  const identity = built.ok ? { ...built.body, offset: 'all' } : { invalid: request, all: true };
  return infiniteQueryOptions({
    queryKey: queryKeys.groupedRuns(datasetId, identity),
    queryFn: async ({ pageParam, signal, client, queryKey }): Promise<GroupedRuns> => {
      const slice = { ...request, ...pageParam };
      if (pageParam.offset === 0) {
        // The view's first page is usually in the cache already; an early (partial) result
        // of it is not a page.
        const page = groupedRunsQuery(datasetId, slice);
        const cached = await client.ensureQueryData(page);
        if (!cached.reading) return cached;
        return client.fetchQuery({ ...page, staleTime: 0 });
      }
      const { text, streamed } = await pageBody(datasetId, slice, queryKey, pageParam, signal);
      // The next page is asked for now: the server prepares it and it downloads while this
      // one is parsed and shown, instead of after.
      const loaded = client.getQueryData<InfiniteData<GroupedRuns, PageSlice>>(queryKey)?.pages;
      const next = nextSlice(pageParam, Math.max(0, ...(loaded ?? []).map(totalExamples)));
      const sentAhead = next ? readAhead(datasetId, { ...request, ...next }, queryKey, next) : null;
      signal.addEventListener('abort', () => sentAhead?.drop(), { once: true });
      try {
        // A turn for the page between the body's last chunk and the rest of its parse (most of
        // it was done while it downloaded: stream-parse.ts).
        await new Promise((resolve) => setTimeout(resolve, 0));
        signal.throwIfAborted();
        const path = groupedRunsPath(datasetId);
        return (await parseGroupedRunsText(text, path, { signal, streamed })).result;
      } catch (error) {
        sentAhead?.drop();
        throw error;
      }
    },
    initialPageParam: { offset: 0, limit: firstLimit } as PageSlice,
    getNextPageParam: (_last, pages, lastSlice) =>
      nextSlice(lastSlice, Math.max(...pages.map(totalExamples))),
    // Results are large and always new: comparing them with the last one would walk them.
    structuralSharing: false,
  });
}

/** Requests sent ahead of their page (one at most), by query and slice. */
const ahead = new Map<
  string,
  { body: Promise<GroupedRunsBodyText>; controller: AbortController }
>();

function aheadKey(queryKey: QueryKey, slice: PageSlice): string {
  return `${hashKey(queryKey)}|${slice.offset}|${slice.limit}`;
}

/** Sends a page's request before its turn; `drop` cancels it if it is not taken yet. */
function readAhead(
  datasetId: string,
  request: GroupedRunsRequest,
  queryKey: QueryKey,
  slice: PageSlice,
): { drop: () => void } {
  const key = aheadKey(queryKey, slice);
  ahead.get(key)?.controller.abort();
  const controller = new AbortController();
  const body = sendPage(datasetId, request, controller.signal);
  // Its failure is its page's to report, when the page takes it.
  body.catch(() => undefined);
  const entry = { body, controller };
  ahead.set(key, entry);
  return {
    drop: () => {
      if (ahead.get(key) !== entry) return;
      ahead.delete(key);
      controller.abort();
      // Already downloaded: its parse at idle moments stops too.
      body.then((page) => page.streamed.cancel()).catch(() => undefined);
    },
  };
}

/** A page's body: the request sent ahead for it, else a new one. */
async function pageBody(
  datasetId: string,
  request: GroupedRunsRequest,
  queryKey: QueryKey,
  slice: PageSlice,
  signal: AbortSignal,
): Promise<GroupedRunsBodyText> {
  const key = aheadKey(queryKey, slice);
  const sent = ahead.get(key);
  ahead.delete(key);
  const controller = sent?.controller ?? new AbortController();
  const stop = () => controller.abort(signal.reason);
  if (signal.aborted) stop();
  signal.addEventListener('abort', stop, { once: true });
  try {
    const body = await (sent?.body ?? sendPage(datasetId, request, controller.signal));
    signal.throwIfAborted();
    return body;
  } finally {
    signal.removeEventListener('abort', stop);
  }
}

async function sendPage(
  datasetId: string,
  request: GroupedRunsRequest,
  signal: AbortSignal,
): Promise<GroupedRunsBodyText> {
  const built = buildGroupedRunsBody(request);
  if (!built.ok) throw built.error;
  return fetchGroupedRunsBody(groupedRunsPath(datasetId), built.body, { signal });
}
