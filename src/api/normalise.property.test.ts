// @vitest-environment node
import type { Arbitrary, Parameters as FcParameters, IRawProperty } from 'fast-check';
import fc from 'fast-check';
import type { TestContext } from 'vitest';
import { describe, expect, it } from 'vitest';
import { parseTimestamp } from '../lib/timestamps';
import {
  createSpecArbitraries,
  dateTimeString,
  instantOf,
  type JsonSchema,
  type OpenApiDocument,
} from '../testing/openapi-arbitrary';
import { readSpec } from '../testing/openapi-spec';
import { parseJsonText } from './client';
import { datasetSchema } from './datasets';
import { ApiError } from './errors';
import {
  type Feedback,
  type FeedbackKeyStats,
  normaliseFeedbackStats,
  statsFromFeedbacks,
} from './feedback-stats';
import { parseGroupedRuns } from './grouped-runs/parse';
import type { GroupedRuns, Run } from './grouped-runs/schemas';
import { sessionMetadataSchema } from './session-metadata';
import { type Session, sessionSchema } from './sessions';

/**
 * Property tests of the response parsers ("Hardening"): values generated from the OpenAPI
 * subset (spec/langsmith-openapi-subset.json), shaped as real servers send them
 * (docs/real-world-shapes.md), must parse without a single issue; garbage anywhere must give data
 * with the bad item set aside by path, or a typed ApiError, and never anything else.
 *
 * Reproducible: a fixed seed (override with FC_SEED=<n>, and the run count with FC_RUNS=<n>);
 * each test records how many runs it made in its task meta (`fastCheckRuns`), which scripts/testing-report.ts reads.
 */

declare module 'vitest' {
  interface TaskMeta {
    /** fast-check runs this test made (read by scripts/testing-report.ts). */
    fastCheckRuns?: number;
  }
}

const SEED = Number(process.env.FC_SEED ?? 20240606);
const NUM_RUNS = Number(process.env.FC_RUNS ?? 200);
/** About 10 ms a run at worst on a busy machine; the whole file takes a few seconds. */
const PROPERTY_TIMEOUT = { timeout: Math.max(30_000, NUM_RUNS * 50) };

function check<Ts>(
  task: TestContext['task'],
  property: IRawProperty<Ts>,
  params: FcParameters<Ts> = {},
): void {
  const details = fc.check(property, { seed: SEED, numRuns: NUM_RUNS, ...params });
  if (details instanceof Promise) throw new Error('asynchronous properties are not used here');
  task.meta.fastCheckRuns = details.numRuns;
  if (details.failed) {
    const cause = details.errorInstance;
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new Error(`${fc.defaultReportMessage(details)}\n\nCaused by: ${reason}`, { cause });
  }
}

// ---------- the spec and its arbitraries ----------

const spec = readSpec<OpenApiDocument>();

/** Decimal strings as servers write costs: `0.00052065`, `12`, `1e-7`. */
const decimalString = fc.oneof(
  fc
    .tuple(fc.nat(1000), fc.nat(99_999_999))
    .map(([units, fraction]) => `${units}.${String(fraction).padStart(8, '0')}`),
  fc.nat(1000).map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
);

/** A cost: the spec's string form, or the JSON number some endpoints send, or null. */
const costArb = fc.oneof(
  { weight: 3, arbitrary: decimalString },
  { weight: 3, arbitrary: fc.double({ min: 0, max: 1000, noNaN: true }) },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
);

/** Stat values: numbers, decimal strings, null, and now and then junk. */
const numberish = fc.oneof(
  { weight: 4, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 2, arbitrary: fc.integer({ min: -5, max: 50 }) },
  { weight: 2, arbitrary: decimalString },
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.oneof(fc.string({ maxLength: 6 }), fc.boolean(), fc.constant({})) },
);

const feedbackKey = fc.oneof(
  fc.constantFrom('correctness', 'helpfulness', 'latency_ok', 'note', 'Correctness'),
  fc.string({ minLength: 1, maxLength: 12 }),
);

/** One feedback key's stats, in any of the eras of docs/real-world-shapes.md, mixed. */
const keyStatsArb = fc.record(
  {
    n: numberish,
    avg: numberish,
    stdev: numberish,
    errors: numberish,
    mode: numberish,
    values: fc.oneof(
      fc.constant({}),
      fc.constant(null),
      fc.dictionary(fc.string({ maxLength: 10 }), numberish, { maxKeys: 3 }),
    ),
    comments: fc.oneof(
      fc.constant(null),
      fc.array(fc.oneof(fc.string({ maxLength: 20 }), fc.jsonValue({ maxDepth: 1 })), {
        maxLength: 3,
      }),
    ),
    sources: fc.array(fc.constant('{"type":"api","metadata":{}}'), { maxLength: 2 }),
    session_min_score: numberish,
    session_max_score: numberish,
    is_all_model: fc.boolean(),
    show_feedback_arrow: fc.boolean(),
    contains_thread_feedback: fc.boolean(),
  },
  { requiredKeys: [] },
);

const feedbackStatsArb = fc.oneof(
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 4, arbitrary: fc.dictionary(feedbackKey, keyStatsArb, { maxKeys: 3 }) },
);

const arbitraries = createSpecArbitraries(spec, {
  maxItems: 3,
  override(_schema: JsonSchema, context, generated) {
    const name = context.property;
    if (name === undefined || context.path.at(-1) !== name) return undefined;
    if (name.endsWith('_cost')) return costArb;
    if (name === 'feedback_stats') {
      return fc.oneof({ weight: 3, arbitrary: feedbackStatsArb }, generated());
    }
    return undefined;
  },
});

/** What crosses the network: JSON text parsed back (no undefined, no -0, own keys only). */
function wire(arbitrary: Arbitrary<unknown>): Arbitrary<unknown> {
  return arbitrary.map((value) => JSON.parse(JSON.stringify(value)) as unknown);
}

const groupedResponse = wire(arbitraries.component('GroupedExamplesWithRunsResponse'));
const tracerSession = wire(arbitraries.component('TracerSession'));
const dataset = wire(arbitraries.component('Dataset'));
const sessionMetadata = wire(arbitraries.component('RootModel_Dict_str__list_str___'));

/** Values no JSON parser makes, but a caller could pass. */
const anythingIsh = fc.anything({
  maxDepth: 3,
  maxKeys: 4,
  withBoxedValues: true,
  withNullPrototype: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withTypedArray: true,
  withObjectString: true,
  withUnicodeString: true,
});
const garbage = fc.oneof(fc.jsonValue({ maxDepth: 3 }), anythingIsh);

// ---------- small readers for unknown JSON ----------

type Json = Record<string, unknown>;

function obj(value: unknown): Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Json)
    : {};
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function at<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`no item at ${index}`);
  return item;
}

function ownKeys(value: unknown): string[] {
  return Object.keys(obj(value));
}

// ---------- oracles, written independently of the app's parsers ----------

const DECIMAL = /^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i;

/** The number a raw value stands for; 'any' when the value is junk (then number or null). */
function expectedNumber(raw: unknown): number | null | 'any' {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw === 'string' && DECIMAL.test(raw)) {
    const n = Number(raw);
    return Number.isFinite(n) ? n : null;
  }
  return 'any';
}

function expectNumber(actual: unknown, raw: unknown, where: string): void {
  expect(actual === null || (typeof actual === 'number' && Number.isFinite(actual)), where).toBe(
    true,
  );
  const expected = expectedNumber(raw);
  if (expected !== 'any') expect(actual, `${where} from ${JSON.stringify(raw)}`).toBe(expected);
}

/** Timestamps: the generated instant in epoch ms, or null when absent. */
function expectInstant(actual: unknown, raw: unknown, where: string): void {
  if (raw === null || raw === undefined) {
    expect(actual, where).toBeNull();
    return;
  }
  expect(typeof actual === 'number' && Number.isFinite(actual), `${where}: ${String(raw)}`).toBe(
    true,
  );
  expect(actual, `${where}: ${String(raw)}`).toBe(instantOf(String(raw)));
}

const KINDS = ['numeric', 'categorical', 'comment', 'empty'];

function expectWellFormedStats(stats: FeedbackKeyStats, where: string): void {
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
function expectFeedbackFromStats(
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

function expectRun(raw: Json, run: Run, where: string): void {
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

function expectFeedback(raw: Json, f: Feedback, where: string): void {
  expect(f.id).toBe(raw.id);
  expect(f.key).toBe(raw.key);
  const score = raw.score;
  expect(f.score, `${where}.score`).toBe(
    typeof score === 'boolean' ? Number(score) : typeof score === 'number' ? score : null,
  );
  expectInstant(f.createdAt, raw.created_at, `${where}.created_at`);
}

/** Without `feedback_stats`, each key's stats come from the feedbacks list. */
function expectFeedbackFromList(
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

const AGGREGATES = [
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

function expectResponse(input: unknown, out: GroupedRuns): void {
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

function expectSessionFields(raw: Json, session: Session, where: string): void {
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

type ItemKind = 'group' | 'session' | 'example' | 'run' | 'feedback';

interface ItemSlot {
  kind: ItemKind;
  path: string;
  container: unknown[];
  index: number;
}

function itemSlots(response: unknown): ItemSlot[] {
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
function isWithin(issuePath: string, itemPath: string): boolean {
  if (itemPath === '') return true;
  if (!issuePath.startsWith(itemPath)) return false;
  const next = issuePath.charAt(itemPath.length);
  return next === '' || next === '.' || next === '[';
}

const ITEM_PATTERNS: [ItemKind, RegExp][] = [
  ['feedback', /^groups\[(\d+)\]\.examples\[(\d+)\]\.runs\[(\d+)\]\.feedbacks\[(\d+)\](?=$|[.[])/],
  ['run', /^groups\[(\d+)\]\.examples\[(\d+)\]\.runs\[(\d+)\](?=$|[.[])/],
  ['example', /^groups\[(\d+)\]\.examples\[(\d+)\](?=$|[.[])/],
  ['session', /^groups\[(\d+)\]\.sessions\[(\d+)\](?=$|[.[])/],
  ['group', /^groups\[(\d+)\](?=$|[.[])/],
];

/** The item an issue sets aside, as `group/0`, `run/0/1/2`…, or undefined when unplaceable. */
function setAsideItem(issuePath: string): string | undefined {
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
function expectAccounted(input: unknown, out: GroupedRuns): void {
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
function parseOrError(json: unknown): GroupedRuns | ApiError {
  try {
    return parseGroupedRuns(json);
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw new Error(`parseGroupedRuns threw a non-ApiError: ${String(error)}`);
  }
}

function hasGroupsArray(json: unknown): boolean {
  return (
    json !== null &&
    typeof json === 'object' &&
    !Array.isArray(json) &&
    Array.isArray((json as Json).groups)
  );
}

/** Required keys that make a plain object look like each kind of item. */
const IDENTIFYING_KEY: Record<ItemKind, string> = {
  group: 'group_key',
  session: 'id',
  example: 'id',
  run: 'id',
  feedback: 'id',
};

function cannotBeItem(kind: ItemKind, value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return true;
  return !(IDENTIFYING_KEY[kind] in value);
}

// ---------- the properties ----------

describe('spec-generated responses parse cleanly (property)', PROPERTY_TIMEOUT, () => {
  it(`every GroupedExamplesWithRunsResponse parses with zero issues, numbers for costs, instants for times [${NUM_RUNS} runs]`, ({
    task,
  }) => {
    check(
      task,
      fc.property(groupedResponse, (response) => {
        expectResponse(response, parseGroupedRuns(response));
      }),
    );
  });

  it(`every TracerSession parses with sessionSchema, a list of them too [${NUM_RUNS} runs]`, ({
    task,
  }) => {
    check(
      task,
      fc.property(fc.array(tracerSession, { maxLength: 3 }), (sessions) => {
        sessions.forEach((raw, i) => {
          const parsed = sessionSchema.safeParse(raw);
          expect(parsed.error?.issues ?? []).toEqual([]);
          if (parsed.success) expectSessionFields(obj(raw), parsed.data, `sessions[${i}]`);
        });
        expect(sessionSchema.array().safeParse(sessions).success).toBe(true);
      }),
    );
  });

  it(`every Dataset parses with datasetSchema [${NUM_RUNS} runs]`, ({ task }) => {
    check(
      task,
      fc.property(dataset, (raw) => {
        const parsed = datasetSchema.safeParse(raw);
        expect(parsed.error?.issues ?? []).toEqual([]);
        if (!parsed.success) return;
        const d = obj(raw);
        expect(parsed.data.id).toBe(d.id);
        expect(parsed.data.name).toBe(d.name);
        expectNumber(parsed.data.exampleCount, d.example_count, 'example_count');
        expectNumber(parsed.data.sessionCount, d.session_count, 'session_count');
        expectInstant(parsed.data.createdAt, d.created_at, 'created_at');
        expectInstant(parsed.data.modifiedAt, d.modified_at, 'modified_at');
        expectInstant(
          parsed.data.lastSessionStartTime,
          d.last_session_start_time,
          'last_session_start_time',
        );
      }),
    );
  });

  it(`every session metadata map parses and keeps its values [${NUM_RUNS} runs]`, ({ task }) => {
    check(
      task,
      fc.property(sessionMetadata, (raw) => {
        const parsed = sessionMetadataSchema.safeParse(raw);
        expect(parsed.success).toBe(true);
        expect(parsed.data).toEqual(raw);
      }),
    );
  });
});

describe(
  'garbage never escapes as anything but data or an ApiError (property)',
  PROPERTY_TIMEOUT,
  () => {
    it(`arbitrary JSON or JS values as the whole response: data with every item accounted for, or ApiError('schema') [${NUM_RUNS} runs]`, ({
      task,
    }) => {
      check(
        task,
        fc.property(fc.oneof(fc.jsonValue(), anythingIsh), (json) => {
          const result = parseOrError(json);
          if (result instanceof ApiError) {
            expect(result.kind).toBe('schema');
            expect(hasGroupsArray(json)).toBe(false);
          } else {
            expect(hasGroupsArray(json)).toBe(true);
            expectAccounted(json, result);
          }
        }),
      );
    });

    it(`a list of garbage groups: each one is parsed or set aside by its path, never lost [${NUM_RUNS} runs]`, ({
      task,
    }) => {
      check(
        task,
        fc.property(fc.array(garbage, { maxLength: 5 }), (groups) => {
          const result = parseOrError({ groups });
          expect(result).not.toBeInstanceOf(ApiError);
          if (!(result instanceof ApiError)) expectAccounted({ groups }, result);
        }),
      );
    });

    it(`garbage in place of one group, session, example, run or feedback: that item is set aside by its path, the rest parses as if it were absent [${NUM_RUNS} runs]`, ({
      task,
    }) => {
      check(
        task,
        fc.property(groupedResponse, fc.nat(), garbage, (response, pick, junk) => {
          const slots = itemSlots(response);
          const slot = slots[pick % Math.max(1, slots.length)];
          const broken = structuredClone(response);
          const without = structuredClone(response);
          let itemPath = 'groups[0]';
          if (slot) {
            fc.pre(cannotBeItem(slot.kind, junk));
            itemPath = slot.path;
            const target = itemSlots(broken)[slots.indexOf(slot)];
            const removed = itemSlots(without)[slots.indexOf(slot)];
            if (!target || !removed) throw new Error('slot lost in the clone');
            target.container[target.index] = junk;
            removed.container.splice(removed.index, 1);
          } else {
            fc.pre(cannotBeItem('group', junk));
            obj(broken).groups = [junk];
          }
          const result = parseOrError(broken);
          expect(result).not.toBeInstanceOf(ApiError);
          if (result instanceof ApiError) return;
          expect(result.issues).toHaveLength(1);
          const issue = at(result.issues, 0);
          expect(isWithin(issue.path, itemPath), `${issue.path} names ${itemPath}`).toBe(true);
          expect(issue.reason).not.toBe('');
          expectAccounted(broken, result);
          expect(result.groups).toEqual(parseGroupedRuns(without).groups);
        }),
      );
    });

    it(`garbage at any point of a valid response: data whose issues lie under that point, other groups unchanged, or ApiError('schema') at the envelope [${NUM_RUNS} runs]`, ({
      task,
    }) => {
      check(
        task,
        fc.property(groupedResponse, fc.nat(), garbage, (response, pick, junk) => {
          const points = nodePaths(response);
          const point = at(points, pick % points.length);
          const broken = replaceAt(structuredClone(response), point, junk);
          const baseline = parseGroupedRuns(response);
          const result = parseOrError(broken);
          const where = formatPoint(point);
          if (result instanceof ApiError) {
            expect(result.kind).toBe('schema');
            expect(
              point.length,
              `ApiError only for the envelope, not ${where}`,
            ).toBeLessThanOrEqual(1);
            return;
          }
          expectAccounted(broken, result);
          for (const issue of result.issues) {
            expect(isWithin(issue.path, where), `${issue.path} lies under ${where}`).toBe(true);
          }
          const g = point[1];
          if (point[0] === 'groups' && typeof g === 'number') {
            // Every other group parses exactly as before.
            const others = baseline.groups.filter((_, i) => i !== g);
            const groupSetAside = result.issues.some((i) => setAsideItem(i.path) === `group/${g}`);
            expect(groupSetAside ? result.groups : result.groups.filter((_, i) => i !== g)).toEqual(
              others,
            );
          }
        }),
      );
    });

    it(`session, dataset and metadata schemas never throw on arbitrary values [${NUM_RUNS} runs]`, ({
      task,
    }) => {
      check(
        task,
        fc.property(garbage, (value) => {
          for (const schema of [sessionSchema, datasetSchema, sessionMetadataSchema]) {
            expect(() => schema.safeParse(value)).not.toThrow();
          }
        }),
      );
    });
  },
);

describe('bodies that are not JSON (property)', PROPERTY_TIMEOUT, () => {
  const damagedJson = fc
    .tuple(
      fc.json({ maxDepth: 3 }),
      fc.nat(),
      fc.constantFrom('', '}', ',', '"', '\\', 'NaN', '\u0000', '<html>', "'"),
    )
    .map(([json, i, insert]) => {
      const cut = i % (json.length + 1);
      return `${json.slice(0, cut)}${insert}${json.slice(cut + 1)}`;
    });
  const bodies = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc.json({ maxDepth: 3 }),
    damagedJson,
    fc.json({ maxDepth: 2 }).map((json) => `\uFEFF${json}`),
    fc.json({ maxDepth: 2 }).map((json) => ` \n${json}\t `),
    fc.constantFrom(
      '',
      'null',
      '<!doctype html><html><body>502 Bad Gateway</body></html>',
      'NaN',
      'Infinity',
      "{'groups': []}",
      '{"groups": [],}',
      '"\\ud800"',
      '1e400',
      '-0',
    ),
  );

  it(`parseJsonText returns what JSON.parse does, or throws ApiError('not-json') with the first bytes [${NUM_RUNS} runs]`, ({
    task,
  }) => {
    check(
      task,
      fc.property(bodies, (text) => {
        let expected: { value: unknown } | undefined;
        try {
          expected = { value: JSON.parse(text) };
        } catch {
          expected = undefined;
        }
        try {
          const value = parseJsonText(text, '/api/v1/x');
          expect(expected).toBeDefined();
          expect(value).toEqual(expected?.value);
        } catch (error) {
          expect(error).toBeInstanceOf(ApiError);
          if (!(error instanceof ApiError)) return;
          expect(expected).toBeUndefined();
          expect(error.kind).toBe('not-json');
          expect(error.path).toBe('/api/v1/x');
          expect(error.bodySnippet).toBe(text.slice(0, 200));
        }
      }),
    );
  });

  it(`any body through parseJsonText then parseGroupedRuns: data, or ApiError not-json / schema [${NUM_RUNS} runs]`, ({
    task,
  }) => {
    check(
      task,
      fc.property(bodies, (text) => {
        try {
          const out = parseGroupedRuns(parseJsonText(text, 'group/runs'));
          expect(Array.isArray(out.groups) && Array.isArray(out.issues)).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(ApiError);
          if (error instanceof ApiError) expect(['not-json', 'schema']).toContain(error.kind);
        }
      }),
    );
  });
});

/**
 * Bugs these properties found (now fixed): each property runs its minimal counterexample
 * first (`examples`), so a regression fails deterministically.
 */
describe('bugs the properties found (fixed; kept as regressions)', PROPERTY_TIMEOUT, () => {
  const hostileKey = fc.oneof(
    fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'),
    feedbackKey,
  );

  it(`a feedback key named "__proto__" is kept like any other key [${NUM_RUNS} runs]`, ({
    task,
  }) => {
    // Minimal: normaliseFeedbackStats(JSON.parse('{"__proto__":{"n":1,"avg":1}}')) has no keys;
    // `out[key] = …` with key "__proto__" sets the result's prototype instead.
    const minimal = JSON.parse('{"__proto__":{"n":1,"avg":1}}') as Json;
    check(
      task,
      fc.property(wire(fc.dictionary(hostileKey, keyStatsArb, { maxKeys: 3 })).map(obj), (raw) => {
        const out = normaliseFeedbackStats(raw);
        expect(Object.keys(out).sort()).toEqual(Object.keys(raw).sort());
        expect([Object.prototype, null]).toContain(Object.getPrototypeOf(out));
        const fromList = statsFromFeedbacks(
          Object.keys(raw).map((key, i) => ({
            id: String(i),
            key,
            score: 1,
            value: null,
            comment: null,
            createdAt: null,
            sourceType: null,
          })),
        );
        expect(Object.keys(fromList).sort()).toEqual(Object.keys(raw).sort());
      }),
      { examples: [[minimal]] },
    );
  });

  it(`a category label named "__proto__" is counted like any other label [${NUM_RUNS} runs]`, ({
    task,
  }) => {
    // Minimal: normaliseFeedbackStats({k: {n: 1, values: {"__proto__": 2}}}) (values parsed from
    // JSON, so "__proto__" is an own key) gives no category; `out[label] = n` hits the setter.
    const minimal = JSON.parse('{"__proto__":2}') as Json;
    check(
      task,
      fc.property(
        wire(
          fc.dictionary(hostileKey, fc.integer({ min: 1, max: 9 }), { minKeys: 1, maxKeys: 3 }),
        ).map(obj),
        (values) => {
          const out = normaliseFeedbackStats({ k: { n: 1, values } }).k;
          expect(out?.categories).toEqual(values);
          expect(Object.keys(out?.categories ?? {}).sort()).toEqual(Object.keys(values).sort());
        },
      ),
      { examples: [[minimal]] },
    );
  });

  it(`a date-time of any RFC 3339 year names the instant written (years 0000-0099 too) [${NUM_RUNS} runs]`, ({
    task,
  }) => {
    // Minimal: parseTimestamp('0050-01-01T00:00:00') gives 1950-01-01 (-631152000000), not
    // year 50 (-60589296000000): Date.UTC maps years 0-99 to 1900-1999.
    check(
      task,
      fc.property(
        dateTimeString({
          // From 0001-01-02: an offset on 0000-01-01 would write a negative (non-RFC 3339) year.
          min: new Date('0001-01-02T00:00:00Z'),
          max: new Date('9999-12-30T00:00:00Z'),
        }),
        (text) => {
          expect(parseTimestamp(text), text).toBe(instantOf(text));
        },
      ),
      { examples: [['0050-01-01T00:00:00']] },
    );
  });

  it(`parseGroupedRuns throws only ApiError even for values no JSON parser makes [${NUM_RUNS} runs]`, ({
    task,
  }) => {
    // Minimal: a null-prototype object holding a BigInt as the whole response. describeValue
    // falls back to String(value), which throws TypeError for a null-prototype object.
    const minimal: unknown = Object.assign(Object.create(null) as object, { n: BigInt(1) });
    check(
      task,
      fc.property(
        fc.anything({ withBigInt: true, withNullPrototype: true, maxDepth: 2 }),
        (json) => {
          const result = parseOrError(json);
          expect(result instanceof ApiError || Array.isArray(result.groups)).toBe(true);
        },
      ),
      { examples: [[minimal]] },
    );
  });
});

// ---------- helpers for "garbage at any point" ----------

type Point = (string | number)[];

/** Every node of a JSON value, root first, as key/index paths. */
function nodePaths(value: unknown, prefix: Point = [], out: Point[] = []): Point[] {
  out.push(prefix);
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      nodePaths(item, [...prefix, i], out);
    });
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) nodePaths(item, [...prefix, key], out);
  }
  return out;
}

function replaceAt(root: unknown, point: Point, replacement: unknown): unknown {
  if (point.length === 0) return replacement;
  let parent = root as Record<string | number, unknown>;
  for (const part of point.slice(0, -1)) parent = parent[part] as Record<string | number, unknown>;
  const last = point.at(-1);
  if (last !== undefined)
    Object.defineProperty(parent, last, {
      value: replacement,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return root;
}

/** The path as the app's issues spell it: `groups[0].examples[1].runs[0].name`. */
function formatPoint(point: Point): string {
  return point
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${part}`))
    .join('');
}
