// @vitest-environment node
import type { Parameters as FcParameters, IRawProperty } from 'fast-check';
import fc from 'fast-check';
import type { TestContext } from 'vitest';
import { describe, expect, it } from 'vitest';
import { parseTimestamp } from '../lib/timestamps';
import {
  anythingIsh,
  dataset,
  feedbackKey,
  garbage,
  groupedResponse,
  keyStatsArb,
  sessionMetadata,
  tracerSession,
  wire,
} from '../testing/normalise-arbitraries';
import {
  at,
  cannotBeItem,
  expectAccounted,
  expectInstant,
  expectNumber,
  expectResponse,
  expectSessionFields,
  hasGroupsArray,
  isWithin,
  itemSlots,
  type Json,
  obj,
  parseOrError,
  setAsideItem,
} from '../testing/normalise-oracles';
import { dateTimeString, instantOf } from '../testing/openapi-arbitrary';
import { parseJsonText } from './client';
import { datasetSchema } from './datasets';
import { ApiError } from './errors';
import { normaliseFeedbackStats, statsFromFeedbacks } from './feedback-stats';
import { parseGroupedRuns } from './grouped-runs/parse';
import { sessionMetadataSchema } from './session-metadata';
import { sessionSchema } from './sessions';
import { z } from './zod';

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
        expect(z.array(sessionSchema).safeParse(sessions).success).toBe(true);
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
