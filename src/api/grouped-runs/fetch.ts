import { markDataReady, markResponseReceived } from '../../lib/perf-marks';
import { fetchRaw } from '../client';
import { mostExamples, onlySharedExamples } from './parse';
import { type ParseTextOptions, parseGroupedRunsText, progressiveFrom } from './parse-progressive';
import {
  buildGroupedRunsBody,
  firstScreenBody,
  type GroupedRunsBody,
  type GroupedRunsRequest,
  groupedRunsPath,
} from './request';
import type { GroupedRuns } from './schemas';
import { StreamedGroupedRuns } from './stream-parse';

/** The group/runs fetchers: a page, and the first screen a large page asks for beside it. */

export async function fetchGroupedRuns(
  datasetId: string,
  request: GroupedRunsRequest,
  signal?: AbortSignal,
  options: Omit<ParseTextOptions, 'signal'> & { readAfter?: Promise<unknown> } = {},
): Promise<GroupedRuns> {
  const built = buildGroupedRunsBody(request);
  if (!built.ok) throw built.error;
  const path = groupedRunsPath(datasetId);
  const { readAfter, ...parseOptions } = options;
  // A large body is located and parsed while it downloads (stream-parse.ts).
  const streamed = new StreamedGroupedRuns(progressiveFrom(parseOptions));
  const text = await fetchRaw(path, {
    method: 'POST',
    body: built.body,
    signal,
    raw: true,
    readAfter,
    onText: (piece) => streamed.feed(piece),
  });
  markResponseReceived();
  const { result, busyMs } = await parseGroupedRunsText(text, path, {
    ...parseOptions,
    signal,
    streamed,
  });
  markDataReady(busyMs);
  return result;
}

/**
 * The first examples of a large page, asked for separately: their small response arrives,
 * parses and paints long before a page of thousands of examples has downloaded. Null when
 * it fails or comes back empty: the page's own request decides what the user sees then.
 */
export async function fetchFirstScreen(
  datasetId: string,
  page: GroupedRunsBody,
  signal?: AbortSignal,
): Promise<GroupedRuns | null> {
  const path = groupedRunsPath(datasetId);
  const body = firstScreenBody(page);
  if (!body) return null;
  try {
    const text = await fetchRaw(path, { method: 'POST', body, signal, raw: true });
    const { result } = await parseGroupedRunsText(text, path, { signal });
    const first = page.group_by === 'run_metadata' ? onlySharedExamples(result) : result;
    const shown = mostExamples(first.groups);
    if (shown === 0) return null;
    // The page holds up to `limit` examples of each group, from `offset` on.
    const of = first.groups.reduce(
      (n, g) => Math.max(n, Math.min(page.limit, g.exampleCount - page.offset)),
      shown,
    );
    return { ...first, reading: { examples: shown, of, from: 'first-screen' } };
  } catch {
    return null;
  }
}
