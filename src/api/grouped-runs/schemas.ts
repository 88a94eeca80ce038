import type { Feedback, FeedbackStatsByKey } from '../feedback-stats';
import {
  type AggregateStats,
  aggregateFields,
  decimal,
  id,
  jsonObject,
  optionalId,
  optionalJsonObject,
  text,
  timestamp,
  usageFields,
} from '../primitives';
import { sessionFields, toSession } from '../sessions';
import { z } from '../zod';

/**
 * The response of group/runs, item by item: each schema reads one level (feedback, run,
 * example, group session, group) leniently, and the types are what the app holds.
 */

export const feedbackSchema = z.pipe(
  z.object({
    id: z.string(),
    key: z.string(),
    score: z.optional(z.union([z.number(), z.boolean(), z.string(), z.null()])),
    value: z.optional(z.unknown()),
    comment: text,
    created_at: timestamp,
    feedback_source: z.catch(z.optional(z.nullable(z.object({ type: text }))), null),
  }),
  z.transform(
    (f): Feedback => ({
      id: f.id,
      key: f.key,
      score: scoreToNumber(f.score),
      value: f.value ?? null,
      comment: f.comment,
      createdAt: f.created_at,
      sourceType: f.feedback_source?.type ?? null,
    }),
  ),
);

function scoreToNumber(score: unknown): number | null {
  if (typeof score === 'boolean') return score ? 1 : 0;
  if (typeof score === 'number') return Number.isFinite(score) ? score : null;
  if (typeof score === 'string' && score.trim() !== '') {
    const n = Number(score);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

/** A run's fields as the spec allows them; `toRun` makes the app's Run of them. */
export const runSchema = z.object({
  id,
  session_id: id,
  name: z.optional(z.string()),
  run_type: z.optional(z.string()),
  status: z.optional(z.string()),
  error: text,
  inputs: optionalJsonObject,
  inputs_preview: text,
  outputs: optionalJsonObject,
  outputs_preview: text,
  start_time: timestamp,
  end_time: timestamp,
  ...usageFields,
  feedback_stats: z.optional(z.unknown()),
  feedbacks: z.optional(z.nullable(z.array(z.unknown()))),
  reference_example_id: optionalId,
  trace_id: z.optional(z.nullable(z.string())),
  tags: z.optional(z.nullable(z.array(z.unknown()))),
  app_path: text,
  extra: optionalJsonObject,
});

export type RunFields = z.output<typeof runSchema>;

/**
 * A run as the app holds it, built in one go from its checked fields (by the fast path or by
 * zod) and its feedback: a large response has 80,000 of them, so no intermediate copies.
 */
export function toRun(r: RunFields, feedbacks: Feedback[], feedback: FeedbackStatsByKey) {
  const latency =
    r.start_time !== null && r.end_time !== null && r.end_time >= r.start_time
      ? (r.end_time - r.start_time) / 1000
      : null;
  return {
    id: r.id,
    sessionId: r.session_id,
    name: r.name ?? '',
    runType: r.run_type ?? 'unknown',
    status: r.status ?? (r.error ? 'error' : 'success'),
    error: r.error,
    inputs: r.inputs,
    inputsPreview: r.inputs_preview,
    outputs: r.outputs,
    outputsPreview: r.outputs_preview,
    startTime: r.start_time,
    endTime: r.end_time,
    latency,
    totalTokens: r.total_tokens,
    promptTokens: r.prompt_tokens,
    completionTokens: r.completion_tokens,
    totalCost: r.total_cost,
    promptCost: r.prompt_cost,
    completionCost: r.completion_cost,
    referenceExampleId: r.reference_example_id,
    traceId: r.trace_id ?? null,
    tags: (r.tags ?? []).filter((t): t is string => typeof t === 'string'),
    appPath: r.app_path,
    metadata: readMetadata(r.extra),
    feedbacks,
    /** Per key, from `feedback_stats` when sent, else derived from `feedbacks`. */
    feedback,
  };
}

export type Run = ReturnType<typeof toRun>;

function readMetadata(extra: Record<string, unknown> | null): Record<string, unknown> {
  const metadata = extra?.metadata;
  return metadata && typeof metadata === 'object' && !Array.isArray(metadata)
    ? (metadata as Record<string, unknown>)
    : {};
}

export const exampleSchema = z.object({
  id,
  name: z.optional(z.string()),
  dataset_id: z.optional(z.string()),
  inputs: z.optional(z.nullable(jsonObject)),
  outputs: optionalJsonObject,
  metadata: optionalJsonObject,
  created_at: timestamp,
  modified_at: timestamp,
  runs: z.optional(z.nullable(z.array(z.unknown()))),
});

export interface Example {
  id: string;
  name: string;
  datasetId: string | null;
  inputs: Record<string, unknown>;
  /** The reference outputs. */
  outputs: Record<string, unknown> | null;
  metadata: Record<string, unknown>;
  createdAt: number | null;
  modifiedAt: number | null;
  runs: Run[];
}

export const groupSessionSchema = z.pipe(
  z.object({
    ...sessionFields,
    example_count: decimal,
    filter: z.optional(z.string()),
    min_start_time: timestamp,
    max_start_time: timestamp,
  }),
  z.transform((s) => ({
    ...toSession(s),
    exampleCount: s.example_count,
    filter: s.filter ?? '',
    minStartTime: s.min_start_time,
    maxStartTime: s.max_start_time,
  })),
);

export type GroupSession = z.output<typeof groupSessionSchema>;

export const groupSchema = z.object({
  group_key: z.union([z.string(), z.number()]),
  filter: z.optional(z.string()),
  example_count: decimal,
  count: decimal,
  min_start_time: timestamp,
  max_start_time: timestamp,
  ...aggregateFields,
  sessions: z.optional(z.nullable(z.array(z.unknown()))),
  examples: z.optional(z.nullable(z.array(z.unknown()))),
});

export interface Group {
  key: string | number;
  filter: string;
  /** Examples shared by the group's sessions, before paging. */
  exampleCount: number;
  stats: AggregateStats & { minStartTime: number | null; maxStartTime: number | null };
  sessions: GroupSession[];
  examples: Example[];
}

/** One item that could not be read: where it was and why. The rest still renders. */
export interface DataIssue {
  path: string;
  reason: string;
  value: string;
}

export interface GroupedRuns {
  groups: Group[];
  issues: DataIssue[];
  /**
   * Set on an early result: only the first examples of each group are in it, the rest are
   * still being read. The complete result replaces it. `from` says where it came from: the
   * page's own response (its first rows, read before the rest of a large one) or the
   * first-screen request a large page sends beside it.
   */
  reading?: Reading;
}

export interface Reading {
  examples: number;
  of: number;
  from: 'response' | 'first-screen';
}
