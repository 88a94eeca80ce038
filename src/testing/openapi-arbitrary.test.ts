// @vitest-environment node
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createSpecArbitraries,
  DATE_TIME_FORMS,
  dateTimeString,
  formatDateTime,
  instantOf,
  type OpenApiDocument,
} from './openapi-arbitrary';
import { readSpec } from './openapi-spec';

const SPEC_ID = 'https://versus.test/langsmith-openapi-subset.json';
const spec = readSpec<OpenApiDocument & Record<string, unknown>>();

// As in src/mocks/contract.test.ts: date-times may come without an offset (pydantic's naive
// datetimes) and, as SDK dumps do, with a space for the `T` (docs/real-world-shapes.md, Timestamps).
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addFormat('date-time', /^\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(\.\d{1,6})?(Z|[+-]\d\d:\d\d)?$/);
ajv.addSchema({ ...spec, $id: SPEC_ID });

const SEED = 7;
const arbitraries = createSpecArbitraries(spec);

describe('createSpecArbitraries over the LangSmith subset', () => {
  it.each([
    'GroupedExamplesWithRunsResponse',
    'TracerSession',
    'Dataset',
    'RootModel_Dict_str__list_str___',
    'QueryGroupedExamplesWithRuns',
    'HTTPValidationError',
  ])('generates %s values that the spec itself accepts', (name) => {
    const validate = ajv.compile({ $ref: `${SPEC_ID}#/components/schemas/${name}` });
    fc.assert(
      fc.property(arbitraries.component(name), (value) => {
        const json = JSON.parse(JSON.stringify(value)) as unknown;
        const ok = validate(json);
        expect(ok ? [] : ajv.errorsText(validate.errors).split(', ').slice(0, 5)).toEqual([]);
      }),
      { seed: SEED, numRuns: 60 },
    );
  });

  it('sometimes leaves optional properties out, never required ones, and sometimes adds extras', () => {
    const runs = fc.sample(arbitraries.component('RunSchemaComparisonView'), {
      seed: SEED,
      numRuns: 200,
    }) as Record<string, unknown>[];
    const declared = Object.keys(
      (spec.components?.schemas?.RunSchemaComparisonView?.properties ?? {}) as object,
    );
    for (const run of runs) {
      for (const key of ['name', 'run_type', 'trace_id', 'id', 'session_id', 'status']) {
        expect(run).toHaveProperty(key);
      }
    }
    expect(runs.some((r) => !('error' in r))).toBe(true);
    expect(runs.some((r) => 'error' in r)).toBe(true);
    expect(runs.some((r) => Object.keys(r).some((k) => !declared.includes(k)))).toBe(true);
  });

  it('respects minItems, minimum and maximum', () => {
    const bodies = fc.sample(arbitraries.component('QueryGroupedExamplesWithRuns'), {
      seed: SEED,
      numRuns: 200,
    }) as Record<string, unknown>[];
    for (const body of bodies) {
      expect((body.session_ids as unknown[]).length).toBeGreaterThanOrEqual(1);
      if ('per_group_limit' in body) {
        expect(body.per_group_limit).toBeGreaterThanOrEqual(1);
        expect(body.per_group_limit).toBeLessThanOrEqual(10);
      }
      if ('offset' in body) expect(body.offset).toBeGreaterThanOrEqual(0);
    }
  });

  it('bounds recursion: a schema that contains itself still gives finite values', () => {
    const recursive = createSpecArbitraries(
      {
        components: {
          schemas: {
            Node: {
              type: 'object',
              required: ['name'],
              properties: {
                name: { type: 'string' },
                children: { type: 'array', items: { $ref: '#/components/schemas/Node' } },
                parent: { anyOf: [{ $ref: '#/components/schemas/Node' }, { type: 'null' }] },
              },
              additionalProperties: false,
            },
          },
        },
      },
      { maxDepth: 4 },
    );
    const depth = (v: unknown): number =>
      v !== null && typeof v === 'object'
        ? 1 + Math.max(0, ...Object.values(v as object).map(depth))
        : 0;
    for (const node of fc.sample(recursive.component('Node'), { seed: SEED, numRuns: 100 })) {
      expect(depth(node)).toBeLessThan(30);
    }
  });

  it('lets an override replace one property and mix in what it would have built', () => {
    const costs = createSpecArbitraries(spec, {
      override: (_schema, context, generated) =>
        context.property === 'total_cost' && context.path.at(-1) === 'total_cost'
          ? fc.oneof(fc.constant(0.5), generated())
          : undefined,
    });
    const values = fc
      .sample(costs.component('TracerSession'), { seed: SEED, numRuns: 300 })
      .map((s) => (s as Record<string, unknown>).total_cost);
    expect(values).toContain(0.5);
    expect(values.some((v) => typeof v === 'string' || v === null)).toBe(true);
  });
});

describe('dateTimeString', () => {
  it.each(DATE_TIME_FORMS)('writes the %s form of an instant that instantOf reads back', (form) => {
    const date = new Date('2024-06-06T01:02:51.366Z');
    const text = formatDateTime(date, form, 397, 330);
    const expected = form === 'zone-less-seconds' ? date.getTime() - 366 : date.getTime();
    expect(instantOf(text)).toBe(expected);
  });

  it('spells the forms real servers send', () => {
    const date = new Date('2024-06-06T01:02:51.366Z');
    expect(formatDateTime(date, 'zone-less', 397)).toBe('2024-06-06T01:02:51.366397');
    expect(formatDateTime(date, 'zone-less-seconds')).toBe('2024-06-06T01:02:51');
    expect(formatDateTime(date, 'utc-offset', 397)).toBe('2024-06-06T01:02:51.366397+00:00');
    expect(formatDateTime(date, 'z')).toBe('2024-06-06T01:02:51.366Z');
    expect(formatDateTime(date, 'space', 397)).toBe('2024-06-06 01:02:51.366397');
    expect(formatDateTime(date, 'offset', 0, 330)).toBe('2024-06-06T06:32:51.366000+05:30');
  });

  it('generates every form, zone-less, +00:00 and Z among them', () => {
    const texts = fc.sample(dateTimeString(), { seed: SEED, numRuns: 300 });
    expect(texts.some((t) => /T\d\d:\d\d:\d\d\.\d{6}$/.test(t))).toBe(true);
    expect(texts.some((t) => t.endsWith('+00:00'))).toBe(true);
    expect(texts.some((t) => t.endsWith('Z'))).toBe(true);
    for (const t of texts) expect(instantOf(t)).toEqual(expect.any(Number));
  });
});
