// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSpecArbitraries, type OpenApiDocument } from '../../testing/openapi-arbitrary';
import { readSpec } from '../../testing/openapi-spec';
import { readRunFields } from './run-fast-path';
import { runSchema, toRun } from './schemas';

/** The hand-written fast path must accept, reject and produce exactly what zod does. */
const spec = readSpec<OpenApiDocument>();
const runs = createSpecArbitraries(spec, { maxItems: 2 }).component('RunSchemaComparisonView');

const FIELDS = [
  'id',
  'session_id',
  'name',
  'status',
  'error',
  'outputs',
  'start_time',
  'total_cost',
  'tags',
  'trace_id',
  'reference_example_id',
  'extra',
  'feedbacks',
];
const oddValues = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.string(),
  fc.constant([]),
  fc.constant({}),
  fc.constant('2024-06-06T01:02:51.366397'),
  fc.constant('0.00052065'),
  fc.uuid(),
);

/** What the app keeps of a run's checked fields: the Run, and the feedback it reads next. */
function appView(fields: Parameters<typeof toRun>[0]) {
  return {
    run: toRun(fields, [], {}),
    feedbackStats: fields.feedback_stats,
    feedbacks: fields.feedbacks ?? [],
  };
}

function zodView(raw: unknown) {
  const parsed = runSchema.safeParse(raw);
  return parsed.success ? appView(parsed.data) : null;
}

function fastView(raw: unknown) {
  const fields = readRunFields(raw);
  return fields ? appView(fields) : null;
}

describe('run fast path', () => {
  it('agrees with zod on runs generated from the spec', () => {
    fc.assert(
      fc.property(runs, (raw) => {
        expect(fastView(raw)).toEqual(zodView(raw));
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('agrees with zod when any field holds an odd value', () => {
    fc.assert(
      fc.property(runs, fc.constantFrom(...FIELDS), oddValues, (raw, field, value) => {
        const changed = { ...(raw as Record<string, unknown>), [field]: value };
        expect(fastView(changed) === null).toBe(zodView(changed) === null);
        expect(fastView(changed)).toEqual(zodView(changed));
      }),
      { numRuns: 500, seed: 11 },
    );
  });

  it.each([null, 'run', 3, [], {}])('declines %j like zod', (raw) => {
    expect(fastView(raw)).toBeNull();
    expect(zodView(raw)).toBeNull();
  });
});
