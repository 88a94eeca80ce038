import { markDataReady, markResponseReceived } from '../../lib/perf-marks';
import type { BodyText } from '../body-text';
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
  const { text, streamed } = await fetchGroupedRunsBody(path, built.body, {
    signal,
    readAfter,
    progressiveFrom: progressiveFrom(parseOptions),
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

/** A group/runs body, and what was located and parsed of it while it downloaded. */
export interface GroupedRunsBodyText {
  text: BodyText;
  streamed: StreamedGroupedRuns;
}

/**
 * Sends a group/runs request and reads its body; a large one is located and parsed as it
 * downloads (stream-parse.ts), for `parseGroupedRunsText` to take up.
 */
export async function fetchGroupedRunsBody(
  path: string,
  body: GroupedRunsBody,
  options: { signal?: AbortSignal; readAfter?: Promise<unknown>; progressiveFrom?: number } = {},
): Promise<GroupedRunsBodyText> {
  const streamed = new StreamedGroupedRuns(options.progressiveFrom ?? progressiveFrom({}));
  try {
    const text = await fetchRaw(path, {
      method: 'POST',
      body,
      signal: options.signal,
      raw: true,
      readAfter: options.readAfter,
      onText: (piece) => streamed.feed(piece),
    });
    return { text, streamed };
  } catch (error) {
    // A broken or cancelled download: what it had parsed at idle moments stops there.
    streamed.cancel();
    throw error;
  }
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
