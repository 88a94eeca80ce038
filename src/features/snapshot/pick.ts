import { type RecordedAnswer, SNAPSHOT_DATA_LIMIT } from './recorder';

/** What a snapshot of a view holds: the dataset, the pickers' lists, the sessions' data. */
export interface SnapshotScope {
  datasetId: string;
  sessionIds: readonly string[];
}

export type Pick =
  | { ok: true; answers: RecordedAnswer[]; size: number }
  | { ok: false; reason: string; size: number };

const MB = 1024 * 1024;

export function formatMegabytes(size: number): string {
  return `${(size / MB).toFixed(size < 10 * MB ? 1 : 0)} MB`;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const sorted = [...b].sort();
  return [...a].sort().every((id, i) => id === sorted[i]);
}

function readSessionIds(body: string | null): string[] | null {
  if (body === null) return null;
  try {
    const parsed = JSON.parse(body) as { session_ids?: unknown };
    return Array.isArray(parsed.session_ids)
      ? parsed.session_ids.filter((id): id is string => typeof id === 'string')
      : null;
  } catch {
    return null;
  }
}

/** Whether a recorded answer is part of the view: the view's requests and the pickers' lists. */
export function usedByView(answer: RecordedAnswer, scope: SnapshotScope): boolean {
  const [path = '', query = ''] = answer.url.split('?');
  const dataset = encodeURIComponent(scope.datasetId);
  if (answer.method === 'POST') {
    if (path !== `/api/v1/datasets/${dataset}/group/runs`) return false;
    const ids = readSessionIds(answer.body);
    return ids !== null && sameSet(ids, scope.sessionIds);
  }
  if (path === '/api/v1/datasets' || path === `/api/v1/datasets/${dataset}`) return true;
  if (path === '/api/v1/sessions') {
    return new URLSearchParams(query).getAll('reference_dataset').includes(scope.datasetId);
  }
  const metadata = /^\/api\/v1\/sessions\/([^/]+)\/metadata$/.exec(path);
  return metadata !== null && scope.sessionIds.includes(decodeURIComponent(metadata[1] ?? ''));
}

/**
 * The answers a snapshot of the view embeds, or why there is nothing (or too much) to save.
 * The reasons are shown beside the disabled button, so they say what to do.
 */
export function pickAnswers(
  answers: readonly RecordedAnswer[],
  scope: SnapshotScope,
  { failed = false, limit = SNAPSHOT_DATA_LIMIT }: { failed?: boolean; limit?: number } = {},
): Pick {
  const used = answers.filter((answer) => usedByView(answer, scope));
  const size = used.reduce((sum, answer) => sum + answer.size, 0);
  if (size <= limit && used.some((answer) => answer.evicted)) {
    return {
      ok: false,
      size,
      reason: `Part of this view’s data was let go to keep the page under ${formatMegabytes(limit)}. Reload the page to save a snapshot of it.`,
    };
  }
  if (size > limit || used.some((answer) => answer.text === null)) {
    return {
      ok: false,
      size,
      reason: `This view holds ${formatMegabytes(size)} of data, above the ${formatMegabytes(limit)} a snapshot can hold. Show fewer experiments or examples to save one.`,
    };
  }
  if (!used.some((answer) => answer.method === 'POST')) {
    return {
      ok: false,
      size,
      reason: failed
        ? 'Nothing to save: this view’s data did not load. Retry, then save a snapshot.'
        : 'Nothing to save yet: this view’s data is still loading.',
    };
  }
  return { ok: true, answers: used, size };
}
