import type { ApiDataset, ApiResult, ApiTracerSession, ValidationIssue } from './api-types';
import type { WorkspaceStore } from './generator';
import type { RunAggregate } from './stats';
import {
  indexContent,
  sessionAggregate,
  sessionMetadataCounts,
  tracerSession,
} from './store-index';
import { checkUuid, issue, QueryReader, validationError } from './validation';

/**
 * The GET endpoints as pure functions of (store, request parts) -> { status, body }, so the
 * MSW handlers stay thin and a plain Node server (benchmarks, stand-in backend) can serve the
 * exact same responses. POST group/runs lives in group-runs.ts.
 */

type ErrorBody = { detail: ValidationIssue[] } | { detail: string };

const DATASET_SORT = [
  'name',
  'created_at',
  'last_session_start_time',
  'example_count',
  'session_count',
  'modified_at',
] as const;
const DATA_TYPES = ['kv', 'llm', 'chat'] as const;
const SESSION_SORT = [
  'name',
  'start_time',
  'last_run_start_time',
  'latency_p50',
  'latency_p99',
  'error_rate',
  'feedback',
  'runs_count',
] as const;

type Sortable = string | number | null | undefined;

/**
 * Nulls sort last in either direction (callers chain tie-breakers for a deterministic order).
 * Timestamps compare as strings: the store writes each field in one fixed format.
 */
function compareSortable(a: Sortable, b: Sortable, desc: boolean): number {
  const aNull = a === null || a === undefined;
  const bNull = b === null || b === undefined;
  if (aNull || bNull) return aNull === bNull ? 0 : aNull ? 1 : -1;
  if (a === b) return 0;
  const order = a < b ? -1 : 1;
  return desc ? -order : order;
}

function page<T>(items: T[], offset: number, limit: number): T[] {
  return items.slice(offset, offset + limit);
}

/** GET /api/v1/datasets. Accepted but not applied: metadata, tag_value_id, exclude_corrections_datasets. */
export function listDatasets(
  store: WorkspaceStore,
  params: URLSearchParams,
): ApiResult<ApiDataset[] | ErrorBody> {
  const q = new QueryReader(params);
  const ids = q.uuids('id');
  const dataTypes = q.enumList('data_type', DATA_TYPES);
  const name = q.text('name');
  const nameContains = q.text('name_contains');
  const offset = q.int('offset', 0, { ge: 0 });
  const limit = q.int('limit', 100, { ge: 1, le: 100 });
  const sortBy = q.enumValue('sort_by', DATASET_SORT, 'last_session_start_time');
  const desc = q.bool('sort_by_desc', true);
  const exclude = q.enumList('exclude', ['example_count'] as const);
  q.bool('exclude_corrections_datasets', false);
  q.uuids('tag_value_id');
  if (q.issues.length > 0) return validationError(q.issues);

  const needle = nameContains?.toLowerCase() ?? null;
  const matches = store.datasets.filter(
    (d) =>
      (ids === null || ids.includes(d.id)) &&
      (dataTypes === null || dataTypes.includes(d.data_type)) &&
      (name === null || d.name === name) &&
      (needle === null || d.name.toLowerCase().includes(needle)),
  );
  matches.sort(
    (a, b) =>
      compareSortable(a[sortBy], b[sortBy], desc) ||
      compareSortable(a.name, b.name, false) ||
      compareSortable(a.id, b.id, false),
  );
  const body = page(matches, offset, limit).map((d) =>
    exclude?.includes('example_count') ? { ...d, example_count: null } : d,
  );
  return { status: 200, body };
}

export function getDataset(
  store: WorkspaceStore,
  datasetIdParam: string,
): ApiResult<ApiDataset | ErrorBody> {
  const issues: ValidationIssue[] = [];
  const id = checkUuid(datasetIdParam, ['path', 'dataset_id'], issues);
  if (id === null) return validationError(issues);
  const dataset = store.datasets.find((d) => d.id === id);
  return dataset
    ? { status: 200, body: dataset }
    : { status: 404, body: { detail: 'Dataset not found' } };
}

function statsOf(
  store: WorkspaceStore,
  sessionId: string,
  datasetId: string | null,
): RunAggregate | null {
  if (datasetId === null) return null;
  return sessionAggregate(indexContent(store.contentOf(datasetId)), sessionId);
}

/**
 * GET /api/v1/sessions. Stats are computed only when asked for (`include_stats`) or needed
 * for sorting, because computing them builds a lazy dataset. Without `include_stats` the
 * stat fields are null, as the real server leaves them.
 * Accepted but not applied: facets, filter, metadata, stats_* and dataset_version.
 */
export function listSessions(
  store: WorkspaceStore,
  params: URLSearchParams,
): ApiResult<ApiTracerSession[] | ErrorBody> {
  const q = new QueryReader(params);
  const referenceFree = params.has('reference_free') ? q.bool('reference_free', false) : null;
  const datasets = q.uuids('reference_dataset');
  const ids = q.uuids('id');
  const name = q.text('name');
  const nameContains = q.text('name_contains');
  const sortBy = q.enumValue('sort_by', SESSION_SORT, 'start_time');
  const desc = q.bool('sort_by_desc', true);
  const feedbackKey = q.text('sort_by_feedback_key');
  const offset = q.int('offset', 0, { ge: 0 });
  const limit = q.int('limit', 100, { ge: 1, le: 100 });
  const includeStats = q.bool('include_stats', false);
  q.bool('facets', false);
  q.bool('use_approx_stats', false);
  q.uuids('tag_value_id');
  q.enumValue('sort_by_feedback_source', ['session', 'run'] as const, 'run');
  if (q.issues.length > 0) return validationError(q.issues);

  const needle = nameContains?.toLowerCase() ?? null;
  const matches = store.sessions.filter(
    (s) =>
      (referenceFree === null || (s.reference_dataset_id === null) === referenceFree) &&
      (datasets === null ||
        (s.reference_dataset_id !== null && datasets.includes(s.reference_dataset_id))) &&
      (ids === null || ids.includes(s.id)) &&
      (name === null || s.name === name) &&
      (needle === null || s.name.toLowerCase().includes(needle)),
  );

  const needsStats = includeStats || !['name', 'start_time'].includes(sortBy);
  const stats = new Map<string, RunAggregate | null>();
  if (needsStats) {
    for (const s of matches) stats.set(s.id, statsOf(store, s.id, s.reference_dataset_id));
  }
  const sortValue = (id: string, fallback: Sortable): Sortable => {
    const st = stats.get(id);
    switch (sortBy) {
      case 'last_run_start_time':
        return st?.max_start_time;
      case 'latency_p50':
      case 'latency_p99':
      case 'error_rate':
        return st?.[sortBy];
      case 'runs_count':
        return st?.run_count;
      case 'feedback':
        return feedbackKey ? st?.feedback_stats?.[feedbackKey]?.avg : null;
      default:
        return fallback;
    }
  };
  matches.sort(
    (a, b) =>
      compareSortable(
        sortValue(a.id, sortBy === 'name' ? a.name : a.start_time),
        sortValue(b.id, sortBy === 'name' ? b.name : b.start_time),
        desc,
      ) ||
      compareSortable(a.start_time, b.start_time, true) ||
      compareSortable(a.id, b.id, false),
  );
  const body = page(matches, offset, limit).map((s) =>
    tracerSession(s, includeStats ? (stats.get(s.id) ?? null) : null),
  );
  return { status: 200, body };
}

/** GET /api/v1/sessions/{id}/metadata: each run-metadata key with its `k` most common values. */
export function sessionMetadata(
  store: WorkspaceStore,
  sessionIdParam: string,
  params: URLSearchParams,
): ApiResult<Record<string, string[]> | ErrorBody> {
  const q = new QueryReader(params);
  const sessionId = checkUuid(sessionIdParam, ['path', 'session_id'], q.issues);
  const keys = q.texts('metadata_keys');
  const k = q.int('k', 10, { ge: 1 });
  q.bool('root_runs_only', false);
  if (q.issues.length > 0 || sessionId === null) return validationError(q.issues);

  const session = store.sessions.find((s) => s.id === sessionId);
  if (!session) return { status: 404, body: { detail: 'Session not found' } };
  if (session.reference_dataset_id === null) return { status: 200, body: {} };
  const counts = sessionMetadataCounts(
    indexContent(store.contentOf(session.reference_dataset_id)),
    sessionId,
  );
  const body: Record<string, string[]> = {};
  for (const [key, values] of counts) {
    if (keys !== null && !keys.includes(key)) continue;
    body[key] = [...values]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .slice(0, k)
      .map(([value]) => value);
  }
  return { status: 200, body };
}

/** A request body that is not JSON gets FastAPI's 422, not a 400. */
export function parseJsonBody(
  text: string,
): { ok: true; value: unknown } | { ok: false; result: ApiResult<ErrorBody> } {
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'Expecting value';
    return {
      ok: false,
      result: validationError([
        issue(['body', 0], 'json_invalid', 'JSON decode error', {}, { error: reason }),
      ]),
    };
  }
}
