import type { Arbitrary } from 'fast-check';
import fc from 'fast-check';
import { createSpecArbitraries, type JsonSchema, type OpenApiDocument } from './openapi-arbitrary';
import { readSpec } from './openapi-spec';

/**
 * The values the response parsers' property tests feed them (src/api/normalise.property.test.ts):
 * what the spec allows, shaped as real servers send it (docs/real-world-shapes.md), and garbage.
 */

// ---------- the spec and its arbitraries ----------

export const spec = readSpec<OpenApiDocument>();

/** Decimal strings as servers write costs: `0.00052065`, `12`, `1e-7`. */
export const decimalString = fc.oneof(
  fc
    .tuple(fc.nat(1000), fc.nat(99_999_999))
    .map(([units, fraction]) => `${units}.${String(fraction).padStart(8, '0')}`),
  fc.nat(1000).map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
);

/** A cost: the spec's string form, or the JSON number some endpoints send, or null. */
export const costArb = fc.oneof(
  { weight: 3, arbitrary: decimalString },
  { weight: 3, arbitrary: fc.double({ min: 0, max: 1000, noNaN: true }) },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
);

/** Stat values: numbers, decimal strings, null, and now and then junk. */
export const numberish = fc.oneof(
  { weight: 4, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 2, arbitrary: fc.integer({ min: -5, max: 50 }) },
  { weight: 2, arbitrary: decimalString },
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.oneof(fc.string({ maxLength: 6 }), fc.boolean(), fc.constant({})) },
);

export const feedbackKey = fc.oneof(
  fc.constantFrom('correctness', 'helpfulness', 'latency_ok', 'note', 'Correctness'),
  fc.string({ minLength: 1, maxLength: 12 }),
);

/** One feedback key's stats, in any of the eras of docs/real-world-shapes.md, mixed. */
export const keyStatsArb = fc.record(
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

export const feedbackStatsArb = fc.oneof(
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 4, arbitrary: fc.dictionary(feedbackKey, keyStatsArb, { maxKeys: 3 }) },
);

export const arbitraries = createSpecArbitraries(spec, {
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
export function wire(arbitrary: Arbitrary<unknown>): Arbitrary<unknown> {
  return arbitrary.map((value) => JSON.parse(JSON.stringify(value)) as unknown);
}

export const groupedResponse = wire(arbitraries.component('GroupedExamplesWithRunsResponse'));
export const tracerSession = wire(arbitraries.component('TracerSession'));
export const dataset = wire(arbitraries.component('Dataset'));
export const sessionMetadata = wire(arbitraries.component('RootModel_Dict_str__list_str___'));

/** Values no JSON parser makes, but a caller could pass. */
export const anythingIsh = fc.anything({
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
export const garbage = fc.oneof(fc.jsonValue({ maxDepth: 3 }), anythingIsh);
