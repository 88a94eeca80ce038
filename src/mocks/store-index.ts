import type { ApiExample, ApiSessionBase, ApiTracerSession, JsonValue } from './api-types';
import type { DatasetContent } from './generator';
import { RunAccumulator, type RunAggregate, type RunFacts, runFacts } from './stats';

/**
 * Lookups over one dataset's content, built once and cached against the content object
 * (content is immutable once built), so a 10,000 × 8 dataset is scanned once, not per request.
 */
export interface ContentIndex {
  examplesById: Map<string, ApiExample>;
  /** Position of each example in the stable order (created_at, then id). */
  exampleRank: Map<string, number>;
  /** Each session's runs with their derived numbers, oldest first. */
  factsBySession: Map<string, RunFacts[]>;
  /** Whole-session stats, computed on first use (groups that cover a session reuse them). */
  sessionStats: Map<string, RunAccumulator>;
  /** Metadata value counts per session, computed on first use. */
  metadataCounts: Map<string, Map<string, Map<string, number>>>;
}

const indexes = new WeakMap<DatasetContent, ContentIndex>();

function compareExamples(a: ApiExample, b: ApiExample): number {
  if (a.created_at !== b.created_at) return a.created_at < b.created_at ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function indexContent(content: DatasetContent): ContentIndex {
  let index = indexes.get(content);
  if (index) return index;
  const examplesById = new Map<string, ApiExample>();
  for (const example of content.examples) examplesById.set(example.id, example);
  const sorted = [...content.examples].sort(compareExamples);
  const exampleRank = new Map<string, number>();
  sorted.forEach((example, i) => {
    exampleRank.set(example.id, i);
  });

  const factsBySession = new Map<string, RunFacts[]>();
  for (const run of content.runs) {
    let list = factsBySession.get(run.session_id);
    if (!list) {
      list = [];
      factsBySession.set(run.session_id, list);
    }
    list.push(runFacts(run));
  }
  for (const list of factsBySession.values()) {
    list.sort((a, b) => a.startMicros - b.startMicros || (a.run.id < b.run.id ? -1 : 1));
  }
  index = {
    examplesById,
    exampleRank,
    factsBySession,
    sessionStats: new Map(),
    metadataCounts: new Map(),
  };
  indexes.set(content, index);
  return index;
}

export function sessionFacts(index: ContentIndex, sessionId: string): RunFacts[] {
  return index.factsBySession.get(sessionId) ?? [];
}

export function sessionAccumulator(index: ContentIndex, sessionId: string): RunAccumulator {
  let acc = index.sessionStats.get(sessionId);
  if (!acc) {
    acc = new RunAccumulator();
    for (const fact of sessionFacts(index, sessionId)) acc.add(fact);
    index.sessionStats.set(sessionId, acc);
  }
  return acc;
}

export function sessionAggregate(index: ContentIndex, sessionId: string): RunAggregate {
  return sessionAccumulator(index, sessionId).aggregate();
}

/** A session as GET /sessions returns it: its own fields plus stats (all null when empty). */
export function tracerSession(base: ApiSessionBase, stats: RunAggregate | null): ApiTracerSession {
  const has = stats !== null && stats.run_count !== null;
  return {
    ...base,
    run_count: stats?.run_count ?? null,
    latency_p50: stats?.latency_p50 ?? null,
    latency_p99: stats?.latency_p99 ?? null,
    first_token_p50: null,
    first_token_p99: null,
    total_tokens: stats?.total_tokens ?? null,
    prompt_tokens: stats?.prompt_tokens ?? null,
    completion_tokens: stats?.completion_tokens ?? null,
    total_cost: stats?.total_cost ?? null,
    prompt_cost: stats?.prompt_cost ?? null,
    completion_cost: stats?.completion_cost ?? null,
    last_run_start_time: stats?.max_start_time ?? null,
    last_run_start_time_live: null,
    feedback_stats: stats?.feedback_stats ?? null,
    session_feedback_stats: has ? {} : null,
    run_facets: null,
    error_rate: stats?.error_rate ?? null,
    streaming_rate: has ? 0 : null,
  };
}

/** The string a metadata value is listed under (the metadata endpoint returns strings only). */
function metadataValueText(value: JsonValue): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function sessionMetadataCounts(
  index: ContentIndex,
  sessionId: string,
): Map<string, Map<string, number>> {
  let counts = index.metadataCounts.get(sessionId);
  if (counts) return counts;
  counts = new Map();
  for (const { run } of sessionFacts(index, sessionId)) {
    const metadata = run.extra?.metadata;
    if (!metadata || typeof metadata !== 'object' || Array.isArray(metadata)) continue;
    for (const [key, value] of Object.entries(metadata)) {
      if (value === null || value === undefined) continue;
      let values = counts.get(key);
      if (!values) {
        values = new Map();
        counts.set(key, values);
      }
      const text = metadataValueText(value);
      values.set(text, (values.get(text) ?? 0) + 1);
    }
  }
  index.metadataCounts.set(sessionId, counts);
  return counts;
}
