/**
 * Raw LangSmith JSON shapes as the mocks store and serve them (the wire format, not the app's
 * normalised model). Field names follow spec/langsmith-openapi-subset.json.
 */

export type JsonValue =
  | string
  | number
  | boolean
  | null
  | JsonValue[]
  | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export interface ApiDataset {
  id: string;
  tenant_id: string;
  name: string;
  description: string | null;
  created_at: string;
  modified_at: string;
  inputs_schema_definition: JsonObject | null;
  outputs_schema_definition: JsonObject | null;
  externally_managed: boolean;
  transformations: null;
  data_type: 'kv' | 'llm' | 'chat';
  example_count: number | null;
  session_count: number;
  last_session_start_time: string | null;
  metadata: JsonObject | null;
  baseline_experiment_id: string | null;
}

/** A session as stored: identity and metadata only; stats are derived from its runs. */
export interface ApiSessionBase {
  id: string;
  tenant_id: string;
  name: string;
  description: string | null;
  start_time: string;
  end_time: string | null;
  extra: JsonObject | null;
  default_dataset_id: string | null;
  reference_dataset_id: string | null;
  /** Real servers sometimes leave this out; so do some demo sessions. */
  trace_tier?: 'longlived' | 'shortlived' | null;
  test_run_number: number | null;
}

export interface SessionStats {
  run_count: number | null;
  latency_p50: number | null;
  latency_p99: number | null;
  first_token_p50: number | null;
  first_token_p99: number | null;
  total_tokens: number | null;
  prompt_tokens: number | null;
  completion_tokens: number | null;
  total_cost: string | null;
  prompt_cost: string | null;
  completion_cost: string | null;
  last_run_start_time: string | null;
  last_run_start_time_live: string | null;
  feedback_stats: Record<string, FeedbackStatsEntry> | null;
  session_feedback_stats: Record<string, FeedbackStatsEntry> | null;
  run_facets: JsonObject[] | null;
  error_rate: number | null;
  streaming_rate: number | null;
}

export type ApiTracerSession = ApiSessionBase & SessionStats;

export interface ApiExample {
  id: string;
  dataset_id: string;
  name: string;
  inputs: JsonObject;
  outputs: JsonObject | null;
  metadata: JsonObject | null;
  created_at: string;
  modified_at: string | null;
  source_run_id: string | null;
  attachment_urls: JsonObject | null;
}

export interface ApiFeedbackSource {
  type: string | null;
  metadata: JsonObject | null;
  user_id: string | null;
  ls_user_id: string | null;
  user_name: string | null;
}

export interface ApiFeedback {
  id: string;
  key: string;
  score: number | boolean | null;
  value: number | boolean | string | JsonObject | null;
  comment: string | null;
  correction: JsonObject | string | null;
  created_at: string;
  modified_at: string;
  feedback_group_id: string | null;
  comparative_experiment_id: string | null;
  run_id: string | null;
  session_id: string | null;
  trace_id: string | null;
  start_time: string | null;
  is_root: boolean;
  feedback_source: ApiFeedbackSource | null;
  extra: JsonObject | null;
  feedback_thread_id: string | null;
}

/** One key of a feedback_stats object, in its 2025-26 shape. */
export interface FeedbackStatsEntry {
  n: number;
  avg: number | null;
  stdev: number | null;
  errors: number;
  values: Record<string, number>;
  comments: string[];
  sources: string[];
  session_min_score: number | null;
  session_max_score: number | null;
  show_feedback_arrow: boolean;
  contains_thread_feedback: boolean;
}

/** RunSchemaComparisonView. Some keys are left out on some runs, as real payloads do. */
export interface ApiRun {
  id: string;
  trace_id: string;
  name: string;
  run_type: 'chain' | 'llm' | 'tool' | 'retriever' | 'embedding' | 'prompt' | 'parser';
  session_id: string;
  reference_example_id?: string | null;
  parent_run_id?: string | null;
  start_time: string;
  end_time: string | null;
  status: string;
  error?: string | null;
  inputs: JsonObject | null;
  outputs: JsonObject | null;
  inputs_preview?: string | null;
  outputs_preview?: string | null;
  extra: JsonObject | null;
  execution_order: number;
  serialized: JsonObject | null;
  events: JsonObject[] | null;
  tags?: string[] | null;
  manifest_id: string | null;
  manifest_s3_id: string | null;
  inputs_s3_urls: JsonObject | null;
  outputs_s3_urls: JsonObject | null;
  s3_urls: JsonObject | null;
  dotted_order: string | null;
  trace_min_start_time: string | null;
  trace_max_start_time: string | null;
  total_tokens: number | null;
  prompt_tokens: number | null;
  completion_tokens: number | null;
  total_cost: string | null;
  prompt_cost: string | null;
  completion_cost: string | null;
  feedback_stats: Record<string, FeedbackStatsEntry> | null;
  app_path: string | null;
  feedbacks: ApiFeedback[];
}

export type GroupKey = string | number;

export type ApiGroupedSession = ApiTracerSession & {
  example_count: number | null;
  filter: string;
  min_start_time: string | null;
  max_start_time: string | null;
};

export type ApiExampleWithRuns = ApiExample & { runs: ApiRun[] };

export interface ApiExampleGroup {
  group_key: GroupKey;
  filter: string;
  count: number | null;
  total_tokens: number | null;
  prompt_tokens: number | null;
  completion_tokens: number | null;
  total_cost: string | null;
  prompt_cost: string | null;
  completion_cost: string | null;
  min_start_time: string | null;
  max_start_time: string | null;
  latency_p50: number | null;
  latency_p99: number | null;
  error_rate: number | null;
  feedback_stats: Record<string, FeedbackStatsEntry> | null;
  sessions: ApiGroupedSession[];
  examples: ApiExampleWithRuns[];
  example_count: number;
}

export interface ApiGroupedResponse {
  groups: ApiExampleGroup[];
}

/** One entry of FastAPI's 422 `detail` list. */
export interface ValidationIssue {
  loc: (string | number)[];
  msg: string;
  type: string;
  input?: unknown;
  ctx?: Record<string, unknown>;
}

/** What every pure endpoint function returns, so MSW and a plain Node server can both serve it. */
export interface ApiResult<T = unknown> {
  status: number;
  body: T;
}
