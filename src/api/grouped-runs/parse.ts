import { runToEnd } from '../../lib/scheduling';
import { formatPath } from '../client';
import { ApiError, describeValue } from '../errors';
import { type Feedback, normaliseFeedbackStats, statsFromFeedbacks } from '../feedback-stats';
import { toAggregate } from '../primitives';
import { z } from '../zod';
import { readRunFields } from './run-fast-path';
import {
  type DataIssue,
  type Example,
  exampleSchema,
  feedbackSchema,
  type Group,
  type GroupedRuns,
  type GroupSession,
  groupSchema,
  groupSessionSchema,
  type Run,
  type RunFields,
  runSchema,
  toRun,
} from './schemas';

/**
 * Item parsing of a group/runs response: a malformed group, session, example or run is set
 * aside with its path and reason, and everything else is kept.
 */

const envelopeSchema = z.object({ groups: z.array(z.unknown()) });

/** A group as the server sent it, with its examples read lazily (see json-scan.ts). */
export interface RawGroup {
  /** The group object; its "examples" is an empty stand-in when `examples` is given. */
  fields: unknown;
  examples: Iterable<unknown> | null;
}

/** Parses a whole grouped-runs response at once (small responses, tests). */
export function parseGroupedRuns(json: unknown, path = 'group/runs'): GroupedRuns {
  return runToEnd(parseSteps(rawGroupsOf(json, path)));
}

/** The groups of a parsed response, or the error for a body without a list of them. */
export function rawGroupsOf(json: unknown, path: string): RawGroup[] {
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
export function* parseSteps(rawGroups: readonly RawGroup[]): Generator<void, GroupedRuns> {
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

function pushIssues(
  issues: DataIssue[],
  at: string,
  error: z.core.$ZodError,
  input: unknown,
): void {
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

/** The most examples any group holds. */
export function mostExamples(groups: readonly { examples: readonly unknown[] }[]): number {
  return groups.reduce((n, g) => Math.max(n, g.examples.length), 0);
}

/** Keeps, in every group, only the examples that every group has read. */
export function onlySharedExamples(result: GroupedRuns): GroupedRuns {
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
