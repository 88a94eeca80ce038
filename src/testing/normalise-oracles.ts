import { expect } from 'vitest';
import { ApiError } from '../api/errors';
import type { Feedback, FeedbackKeyStats } from '../api/feedback-stats';
import { parseGroupedRuns } from '../api/grouped-runs/parse';
import type { GroupedRuns, Run } from '../api/grouped-runs/schemas';
import type { Session } from '../api/sessions';
import { instantOf } from './openapi-arbitrary';

/**
 * The oracles of the response parsers' property tests (src/api/normalise.property.test.ts),
 * written independently of the parsers: what each field of a generated response must become,
 * and where every item the parser set aside sat.
 */

// ---------- small readers for unknown JSON ----------

export type Json = Record<string, unknown>;

export function obj(value: unknown): Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Json)
    : {};
}

export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function at<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`no item at ${index}`);
  return item;
}

export function ownKeys(value: unknown): string[] {
  return Object.keys(obj(value));
}

// ---------- oracles, written independently of the app's parsers ----------

export const DECIMAL = /^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i;

/** The number a raw value stands for; 'any' when the value is junk (then number or null). */
export function expectedNumber(raw: unknown): number | null | 'any' {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw === 'string' && DECIMAL.test(raw)) {
    const n = Number(raw);
    return Number.isFinite(n) ? n : null;
  }
  return 'any';
}

export function expectNumber(actual: unknown, raw: unknown, where: string): void {
  expect(actual === null || (typeof actual === 'number' && Number.isFinite(actual)), where).toBe(
    true,
  );
  const expected = expectedNumber(raw);
  if (expected !== 'any') expect(actual, `${where} from ${JSON.stringify(raw)}`).toBe(expected);
}

/** Timestamps: the generated instant in epoch ms, or null when absent. */
export function expectInstant(actual: unknown, raw: unknown, where: string): void {
  if (raw === null || raw === undefined) {
    expect(actual, where).toBeNull();
    return;
  }
  expect(typeof actual === 'number' && Number.isFinite(actual), `${where}: ${String(raw)}`).toBe(
    true,
  );
  expect(actual, `${where}: ${String(raw)}`).toBe(instantOf(String(raw)));
}

export const KINDS = ['numeric', 'categorical', 'comment', 'empty'];

export function expectWellFormedStats(stats: FeedbackKeyStats, where: string): void {
  expect(KINDS, where).toContain(stats.kind);
  expect(Number.isFinite(stats.n) && stats.n >= 0, `${where}.n`).toBe(true);
  expect(Number.isFinite(stats.errors) && stats.errors >= 0, `${where}.errors`).toBe(true);
  for (const field of ['mean', 'stdev', 'minScore', 'maxScore'] as const) {
    const v = stats[field];
    expect(v === null || Number.isFinite(v), `${where}.${field}`).toBe(true);
  }
  for (const [label, count] of Object.entries(stats.categories)) {
    expect(Number.isFinite(count) && count > 0, `${where}.categories.${label}`).toBe(true);
  }
  for (const comment of stats.comments) {
    expect(typeof comment === 'string' && comment.trim() !== '', `${where}.comments`).toBe(true);
  }
  expect(stats.kind === 'categorical', `${where}.kind`).toBe(
    Object.keys(stats.categories).length > 0,
  );
}

/** Per-key stats sent by the server: every key kept (but see the known bug below), sane. */
export function expectFeedbackFromStats(
  raw: unknown,
  out: Record<string, FeedbackKeyStats>,
  where: string,
) {
  for (const [key, stats] of Object.entries(out)) expectWellFormedStats(stats, `${where}.${key}`);
  for (const key of ownKeys(raw)) {
    if (key === '__proto__') continue; // a known bug, pinned by its own test below
    const stats = out[key];
    expect(stats, `${where} keeps key ${JSON.stringify(key)}`).toBeDefined();
    if (!stats) continue;
    const rawStats = obj(obj(raw)[key]);
    const mean = expectedNumber(rawStats.avg);
    if (mean !== 'any') expect(stats.mean, `${where}.${key}.mean`).toBe(mean);
  }
}

// ---------- the grouped response, checked field by field ----------

export function expectRun(raw: Json, run: Run, where: string): void {
  expect(run.id).toBe(raw.id);
  expect(run.sessionId).toBe(raw.session_id);
  for (const [field, key] of [
    ['total_cost', 'totalCost'],
    ['prompt_cost', 'promptCost'],
    ['completion_cost', 'completionCost'],
    ['total_tokens', 'totalTokens'],
    ['prompt_tokens', 'promptTokens'],
    ['completion_tokens', 'completionTokens'],
  ] as const) {
    expectNumber(run[key], raw[field], `${where}.${field}`);
  }
  expectInstant(run.startTime, raw.start_time, `${where}.start_time`);
  expectInstant(run.endTime, raw.end_time, `${where}.end_time`);
  const { startTime, endTime } = run;
  expect(run.latency, `${where} latency`).toBe(
    startTime !== null && endTime !== null && endTime >= startTime
      ? (endTime - startTime) / 1000
      : null,
  );
  const rawFeedbacks = list(raw.feedbacks);
  expect(run.feedbacks).toHaveLength(rawFeedbacks.length);
  run.feedbacks.forEach((f, i) => {
    expectFeedback(obj(rawFeedbacks[i]), f, `${where}.feedbacks[${i}]`);
  });
  const sentKeys = ownKeys(raw.feedback_stats).filter((k) => k !== '__proto__');
  if (sentKeys.length > 0) {
    expectFeedbackFromStats(raw.feedback_stats, run.feedback, `${where}.feedback_stats`);
  } else {
    expectFeedbackFromList(run.feedbacks, run.feedback, where);
  }
}

export function expectFeedback(raw: Json, f: Feedback, where: string): void {
  expect(f.id).toBe(raw.id);
  expect(f.key).toBe(raw.key);
  const score = raw.score;
  expect(f.score, `${where}.score`).toBe(
    typeof score === 'boolean' ? Number(score) : typeof score === 'number' ? score : null,
  );
  expectInstant(f.createdAt, raw.created_at, `${where}.created_at`);
}

/** Without `feedback_stats`, each key's stats come from the feedbacks list. */
export function expectFeedbackFromList(
  feedbacks: readonly Feedback[],
  out: Record<string, FeedbackKeyStats>,
  where: string,
): void {
  const keys = new Set(feedbacks.map((f) => f.key).filter((k) => k !== '__proto__'));
  expect(new Set(Object.keys(out)), `${where} derived keys`).toEqual(keys);
  for (const key of keys) {
    const stats = out[key];
    if (!stats) continue;
    expectWellFormedStats(stats, `${where}.feedback.${key}`);
    const mine = feedbacks.filter((f) => f.key === key);
    expect(stats.n).toBe(mine.length);
    const scores = mine.map((f) => f.score).filter((s): s is number => s !== null);
    // Summed in the same order as the app; a sum that overflows has no mean.
    const mean = scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null;
    expect(stats.mean, `${where}.feedback.${key}.mean`).toBe(
      mean !== null && Number.isFinite(mean) ? mean : null,
    );
  }
}

export const AGGREGATES = [
  ['total_cost', 'totalCost'],
  ['prompt_cost', 'promptCost'],
  ['completion_cost', 'completionCost'],
  ['total_tokens', 'totalTokens'],
  ['prompt_tokens', 'promptTokens'],
  ['completion_tokens', 'completionTokens'],
  ['latency_p50', 'latencyP50'],
  ['latency_p99', 'latencyP99'],
  ['error_rate', 'errorRate'],
] as const;

export function expectResponse(input: unknown, out: GroupedRuns): void {
  expect(out.issues).toEqual([]);
  const rawGroups = list(obj(input).groups);
  expect(out.groups).toHaveLength(rawGroups.length);
  out.groups.forEach((group, g) => {
    const raw = obj(rawGroups[g]);
    const where = `groups[${g}]`;
    expect(group.key).toBe(raw.group_key);
    expectNumber(group.stats.runCount, raw.count, `${where}.count`);
    expectNumber(group.exampleCount, raw.example_count, `${where}.example_count`);
    for (const [field, key] of AGGREGATES) {
      expectNumber(group.stats[key], raw[field], `${where}.${field}`);
    }
    expectInstant(group.stats.minStartTime, raw.min_start_time, `${where}.min_start_time`);
    expectInstant(group.stats.maxStartTime, raw.max_start_time, `${where}.max_start_time`);
    expectFeedbackFromStats(raw.feedback_stats, group.stats.feedback, `${where}.feedback_stats`);

    const rawSessions = list(raw.sessions);
    expect(group.sessions).toHaveLength(rawSessions.length);
    group.sessions.forEach((session, s) => {
      const rs = obj(rawSessions[s]);
      const loc = `${where}.sessions[${s}]`;
      expectSessionFields(rs, session, loc);
      expectNumber(session.exampleCount, rs.example_count, `${loc}.example_count`);
      expectInstant(session.minStartTime, rs.min_start_time, `${loc}.min_start_time`);
      expectInstant(session.maxStartTime, rs.max_start_time, `${loc}.max_start_time`);
    });

    const rawExamples = list(raw.examples);
    expect(group.examples).toHaveLength(rawExamples.length);
    group.examples.forEach((example, e) => {
      const re = obj(rawExamples[e]);
      const loc = `${where}.examples[${e}]`;
      expect(example.id).toBe(re.id);
      expect(example.name.trim(), `${loc}.name`).not.toBe('');
      expectInstant(example.createdAt, re.created_at, `${loc}.created_at`);
      expectInstant(example.modifiedAt, re.modified_at, `${loc}.modified_at`);
      const rawRuns = list(re.runs);
      expect(example.runs).toHaveLength(rawRuns.length);
      example.runs.forEach((run, r) => {
        expectRun(obj(rawRuns[r]), run, `${loc}.runs[${r}]`);
      });
    });
  });
}

export function expectSessionFields(raw: Json, session: Session, where: string): void {
  expect(session.id).toBe(raw.id);
  expect(session.name.trim(), `${where}.name`).not.toBe('');
  if (typeof raw.name === 'string' && raw.name.trim()) expect(session.name).toBe(raw.name);
  for (const [field, key] of AGGREGATES) {
    expectNumber(session[key], raw[field], `${where}.${field}`);
  }
  expectNumber(session.runCount, raw.run_count, `${where}.run_count`);
  expectNumber(session.testRunNumber, raw.test_run_number, `${where}.test_run_number`);
  expectInstant(session.startTime, raw.start_time, `${where}.start_time`);
  expectInstant(session.endTime, raw.end_time, `${where}.end_time`);
  expectInstant(session.lastRunStartTime, raw.last_run_start_time, `${where}.last_run_start_time`);
  expectFeedbackFromStats(raw.feedback_stats, session.feedback, `${where}.feedback_stats`);
}

// ---------- where items sit, and what became of each ----------

export type ItemKind = 'group' | 'session' | 'example' | 'run' | 'feedback';

export interface ItemSlot {
  kind: ItemKind;
  path: string;
  container: unknown[];
  index: number;
}

export function itemSlots(response: unknown): ItemSlot[] {
  const slots: ItemSlot[] = [];
  const groups = list(obj(response).groups);
  groups.forEach((g, gi) => {
    const gp = `groups[${gi}]`;
    slots.push({ kind: 'group', path: gp, container: groups, index: gi });
    const sessions = list(obj(g).sessions);
    sessions.forEach((_, si) => {
      slots.push({
        kind: 'session',
        path: `${gp}.sessions[${si}]`,
        container: sessions,
        index: si,
      });
    });
    const examples = list(obj(g).examples);
    examples.forEach((e, ei) => {
      const ep = `${gp}.examples[${ei}]`;
      slots.push({ kind: 'example', path: ep, container: examples, index: ei });
      const runs = list(obj(e).runs);
      runs.forEach((r, ri) => {
        const rp = `${ep}.runs[${ri}]`;
        slots.push({ kind: 'run', path: rp, container: runs, index: ri });
        const feedbacks = list(obj(r).feedbacks);
        feedbacks.forEach((_, fi) => {
          slots.push({
            kind: 'feedback',
            path: `${rp}.feedbacks[${fi}]`,
            container: feedbacks,
            index: fi,
          });
        });
      });
    });
  });
  return slots;
}

/** True when `issuePath` names `itemPath` or something inside it. */
export function isWithin(issuePath: string, itemPath: string): boolean {
  if (itemPath === '') return true;
  if (!issuePath.startsWith(itemPath)) return false;
  const next = issuePath.charAt(itemPath.length);
  return next === '' || next === '.' || next === '[';
}

export const ITEM_PATTERNS: [ItemKind, RegExp][] = [
  ['feedback', /^groups\[(\d+)\]\.examples\[(\d+)\]\.runs\[(\d+)\]\.feedbacks\[(\d+)\](?=$|[.[])/],
  ['run', /^groups\[(\d+)\]\.examples\[(\d+)\]\.runs\[(\d+)\](?=$|[.[])/],
  ['example', /^groups\[(\d+)\]\.examples\[(\d+)\](?=$|[.[])/],
  ['session', /^groups\[(\d+)\]\.sessions\[(\d+)\](?=$|[.[])/],
  ['group', /^groups\[(\d+)\](?=$|[.[])/],
];

/** The item an issue sets aside, as `group/0`, `run/0/1/2`…, or undefined when unplaceable. */
export function setAsideItem(issuePath: string): string | undefined {
  for (const [kind, pattern] of ITEM_PATTERNS) {
    const m = pattern.exec(issuePath);
    if (m) return [kind, ...m.slice(1)].join('/');
  }
  return undefined;
}

/**
 * Nothing vanishes silently: every item of the input is either in the output, in order, or set
 * aside by exactly one issue whose path names it; and every issue names a distinct item.
 */
export function expectAccounted(input: unknown, out: GroupedRuns): void {
  const setAside = new Map<string, number>();
  for (const issue of out.issues) {
    const item = setAsideItem(issue.path);
    expect(item, `issue path ${issue.path} names an item`).toBeDefined();
    if (item) setAside.set(item, (setAside.get(item) ?? 0) + 1);
  }
  for (const [item, n] of setAside) expect(n, `one issue for ${item}`).toBe(1);

  let visited = 0;
  const consume = <T>(
    raws: unknown[],
    outs: readonly T[],
    key: (i: number) => string,
    each: (raw: unknown, item: T, i: number) => void,
  ) => {
    let o = 0;
    raws.forEach((raw, i) => {
      if (setAside.has(key(i))) {
        visited++;
        return;
      }
      const item = outs[o++];
      expect(item, `${key(i)} is in the output`).toBeDefined();
      if (item !== undefined) each(raw, item, i);
    });
    expect(o, `no extra items beside ${key(0)}`).toBe(outs.length);
  };

  consume(
    list(obj(input).groups),
    out.groups,
    (g) => `group/${g}`,
    (rawGroup, group, g) => {
      expect(group.key).toBe(obj(rawGroup).group_key);
      consume(
        list(obj(rawGroup).sessions),
        group.sessions,
        (s) => `session/${g}/${s}`,
        (rs, s) => {
          expect(s.id).toBe(obj(rs).id);
        },
      );
      consume(
        list(obj(rawGroup).examples),
        group.examples,
        (e) => `example/${g}/${e}`,
        (re, ex, e) => {
          expect(ex.id).toBe(obj(re).id);
          consume(
            list(obj(re).runs),
            ex.runs,
            (r) => `run/${g}/${e}/${r}`,
            (rr, run, r) => {
              expect(run.id).toBe(obj(rr).id);
              consume(
                list(obj(rr).feedbacks),
                run.feedbacks,
                (f) => `feedback/${g}/${e}/${r}/${f}`,
                (rf, fb) => {
                  expect(fb.id).toBe(obj(rf).id);
                },
              );
            },
          );
        },
      );
    },
  );
  expect(visited, 'every issue names an item of the input').toBe(out.issues.length);
}

/** Runs the parser; anything thrown must be an ApiError, returned as such. */
export function parseOrError(json: unknown): GroupedRuns | ApiError {
  try {
    return parseGroupedRuns(json);
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw new Error(`parseGroupedRuns threw a non-ApiError: ${String(error)}`);
  }
}

export function hasGroupsArray(json: unknown): boolean {
  return (
    json !== null &&
    typeof json === 'object' &&
    !Array.isArray(json) &&
    Array.isArray((json as Json).groups)
  );
}

/** Required keys that make a plain object look like each kind of item. */
export const IDENTIFYING_KEY: Record<ItemKind, string> = {
  group: 'group_key',
  session: 'id',
  example: 'id',
  run: 'id',
  feedback: 'id',
};

export function cannotBeItem(kind: ItemKind, value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return true;
  return !(IDENTIFYING_KEY[kind] in value);
}
