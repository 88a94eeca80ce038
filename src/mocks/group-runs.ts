import type {
  ApiExample,
  ApiExampleGroup,
  ApiExampleWithRuns,
  ApiGroupedResponse,
  ApiGroupedSession,
  ApiResult,
  ApiRun,
  GroupKey,
  JsonObject,
  JsonValue,
  ValidationIssue,
} from './api-types';
import type { WorkspaceStore } from './generator';
import { compileRunFilters } from './run-filter';
import { RunAccumulator, type RunAggregate, type RunFacts } from './stats';
import {
  type ContentIndex,
  indexContent,
  sessionAccumulator,
  sessionFacts,
  tracerSession,
} from './store-index';
import {
  checkBool,
  checkEnum,
  checkInt,
  checkUuid,
  issue,
  missing,
  validationError,
} from './validation';

/**
 * POST /api/v1/datasets/{dataset_id}/group/runs as a pure function over a store.
 *
 * Interpretation choices (the spec leaves them open):
 * - A group's sessions are the selected sessions with at least one run in the group, in the
 *   order of `session_ids`.
 * - `examples` are the examples every one of the group's sessions ran (the intersection),
 *   ordered by example created_at then id, paged by offset/limit; `example_count` is the
 *   intersection's size before paging.
 * - `per_group_limit` caps the runs of each session on each example (oldest first), so an
 *   experiment with 3 repetitions shows 3 runs per example unless the cap is lower.
 * - Stats (per session and per group) cover all of the group's runs, not just the page and
 *   not just the shared examples. Group latencies are percentiles over the group's runs,
 *   `error_rate` is errors / runs over the group, feedback_stats pool every feedback (which
 *   is the run-weighted average across sessions).
 * - Groups are ordered by key: numbers ascending, then strings by code point. Values that are
 *   null or absent leave the run out; booleans and objects are keyed by their JSON text, as
 *   `group_key` may only be a string or a number.
 * - `filters` (session id -> filter strings) narrow that session's runs before grouping; see
 *   run-filter.ts for the supported subset.
 * - `preview: true` replaces run inputs/outputs with short strings (`*_preview`).
 */

export type GroupBy = 'run_metadata' | 'example_metadata';
const GROUP_BY: readonly GroupBy[] = ['run_metadata', 'example_metadata'];

export interface GroupRunsQuery {
  session_ids: string[];
  group_by: GroupBy;
  metadata_key: string;
  offset: number;
  limit: number;
  per_group_limit: number;
  preview: boolean;
  filters: Record<string, string[]> | null;
}

export const PREVIEW_CHARS = 200;

type ErrorBody = { detail: ValidationIssue[] } | { detail: string };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Checks a request body the way pydantic would check QueryGroupedExamplesWithRuns. */
export function parseGroupRunsBody(
  body: unknown,
): { ok: true; query: GroupRunsQuery } | { ok: false; issues: ValidationIssue[] } {
  const issues: ValidationIssue[] = [];
  if (body === undefined) return { ok: false, issues: [missing(['body'], null)] };
  if (!isPlainObject(body)) {
    return {
      ok: false,
      issues: [
        issue(
          ['body'],
          'model_attributes_type',
          'Input should be a valid dictionary or object to extract fields from',
          body,
        ),
      ],
    };
  }

  const sessionIds: string[] = [];
  if (!('session_ids' in body)) issues.push(missing(['body', 'session_ids'], body));
  else if (!Array.isArray(body.session_ids)) {
    issues.push(
      issue(['body', 'session_ids'], 'list_type', 'Input should be a valid list', body.session_ids),
    );
  } else {
    const raw = body.session_ids as unknown[];
    raw.forEach((value, i) => {
      const id = checkUuid(value, ['body', 'session_ids', i], issues);
      if (id && !sessionIds.includes(id)) sessionIds.push(id);
    });
    if (raw.length === 0) {
      issues.push(
        issue(
          ['body', 'session_ids'],
          'too_short',
          'List should have at least 1 item after validation, not 0',
          raw,
          {
            field_type: 'List',
            min_length: 1,
            actual_length: 0,
          },
        ),
      );
    }
  }

  let groupBy: GroupBy | null = null;
  if (!('group_by' in body)) issues.push(missing(['body', 'group_by'], body));
  else groupBy = checkEnum(body.group_by, GROUP_BY, ['body', 'group_by'], issues);

  let metadataKey: string | null = null;
  if (!('metadata_key' in body)) issues.push(missing(['body', 'metadata_key'], body));
  else if (typeof body.metadata_key !== 'string') {
    issues.push(
      issue(
        ['body', 'metadata_key'],
        'string_type',
        'Input should be a valid string',
        body.metadata_key,
      ),
    );
  } else metadataKey = body.metadata_key;

  const int = (name: string, fallback: number, bounds: { ge?: number; le?: number }) =>
    name in body ? (checkInt(body[name], ['body', name], bounds, issues) ?? fallback) : fallback;
  const offset = int('offset', 0, { ge: 0 });
  const limit = int('limit', 10, { ge: 1 });
  const perGroupLimit = int('per_group_limit', 5, { ge: 1, le: 10 });
  const preview =
    'preview' in body ? (checkBool(body.preview, ['body', 'preview'], issues) ?? false) : false;

  let filters: Record<string, string[]> | null = null;
  const rawFilters = body.filters;
  if (rawFilters !== undefined && rawFilters !== null) {
    if (!isPlainObject(rawFilters)) {
      issues.push(
        issue(['body', 'filters'], 'dict_type', 'Input should be a valid dictionary', rawFilters),
      );
    } else {
      filters = {};
      for (const [key, value] of Object.entries(rawFilters)) {
        // pydantic reports a bad dict key at (..., key, '[key]').
        const id = checkUuid(key, ['body', 'filters', key, '[key]'], issues);
        if (!Array.isArray(value)) {
          issues.push(
            issue(['body', 'filters', key], 'list_type', 'Input should be a valid list', value),
          );
          continue;
        }
        const texts: string[] = [];
        value.forEach((item, i) => {
          if (typeof item === 'string') texts.push(item);
          else
            issues.push(
              issue(
                ['body', 'filters', key, i],
                'string_type',
                'Input should be a valid string',
                item,
              ),
            );
        });
        if (id) filters[id] = texts;
      }
    }
  }

  if (issues.length > 0 || groupBy === null || metadataKey === null) {
    return { ok: false, issues };
  }
  return {
    ok: true,
    query: {
      session_ids: sessionIds,
      group_by: groupBy,
      metadata_key: metadataKey,
      offset,
      limit,
      per_group_limit: perGroupLimit,
      preview,
      filters,
    },
  };
}

/** A value's group key, or undefined when the run or example has no usable value. */
function toGroupKey(value: JsonValue | undefined): GroupKey | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  return JSON.stringify(value);
}

function compareGroupKeys(a: GroupKey, b: GroupKey): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function filterLiteral(value: GroupKey): string {
  return typeof value === 'number'
    ? String(value)
    : `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** The LangSmith filter that selects a group's runs (`eq(is_root, true)` plus the key/value). */
export function groupFilter(groupBy: GroupBy, key: string, value: GroupKey): string {
  // Example metadata has no documented filter form; this mirrors the run-metadata one.
  const [keyField, valueField] =
    groupBy === 'run_metadata'
      ? ['metadata_key', 'metadata_value']
      : ['example_metadata_key', 'example_metadata_value'];
  return `and(eq(is_root, true), and(eq(${keyField}, ${filterLiteral(key)}), eq(${valueField}, ${filterLiteral(value)})))`;
}

interface SessionSlice {
  sessionId: string;
  stats: RunAccumulator;
  /** This session's runs in the group, per example, oldest first. */
  byExample: Map<string, ApiRun[]>;
}

/** Everything about a group except its page of examples; cached across pages. */
interface GroupState {
  key: GroupKey;
  filter: string;
  slices: SessionSlice[];
  aggregate: RunAggregate;
  sessions: ApiGroupedSession[];
  shared: ApiExample[];
}

const MAX_CACHED_GROUPINGS = 8;
/** Per dataset index, a small LRU of groupings: paging through one costs a slice, not a scan. */
const groupingCache = new WeakMap<ContentIndex, Map<string, GroupState[]>>();

/** Everything but paging and projection decides a grouping; the cache lives on the index. */
function groupingCacheKey(query: GroupRunsQuery): string {
  return JSON.stringify([query.session_ids, query.group_by, query.metadata_key, query.filters]);
}

function buildGrouping(
  store: WorkspaceStore,
  index: ContentIndex,
  query: GroupRunsQuery,
): GroupState[] {
  // Map keys compare by SameValueZero, so 1 and '1' stay separate groups, as JSON types differ.
  const byKey = new Map<GroupKey, Map<string, RunFacts[]>>();
  const filtered = new Set<string>();
  for (const sessionId of query.session_ids) {
    const keep = compileRunFilters(query.filters?.[sessionId] ?? []);
    if (keep) filtered.add(sessionId);
    for (const facts of sessionFacts(index, sessionId)) {
      if (keep && !keep(facts)) continue;
      let raw: JsonValue | undefined;
      if (query.group_by === 'run_metadata') {
        const metadata = facts.run.extra?.metadata;
        raw =
          metadata && typeof metadata === 'object' && !Array.isArray(metadata)
            ? (metadata as JsonObject)[query.metadata_key]
            : undefined;
      } else {
        const exampleId = facts.run.reference_example_id;
        const example = exampleId ? index.examplesById.get(exampleId) : undefined;
        raw = example?.metadata?.[query.metadata_key];
      }
      const key = toGroupKey(raw);
      if (key === undefined) continue;
      let perSession = byKey.get(key);
      if (!perSession) {
        perSession = new Map();
        byKey.set(key, perSession);
      }
      const list = perSession.get(sessionId);
      if (list) list.push(facts);
      else perSession.set(sessionId, [facts]);
    }
  }

  const sessionsById = new Map(store.sessions.map((s) => [s.id, s]));
  const groups: GroupState[] = [];
  for (const [key, perSession] of byKey) {
    const filter = groupFilter(query.group_by, query.metadata_key, key);
    const slices: SessionSlice[] = [];
    for (const sessionId of query.session_ids) {
      const facts = perSession.get(sessionId);
      if (!facts) continue;
      const byExample = new Map<string, ApiRun[]>();
      for (const f of facts) {
        const exampleId = f.run.reference_example_id;
        if (!exampleId) continue;
        const runs = byExample.get(exampleId);
        if (runs) runs.push(f.run);
        else byExample.set(exampleId, [f.run]);
      }
      // A group holding all of a session's runs (e.g. grouped by model) reuses its stats.
      const whole =
        !filtered.has(sessionId) && facts.length === sessionFacts(index, sessionId).length;
      const stats = whole ? sessionAccumulator(index, sessionId) : new RunAccumulator();
      if (!whole) for (const f of facts) stats.add(f);
      slices.push({ sessionId, stats, byExample });
    }

    const sessions = slices.map((slice): ApiGroupedSession => {
      const base = sessionsById.get(slice.sessionId);
      if (!base) throw new Error(`Session ${slice.sessionId} vanished from the store`);
      const stats = slice.stats.aggregate();
      return {
        ...tracerSession(base, stats),
        example_count: slice.byExample.size,
        filter,
        min_start_time: stats.min_start_time,
        max_start_time: stats.max_start_time,
      };
    });

    // Intersection, starting from the smallest session for speed.
    const bySize = [...slices].sort((a, b) => a.byExample.size - b.byExample.size);
    const [smallest, ...others] = bySize;
    const shared: ApiExample[] = [];
    if (smallest) {
      for (const exampleId of smallest.byExample.keys()) {
        if (!others.every((s) => s.byExample.has(exampleId))) continue;
        const example = index.examplesById.get(exampleId);
        if (example) shared.push(example);
      }
    }
    shared.sort((a, b) => (index.exampleRank.get(a.id) ?? 0) - (index.exampleRank.get(b.id) ?? 0));

    groups.push({
      key,
      filter,
      slices,
      aggregate: slices.reduce((acc, s) => acc.merge(s.stats), new RunAccumulator()).aggregate(),
      sessions,
      shared,
    });
  }
  groups.sort((a, b) => compareGroupKeys(a.key, b.key));
  return groups;
}

// Runs share their example's inputs object, so previews are cached per object, not per run.
const previews = new WeakMap<JsonObject, string>();

function previewText(value: JsonObject | null): string | null {
  if (value === null) return null;
  let text = previews.get(value);
  if (text === undefined) {
    const entries = Object.values(value);
    // A single text field (the usual {question}/{answer}) previews as the text itself.
    const full =
      entries.length === 1 && typeof entries[0] === 'string' ? entries[0] : JSON.stringify(value);
    text = full.length > PREVIEW_CHARS ? `${full.slice(0, PREVIEW_CHARS - 1)}…` : full;
    previews.set(value, text);
  }
  return text;
}

function projectRun(run: ApiRun, preview: boolean): ApiRun {
  if (!preview) return run;
  return {
    ...run,
    inputs: null,
    outputs: null,
    inputs_preview: previewText(run.inputs),
    outputs_preview: previewText(run.outputs),
  };
}

function pageOfExamples(group: GroupState, query: GroupRunsQuery): ApiExampleWithRuns[] {
  return group.shared.slice(query.offset, query.offset + query.limit).map((example) => {
    const runs: ApiRun[] = [];
    for (const slice of group.slices) {
      const list = slice.byExample.get(example.id) ?? [];
      const n = Math.min(list.length, query.per_group_limit);
      for (let i = 0; i < n; i++) runs.push(projectRun(list[i] as ApiRun, query.preview));
    }
    return { ...example, runs };
  });
}

/** Path id, then body, then existence: FastAPI reports every 422 problem before any 404. */
export function groupRuns(
  store: WorkspaceStore,
  datasetIdParam: string,
  body: unknown,
): ApiResult<ApiGroupedResponse | ErrorBody> {
  const issues: ValidationIssue[] = [];
  const datasetId = checkUuid(datasetIdParam, ['path', 'dataset_id'], issues);
  const parsed = parseGroupRunsBody(body);
  if (!parsed.ok) issues.push(...parsed.issues);
  if (issues.length > 0 || datasetId === null || !parsed.ok) return validationError(issues);

  const { query } = parsed;
  const dataset = store.datasets.find((d) => d.id === datasetId);
  if (!dataset) return { status: 404, body: { detail: 'Dataset not found' } };
  for (const sessionId of query.session_ids) {
    const session = store.sessions.find((s) => s.id === sessionId);
    if (!session || session.reference_dataset_id !== datasetId) {
      return { status: 404, body: { detail: `Session ${sessionId} not found` } };
    }
  }

  const index = indexContent(store.contentOf(datasetId));
  let cache = groupingCache.get(index);
  if (!cache) {
    cache = new Map();
    groupingCache.set(index, cache);
  }
  const cacheKey = groupingCacheKey(query);
  let groups = cache.get(cacheKey);
  if (groups) {
    cache.delete(cacheKey); // re-inserted below as the most recent
  } else {
    groups = buildGrouping(store, index, query);
    if (cache.size >= MAX_CACHED_GROUPINGS) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
  }
  cache.set(cacheKey, groups);

  const out: ApiExampleGroup[] = groups.map((group) => ({
    group_key: group.key,
    filter: group.filter,
    count: group.aggregate.run_count,
    total_tokens: group.aggregate.total_tokens,
    prompt_tokens: group.aggregate.prompt_tokens,
    completion_tokens: group.aggregate.completion_tokens,
    total_cost: group.aggregate.total_cost,
    prompt_cost: group.aggregate.prompt_cost,
    completion_cost: group.aggregate.completion_cost,
    min_start_time: group.aggregate.min_start_time,
    max_start_time: group.aggregate.max_start_time,
    latency_p50: group.aggregate.latency_p50,
    latency_p99: group.aggregate.latency_p99,
    error_rate: group.aggregate.error_rate,
    feedback_stats: group.aggregate.feedback_stats,
    sessions: group.sessions,
    examples: pageOfExamples(group, query),
    example_count: group.shared.length,
  }));
  return { status: 200, body: { groups: out } };
}
