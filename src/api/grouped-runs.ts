import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { setOwn } from '../lib/own-keys';
import { MEASURES, markDataReady, markResponseReceived, measureSince } from '../lib/perf-marks';
import { fetchRaw, formatPath, notJsonError, parseJsonText } from './client';
import { ApiError, describeValue } from './errors';
import {
  type FeedbackStatsByKey,
  normaliseFeedbackStats,
  normaliseKeyStats,
} from './feedback-stats';
import { parseGroupMembers, type Span, scanGroupedRuns } from './json-scan';
import {
  type AggregateStats,
  aggregateFields,
  count,
  id,
  jsonObject,
  optionalId,
  optionalJsonObject,
  text,
  timestamp,
  toAggregate,
  usageFields,
} from './primitives';
import { queryKeys, sortedUnique } from './query-keys';
import { readRunFields } from './run-fast-path';
import { sessionFields, toSession } from './sessions';

/** POST /api/v1/datasets/{dataset_id}/group/runs — "Read Examples With Runs Grouped". */

// ---------- request ----------

export const GROUP_BY_VALUES = ['run_metadata', 'example_metadata'] as const;
export type GroupBy = (typeof GROUP_BY_VALUES)[number];

/** The spec's constraints, checked before a body is sent, so the server never has to 422. */
export const groupedRunsRequestSchema = z.object({
  session_ids: z.array(z.guid()).min(1),
  offset: z.int().min(0).default(0),
  limit: z.int().min(1).default(10),
  preview: z.boolean().default(false),
  group_by: z.enum(GROUP_BY_VALUES),
  metadata_key: z.string(),
  per_group_limit: z.int().min(1).max(10).default(5),
  filters: z.record(z.guid(), z.array(z.string())).nullable().optional(),
});

export type GroupedRunsRequest = z.input<typeof groupedRunsRequestSchema>;
/** A request as sent: checked against the spec, defaults filled in. */
export type GroupedRunsBody = z.output<typeof groupedRunsRequestSchema>;

// ---------- response items ----------

export interface Feedback {
  id: string;
  key: string;
  /** Booleans become 1/0 so that every score is a number. */
  score: number | null;
  value: unknown;
  comment: string | null;
  createdAt: number | null;
  sourceType: string | null;
}

const feedbackSchema = z
  .object({
    id: z.string(),
    key: z.string(),
    score: z.union([z.number(), z.boolean(), z.string(), z.null()]).optional(),
    value: z.unknown().optional(),
    comment: text,
    created_at: timestamp,
    feedback_source: z.object({ type: text }).nullable().optional().catch(null),
  })
  .transform(
    (f): Feedback => ({
      id: f.id,
      key: f.key,
      score: scoreToNumber(f.score),
      value: f.value ?? null,
      comment: f.comment,
      createdAt: f.created_at,
      sourceType: f.feedback_source?.type ?? null,
    }),
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

const runFields = z.object({
  id,
  session_id: id,
  name: z.string().optional(),
  run_type: z.string().optional(),
  status: z.string().optional(),
  error: text,
  inputs: optionalJsonObject,
  inputs_preview: text,
  outputs: optionalJsonObject,
  outputs_preview: text,
  start_time: timestamp,
  end_time: timestamp,
  ...usageFields,
  feedback_stats: z.unknown().optional(),
  feedbacks: z.array(z.unknown()).nullable().optional(),
  reference_example_id: optionalId,
  trace_id: z.string().nullable().optional(),
  tags: z.array(z.unknown()).nullable().optional(),
  app_path: text,
  extra: optionalJsonObject,
});

type RunFields = z.output<typeof runFields>;

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

/** A run's fields as the spec allows them; `toRun` makes the app's Run of them. */
export const runSchema = runFields;

export type Run = ReturnType<typeof toRun>;

function readMetadata(extra: Record<string, unknown> | null): Record<string, unknown> {
  const metadata = extra?.metadata;
  return metadata && typeof metadata === 'object' && !Array.isArray(metadata)
    ? (metadata as Record<string, unknown>)
    : {};
}

const exampleSchema = z.object({
  id,
  name: z.string().optional(),
  dataset_id: z.string().optional(),
  inputs: jsonObject.nullable().optional(),
  outputs: optionalJsonObject,
  metadata: optionalJsonObject,
  created_at: timestamp,
  modified_at: timestamp,
  runs: z.array(z.unknown()).nullable().optional(),
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

const groupSessionSchema = z
  .object({
    ...sessionFields,
    example_count: count,
    filter: z.string().optional(),
    min_start_time: timestamp,
    max_start_time: timestamp,
  })
  .transform((s) => ({
    ...toSession(s),
    exampleCount: s.example_count,
    filter: s.filter ?? '',
    minStartTime: s.min_start_time,
    maxStartTime: s.max_start_time,
  }));

export type GroupSession = z.output<typeof groupSessionSchema>;

const groupSchema = z.object({
  group_key: z.union([z.string(), z.number()]),
  filter: z.string().optional(),
  example_count: count,
  count: count,
  min_start_time: timestamp,
  max_start_time: timestamp,
  ...aggregateFields,
  sessions: z.array(z.unknown()).nullable().optional(),
  examples: z.array(z.unknown()).nullable().optional(),
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

/** The most examples any group holds. */
function mostExamples(groups: readonly { examples: readonly unknown[] }[]): number {
  return groups.reduce((n, g) => Math.max(n, g.examples.length), 0);
}

const envelopeSchema = z.object({ groups: z.array(z.unknown()) });

/** A group as the server sent it, with its examples read lazily (see json-scan.ts). */
interface RawGroup {
  /** The group object; its "examples" is an empty stand-in when `examples` is given. */
  fields: unknown;
  examples: Iterable<unknown> | null;
}

/**
 * Parses a grouped-runs response item by item: a malformed group, session, example or run
 * is set aside with its path and reason, and everything else is kept.
 */
export function parseGroupedRuns(json: unknown, path = 'group/runs'): GroupedRuns {
  return runToEnd(parseSteps(rawGroupsOf(json, path)));
}

function runToEnd<T>(steps: Generator<void, T>): T {
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/** Longest stretch of parsing before the browser gets a turn (keeps frames and input alive). */
const SLICE_MS = 40;

/**
 * Runs the steps in slices of at most SLICE_MS, giving the browser a turn in between. The
 * parse measure counts the time spent in the steps, not the turns given away.
 */
async function runSliced<T>(
  steps: Generator<void, T>,
  busy: { ms: number },
  signal?: AbortSignal,
): Promise<T> {
  let sliceStart = performance.now();
  let step = steps.next();
  while (!step.done) {
    const now = performance.now();
    if (now - sliceStart > SLICE_MS) {
      busy.ms += now - sliceStart;
      await yieldToPage();
      signal?.throwIfAborted();
      sliceStart = performance.now();
    }
    step = steps.next();
  }
  busy.ms += performance.now() - sliceStart;
  return step.value;
}

/** Examples per group in the early result of a large response. */
export const FIRST_ROWS = 60;
/** Responses shorter than this are parsed whole: an early result would not be seen. */
const EARLY_RESULT_MIN_CHARS = 2_000_000;

export interface ParseTextOptions {
  /**
   * Receives an early result (the first FIRST_ROWS examples of each group) before the rest of
   * a large response is parsed. With `sharedExamples` (run-metadata grouping: every group
   * lists the same examples), it holds only the examples already read in every group, so no
   * cell shows "not run" for a run that is merely not read yet.
   */
  onEarlyResult?: (early: GroupedRuns) => void;
  sharedExamples?: boolean;
  /** Stops the parse between slices (a cancelled query does not read on). */
  signal?: AbortSignal;
  /** Texts at least this long are located and read progressively (tests lower it). */
  progressiveFrom?: number;
}

/**
 * Parses the text of a group/runs response. A large one is located first (json-scan.ts),
 * then parsed example by example in slices, with an early result for the first rows; any
 * text the locator does not expect is parsed whole, with the same errors as before.
 */
export async function parseGroupedRunsText(
  text: string,
  path: string,
  options: ParseTextOptions = {},
): Promise<{ result: GroupedRuns; busyMs: number }> {
  const busy = { ms: 0 };
  const started = performance.now();
  const progressive = text.length >= (options.progressiveFrom ?? EARLY_RESULT_MIN_CHARS);
  const scanned = progressive ? scanGroupedRuns(text) : null;
  if (progressive) measureSince(MEASURES.locate, started);
  if (!scanned) {
    const json = parseJsonText(text, path);
    busy.ms += performance.now() - started;
    return {
      result: await runSliced(parseSteps(rawGroupsOf(json, path)), busy, options.signal),
      busyMs: busy.ms,
    };
  }
  // Contiguous examples parse as one array: fewer, larger JSON.parse calls.
  const parseSpans = (first: Span, last: Span): unknown[] => {
    try {
      return JSON.parse(`[${text.slice(first.start, last.end)}]`) as unknown[];
    } catch {
      throw notJsonError(text, path);
    }
  };
  // Each group's own members are parsed once, for the early result and the complete one.
  const groupFields = scanned.groups.map((group) => {
    try {
      const fields = parseGroupMembers(group);
      // Located examples are read lazily: the schema sees an empty list in their place.
      if (group.examples !== null) fields.examples = [];
      else if (group.examplesOther !== null) fields.examples = JSON.parse(group.examplesOther);
      return fields;
    } catch {
      throw notJsonError(text, path);
    }
  });
  const rawGroups = (limit: number | null): RawGroup[] =>
    scanned.groups.map((group, g) => {
      const spans = group.examples;
      const shown = spans === null || limit === null ? spans : spans.slice(0, limit);
      return {
        fields: groupFields[g],
        examples: shown === null ? null : inBatches(shown, parseSpans),
      };
    });
  if (options.onEarlyResult) {
    const early = runToEnd(parseSteps(rawGroups(FIRST_ROWS)));
    const total = scanned.groups.reduce((n, g) => Math.max(n, g.examples?.length ?? 0), 0);
    const trimmed = options.sharedExamples ? onlySharedExamples(early) : early;
    busy.ms += performance.now() - started;
    const shown = mostExamples(trimmed.groups);
    measureSince(MEASURES.earlyResult, started);
    if (shown > 0) {
      options.onEarlyResult({
        ...trimmed,
        reading: { examples: shown, of: total, from: 'response' },
      });
    }
    // The page renders and paints the early result before the rest is parsed.
    await afterRender();
    options.signal?.throwIfAborted();
  } else {
    busy.ms += performance.now() - started;
  }
  const result = await runSliced(parseSteps(rawGroups(null)), busy, options.signal);
  return { result, busyMs: busy.ms };
}

/** Examples parsed per JSON.parse call: a few milliseconds of work, well inside a slice. */
const PARSE_BATCH = 64;

function* inBatches(
  spans: readonly Span[],
  parse: (first: Span, last: Span) => unknown[],
): Generator<unknown> {
  for (let from = 0; from < spans.length; from += PARSE_BATCH) {
    const first = spans[from] as Span;
    const last = spans[Math.min(spans.length, from + PARSE_BATCH) - 1] as Span;
    yield* parse(first, last);
  }
}

/** Resolves once the page has rendered and painted what was just put in the query cache. */
async function afterRender(): Promise<void> {
  // React Query notifies its observers in a timeout; then React renders, then a frame.
  await new Promise((resolve) => setTimeout(resolve, 0));
  await yieldToPage();
}

/** Longest wait for an idle moment: a page that is never idle still gets the rest read. */
const IDLE_TIMEOUT_MS = 150;

/**
 * Gives the page a turn: the rest of a response is background work, so it waits for an idle
 * moment, after React's renders (its scheduler's message tasks) and the next paint. Without
 * idle callbacks (Safari, Node), a message task: no 4 ms clamp as nested timers have.
 */
function yieldToPage(): Promise<void> {
  if (typeof requestIdleCallback === 'function') {
    return new Promise((resolve) => {
      requestIdleCallback(() => resolve(), { timeout: IDLE_TIMEOUT_MS });
    });
  }
  if (typeof MessageChannel === 'undefined') return new Promise((r) => setTimeout(r, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Keeps, in every group, only the examples that every group has read. */
function onlySharedExamples(result: GroupedRuns): GroupedRuns {
  const [first, ...rest] = result.groups;
  if (!first) return result;
  const shared = new Set(first.examples.map((e) => e.id));
  for (const group of rest) {
    const ids = new Set(group.examples.map((e) => e.id));
    for (const id of shared) if (!ids.has(id)) shared.delete(id);
  }
  return {
    ...result,
    groups: result.groups.map((g) => ({
      ...g,
      examples: g.examples.filter((e) => shared.has(e.id)),
    })),
  };
}

function rawGroupsOf(json: unknown, path: string): RawGroup[] {
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) {
    throw new ApiError({
      kind: 'schema',
      path,
      message: 'The server answered without a list of groups.',
      problems: [
        { path: '(root)', message: 'Expected an object with "groups"', value: describeValue(json) },
      ],
    });
  }
  return envelope.data.groups.map((fields) => ({ fields, examples: null }));
}

/** Yields after each example: the points where a sliced parse may pause. */
function* parseSteps(rawGroups: readonly RawGroup[]): Generator<void, GroupedRuns> {
  const issues: DataIssue[] = [];
  const groups: Group[] = [];
  for (const [g, rawGroup] of rawGroups.entries()) {
    const parsed = groupSchema.safeParse(rawGroup.fields);
    if (!parsed.success) {
      pushIssues(issues, `groups[${g}]`, parsed.error, rawGroup.fields);
      continue;
    }
    const group = parsed.data;
    const sessions: GroupSession[] = [];
    (group.sessions ?? []).forEach((raw, s) => {
      const session = groupSessionSchema.safeParse(raw);
      if (session.success) sessions.push(session.data);
      else pushIssues(issues, `groups[${g}].sessions[${s}]`, session.error, raw);
    });
    const examples: Example[] = [];
    let e = 0;
    for (const raw of rawGroup.examples ?? group.examples ?? []) {
      const example = parseExample(raw, `groups[${g}].examples[${e}]`, issues);
      if (example) examples.push(example);
      e += 1;
      yield;
    }
    groups.push({
      key: group.group_key,
      filter: group.filter ?? '',
      exampleCount: group.example_count ?? examples.length,
      stats: {
        ...toAggregate({ ...group, run_count: group.count }),
        minStartTime: group.min_start_time,
        maxStartTime: group.max_start_time,
      },
      sessions,
      examples,
    });
  }
  return { groups, issues };
}

function parseExample(raw: unknown, at: string, issues: DataIssue[]): Example | null {
  const parsed = exampleSchema.safeParse(raw);
  if (!parsed.success) {
    pushIssues(issues, at, parsed.error, raw);
    return null;
  }
  const e = parsed.data;
  const runs: Run[] = [];
  (e.runs ?? []).forEach((rawRun, r) => {
    // Hand-checked fast path; zod (same rules) when it declines, to say where and why.
    let fields: RunFields | null = readRunFields(rawRun);
    if (!fields) {
      const run = runSchema.safeParse(rawRun);
      if (!run.success) {
        pushIssues(issues, `${at}.runs[${r}]`, run.error, rawRun);
        return;
      }
      fields = run.data;
    }
    const feedbacks: Feedback[] = [];
    (fields.feedbacks ?? []).forEach((rawFeedback, f) => {
      const fb = feedbackSchema.safeParse(rawFeedback);
      if (fb.success) feedbacks.push(fb.data);
      else pushIssues(issues, `${at}.runs[${r}].feedbacks[${f}]`, fb.error, rawFeedback);
    });
    const fromStats = normaliseFeedbackStats(fields.feedback_stats);
    runs.push(
      toRun(
        fields,
        feedbacks,
        Object.keys(fromStats).length > 0 ? fromStats : statsFromFeedbacks(feedbacks),
      ),
    );
  });
  return {
    id: e.id,
    name: e.name?.trim() ? e.name : `Example ${e.id.slice(0, 8)}`,
    datasetId: e.dataset_id ?? null,
    inputs: e.inputs ?? {},
    outputs: e.outputs,
    metadata: e.metadata ?? {},
    createdAt: e.created_at,
    modifiedAt: e.modified_at,
    runs,
  };
}

/** Runs that carry only a `feedbacks` list still get the per-key shape. */
export function statsFromFeedbacks(feedbacks: readonly Feedback[]): FeedbackStatsByKey {
  const byKey = new Map<string, Feedback[]>();
  for (const f of feedbacks) {
    const list = byKey.get(f.key);
    if (list) list.push(f);
    else byKey.set(f.key, [f]);
  }
  const out: FeedbackStatsByKey = {};
  for (const [key, list] of byKey) {
    const scores = list.map((f) => f.score).filter((s): s is number => s !== null);
    const values: Record<string, number> = {};
    for (const f of list) {
      if (f.score === null && typeof f.value === 'string' && f.value !== '') {
        setOwn(values, f.value, (Object.hasOwn(values, f.value) ? (values[f.value] ?? 0) : 0) + 1);
      }
    }
    const mean = scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null;
    const stdev =
      mean === null
        ? null
        : Math.sqrt(scores.reduce((a, s) => a + (s - mean) ** 2, 0) / scores.length);
    setOwn(
      out,
      key,
      normaliseKeyStats({
        n: list.length,
        avg: mean,
        stdev,
        values,
        comments: list.map((f) => f.comment ?? ''),
        session_min_score: scores.length ? scores.reduce((a, b) => Math.min(a, b)) : null,
        session_max_score: scores.length ? scores.reduce((a, b) => Math.max(a, b)) : null,
      }),
    );
  }
  return out;
}

function pushIssues(issues: DataIssue[], at: string, error: z.ZodError, input: unknown): void {
  const first = error.issues[0];
  const rel = first ? formatPath(first.path) : '';
  let value: unknown = input;
  for (const part of first?.path ?? []) {
    value =
      value && typeof value === 'object'
        ? (value as Record<PropertyKey, unknown>)[part]
        : undefined;
  }
  issues.push({
    path: rel === '(root)' || rel === '' ? at : `${at}${rel.startsWith('[') ? '' : '.'}${rel}`,
    reason: first?.message ?? 'unreadable',
    value: describeValue(value),
  });
}

// ---------- fetch + query ----------

/** Builds the request body, or says why the spec forbids it (nothing malformed is ever sent). */
export function buildGroupedRunsBody(
  request: GroupedRunsRequest,
): { ok: true; body: GroupedRunsBody } | { ok: false; error: ApiError } {
  const parsed = groupedRunsRequestSchema.safeParse({
    ...request,
    session_ids: sortedUnique(request.session_ids),
  });
  if (parsed.success) return { ok: true, body: parsed.data };
  const reasons = parsed.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`);
  return {
    ok: false,
    error: new ApiError({
      kind: 'request-invalid',
      path: 'group/runs',
      message: `This view cannot be requested (${reasons.join('; ')}).`,
    }),
  };
}

export function groupedRunsPath(datasetId: string): string {
  return `/api/v1/datasets/${encodeURIComponent(datasetId)}/group/runs`;
}

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
  const text = await fetchRaw(path, {
    method: 'POST',
    body: built.body,
    signal,
    raw: true,
    readAfter,
  });
  markResponseReceived();
  const { result, busyMs } = await parseGroupedRunsText(text, path, { ...parseOptions, signal });
  markDataReady(busyMs);
  return result;
}

/** Examples per group that a large page asks for first, on their own: a screen and more. */
export const FIRST_SCREEN = 50;
/** Pages longer than this send the first-screen request beside their own. */
export const FIRST_SCREEN_FROM = 200;

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
  try {
    const body = { ...page, limit: FIRST_SCREEN };
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

export function groupedRunsQuery(datasetId: string, request: GroupedRunsRequest) {
  const built = buildGroupedRunsBody(request);
  return queryOptions({
    queryKey: queryKeys.groupedRuns(datasetId, built.ok ? built.body : { invalid: request }),
    queryFn: async ({ signal, client, queryKey }) => {
      // A large page's body is read once its first screen is on the page (or has failed),
      // so the page's own rows always come after it; the first screen never lands once the
      // page has answered or failed.
      let answered = false;
      const firstScreen =
        built.ok && built.body.limit > FIRST_SCREEN_FROM
          ? fetchFirstScreen(datasetId, built.body, signal).then(async (first) => {
              if (!first || answered) return;
              client.setQueryData(queryKey, first);
              await afterRender();
            })
          : undefined;
      try {
        return await fetchGroupedRuns(datasetId, request, signal, {
          readAfter: firstScreen,
          // The first rows of a large response show while the rest is read; the complete
          // result replaces them when the query resolves.
          onEarlyResult: (early) => client.setQueryData(queryKey, early),
          sharedExamples: request.group_by === 'run_metadata',
        });
      } finally {
        answered = true;
      }
    },
    // Results are large and always new: comparing them with the last one would walk them.
    structuralSharing: false,
  });
}
