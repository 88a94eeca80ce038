import type { Arbitrary } from 'fast-check';
import fc from 'fast-check';

/**
 * A small converter from the JSON Schemas of an OpenAPI 3.1 document (the LangSmith subset in
 * spec/) to fast-check arbitraries, for property tests of the response parsers.
 *
 * It covers what the subset uses: `$ref` into `#/components/schemas`, `anyOf`/`oneOf`,
 * `type` (object, array, string, integer, number, boolean, null, or a list of them), `enum`,
 * `const`, `format` uuid and date-time, `minItems`/`maxItems`, `minimum`/`maximum`,
 * `minLength`/`maxLength`, `required` versus optional properties (optional ones are sometimes
 * left out), `additionalProperties` (true or a schema) and `propertyNames`.
 *
 * Values are shaped like real servers send them rather than like the narrowest reading of the
 * spec: date-times come zone-less, with `+00:00`, with `Z` (see docs/real-world-shapes.md), and
 * objects that allow more properties sometimes carry unknown extra fields. Arrays stay small and
 * nesting is bounded, so a generated response parses in well under a millisecond.
 */

export interface JsonSchema {
  $ref?: string;
  type?: string | readonly string[];
  anyOf?: readonly JsonSchema[];
  oneOf?: readonly JsonSchema[];
  enum?: readonly unknown[];
  const?: unknown;
  format?: string;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  properties?: Readonly<Record<string, JsonSchema>>;
  required?: readonly string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
}

export interface OpenApiDocument {
  components?: { schemas?: Readonly<Record<string, JsonSchema>> };
}

/** Where a schema sits, for overrides: the property names from the root, `[]` for items. */
export interface SchemaContext {
  path: readonly string[];
  /** The nearest property name above this schema (array items keep their array's name). */
  property: string | undefined;
  depth: number;
}

/**
 * Returns the arbitrary to use for `schema` at `context`, or undefined to let the converter
 * build it. `generated()` builds what the converter would have, to mix with other forms.
 */
export type SchemaOverride = (
  schema: JsonSchema,
  context: SchemaContext,
  generated: () => Arbitrary<unknown>,
) => Arbitrary<unknown> | undefined;

export interface SpecArbitraryOptions {
  /** Largest array generated (raised to `minItems` where the schema asks for more). Default 3. */
  maxItems?: number;
  /** Schema nesting past which optional parts are dropped and arrays left empty. Default 12. */
  maxDepth?: number;
  /** Sometimes add unknown fields where the schema allows them. Default true. */
  extraFields?: boolean;
  /** Names tried for extra fields, beside random ones. */
  extraFieldNames?: readonly string[];
  /** Depth of free-form JSON values (`additionalProperties: true` objects). Default 2. */
  freeFormDepth?: number;
  /** A hook to replace the arbitrary of one schema, e.g. to mix cost strings with numbers. */
  override?: SchemaOverride;
  /** Date-time strings; default {@link dateTimeString}. */
  dateTime?: Arbitrary<string>;
}

/** Unknown fields real runs and sessions carry (docs/real-world-shapes.md). */
export const REAL_WORLD_EXTRA_FIELDS = [
  'prompt_cost_details',
  'completion_token_details',
  'trace_first_received_at',
  'ttl_seconds',
  'thread_id',
  'price_model_id',
  'messages',
  'in_dataset',
  'is_root',
  'tenant_id',
  'trace_tier',
] as const;

/** Beyond this, a schema that keeps requiring itself is a bug in the schema, not a big value. */
const HARD_DEPTH_MARGIN = 20;

export interface SpecArbitraries {
  /** The arbitrary of `#/components/schemas/<name>`. */
  component(name: string): Arbitrary<unknown>;
  /** The arbitrary of any schema of the document (its `$ref`s resolve against the document). */
  fromSchema(schema: JsonSchema, path?: readonly string[]): Arbitrary<unknown>;
}

export function createSpecArbitraries(
  document: OpenApiDocument,
  options: SpecArbitraryOptions = {},
): SpecArbitraries {
  const maxItems = options.maxItems ?? 3;
  const maxDepth = options.maxDepth ?? 12;
  const extraFields = options.extraFields ?? true;
  const freeFormDepth = options.freeFormDepth ?? 2;
  const dateTime = options.dateTime ?? dateTimeString();
  const extraNames = options.extraFieldNames ?? REAL_WORLD_EXTRA_FIELDS;
  const schemas = document.components?.schemas ?? {};

  const freeFormValue = fc.jsonValue({ maxDepth: freeFormDepth, depthSize: 'small' });

  function resolve(ref: string): JsonSchema {
    const prefix = '#/components/schemas/';
    if (!ref.startsWith(prefix)) throw new Error(`Unsupported $ref ${ref}`);
    const target = schemas[decodePointer(ref.slice(prefix.length))];
    if (!target) throw new Error(`Unknown $ref ${ref}`);
    return target;
  }

  function build(schema: JsonSchema, context: SchemaContext): Arbitrary<unknown> {
    if (context.depth > maxDepth + HARD_DEPTH_MARGIN) {
      throw new Error(`Schema recursion without an exit at ${context.path.join('.')}`);
    }
    const overridden = options.override?.(schema, context, () => plain(schema, context));
    return overridden ?? plain(schema, context);
  }

  function plain(schema: JsonSchema, context: SchemaContext): Arbitrary<unknown> {
    const deeper: SchemaContext = { ...context, depth: context.depth + 1 };

    if (schema.$ref !== undefined) return build(resolve(schema.$ref), deeper);
    if ('const' in schema) return fc.constant(schema.const);
    if (schema.enum) return fc.constantFrom(...schema.enum);

    const branches = schema.anyOf ?? schema.oneOf;
    if (branches && branches.length > 0) return union(branches, deeper);

    if (Array.isArray(schema.type)) {
      const types = schema.type as readonly string[];
      return union(
        types.map((type) => ({ ...schema, type })),
        deeper,
      );
    }
    const type =
      typeof schema.type === 'string'
        ? schema.type
        : schema.properties || schema.additionalProperties !== undefined
          ? 'object'
          : schema.items
            ? 'array'
            : undefined;

    switch (type) {
      case 'null':
        return fc.constant(null);
      case 'boolean':
        return fc.boolean();
      case 'integer':
        return integer(schema);
      case 'number':
        return number(schema);
      case 'string':
        return string(schema);
      case 'array':
        return array(schema, deeper);
      case 'object':
        return object(schema, deeper);
      default:
        return freeFormValue;
    }
  }

  function union(branches: readonly JsonSchema[], context: SchemaContext): Arbitrary<unknown> {
    if (context.depth > maxDepth) {
      // Past the depth budget, prefer a branch that cannot nest any further.
      const leaf = branches.find((b) => b.type === 'null') ?? branches.find(isScalar);
      if (leaf) return build(leaf, context);
    }
    return fc.oneof(...branches.map((branch) => build(branch, context)));
  }

  function array(schema: JsonSchema, context: SchemaContext): Arbitrary<unknown[]> {
    const minLength = schema.minItems ?? 0;
    const cap = context.depth > maxDepth ? minLength : maxItems;
    const maxLength = Math.max(minLength, Math.min(schema.maxItems ?? cap, cap));
    const items = schema.items
      ? build(schema.items, { ...context, path: [...context.path, '[]'] })
      : freeFormValue;
    return fc.array(items, { minLength, maxLength });
  }

  function object(schema: JsonSchema, context: SchemaContext): Arbitrary<Record<string, unknown>> {
    const properties = schema.properties ?? {};
    const names = Object.keys(properties);
    const required = new Set(schema.required ?? []);
    const tooDeep = context.depth > maxDepth;

    const model: Record<string, Arbitrary<unknown>> = {};
    for (const name of names) {
      const propertySchema = properties[name];
      if (!propertySchema || (tooDeep && !required.has(name))) continue;
      model[name] = build(propertySchema, {
        path: [...context.path, name],
        property: name,
        depth: context.depth,
      });
    }
    const declared = fc.record(model, {
      requiredKeys: names.filter((n) => required.has(n) && n in model),
      noNullPrototype: true,
    });

    const additional = schema.additionalProperties;
    // JSON Schema allows more properties unless told otherwise; servers do send them.
    const allowsMore = additional !== false;
    if (!allowsMore || tooDeep) return declared;

    const keyArb = (
      schema.propertyNames
        ? build({ type: 'string', ...schema.propertyNames }, context)
        : fc.oneof(
            { weight: 2, arbitrary: fc.constantFrom(...extraNames) },
            { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 10 }) },
          )
    ) as Arbitrary<string>;
    const valueArb =
      typeof additional === 'object'
        ? build(additional, { ...context, path: [...context.path, '*'] })
        : freeFormValue;
    const isFreeForm = names.length === 0;
    if (!isFreeForm && !extraFields) return declared;

    const extras = fc.dictionary(
      keyArb.filter((k) => !(k in properties)),
      valueArb,
      { maxKeys: isFreeForm ? maxItems : 2, noNullPrototype: true },
    );
    const sometimesExtras = isFreeForm
      ? extras
      : fc.oneof({ weight: 3, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: extras });
    // Spreading defines own properties, so even an extra named `__proto__` stays a plain field.
    return fc.tuple(declared, sometimesExtras).map(([known, extra]) => ({ ...extra, ...known }));
  }

  function integer(schema: JsonSchema): Arbitrary<number> {
    const min = schema.minimum === undefined ? undefined : Math.ceil(schema.minimum);
    const max = schema.maximum === undefined ? undefined : Math.floor(schema.maximum);
    const full = fc.integer({ min: min ?? -(2 ** 31), max: max ?? 2 ** 31 - 1 });
    // Small values (0, 1, counts) are what servers mostly send and where edge cases hide.
    const lo = min ?? Math.min(-10, max ?? -10);
    const small = fc.integer({ min: lo, max: max ?? Math.max(100, lo) });
    return fc.oneof(small, full);
  }

  function number(schema: JsonSchema): Arbitrary<number> {
    const constraints = {
      noNaN: true,
      noDefaultInfinity: true,
      ...(schema.minimum === undefined ? {} : { min: schema.minimum }),
      ...(schema.maximum === undefined ? {} : { max: schema.maximum }),
    };
    return fc.oneof(fc.double(constraints), integer(schema));
  }

  function string(schema: JsonSchema): Arbitrary<string> {
    if (schema.format === 'uuid') return uuidString();
    if (schema.format === 'date-time') return dateTime;
    const minLength = schema.minLength ?? 0;
    const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? 16, 16));
    return fc.oneof(
      fc.string({ minLength, maxLength }),
      fc.string({ minLength, maxLength, unit: 'grapheme' }),
    );
  }

  return {
    component(name) {
      return build(
        { $ref: `#/components/schemas/${name}` },
        { path: [], property: undefined, depth: 0 },
      );
    },
    fromSchema(schema, path = []) {
      return build(schema, { path, property: path.at(-1), depth: 0 });
    },
  };
}

function isScalar(schema: JsonSchema): boolean {
  return (
    typeof schema.type === 'string' &&
    ['string', 'integer', 'number', 'boolean', 'null'].includes(schema.type)
  );
}

function decodePointer(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Lower-case uuids mostly; the spec's `format: uuid` also admits upper case. */
export function uuidString(): Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: fc.uuid().map((u) => u.toUpperCase()) },
  );
}

/** The date-time spellings real servers send (docs/real-world-shapes.md), plus other offsets. */
export const DATE_TIME_FORMS = [
  'zone-less',
  'zone-less-seconds',
  'utc-offset',
  'z',
  'space',
  'offset',
] as const;
export type DateTimeForm = (typeof DATE_TIME_FORMS)[number];

export interface DateTimeOptions {
  min?: Date;
  max?: Date;
  forms?: readonly DateTimeForm[];
}

/**
 * Date-time strings for instants between `min` and `max` (default 1970 to 2100), each in one
 * of the forms: `2024-06-06T01:02:51.366397` (zone-less, microseconds), `2024-08-03T00:12:38`,
 * `2024-06-06T01:03:04.557530+00:00`, `2024-06-06T01:03:04.557Z`, `2026-02-16 01:35:18.573255`,
 * and a non-UTC offset such as `2024-06-06T06:33:04.557530+05:30`.
 */
export function dateTimeString(options: DateTimeOptions = {}): Arbitrary<string> {
  const min = options.min ?? new Date('1970-01-01T00:00:00Z');
  const max = options.max ?? new Date('2100-12-31T23:59:59Z');
  const forms = options.forms ?? DATE_TIME_FORMS;
  return fc
    .record({
      date: fc.date({ min, max, noInvalidDate: true }),
      micros: fc.integer({ min: 0, max: 999 }),
      form: fc.constantFrom(...forms),
      offsetMinutes: fc.constantFrom(-480, -300, -60, 60, 330, 545, 720),
    })
    .map(({ date, micros, form, offsetMinutes }) =>
      formatDateTime(date, form, micros, offsetMinutes),
    );
}

export function formatDateTime(
  date: Date,
  form: DateTimeForm,
  micros = 0,
  offsetMinutes = 0,
): string {
  const iso = date.toISOString(); // YYYY-MM-DDTHH:MM:SS.mmmZ
  const base = iso.slice(0, 19);
  const fraction = `${iso.slice(20, 23)}${String(micros).padStart(3, '0')}`;
  switch (form) {
    case 'zone-less':
      return `${base}.${fraction}`;
    case 'zone-less-seconds':
      return base;
    case 'utc-offset':
      return `${base}.${fraction}+00:00`;
    case 'z':
      return `${base}.${iso.slice(20, 23)}Z`;
    case 'space':
      return `${base.replace('T', ' ')}.${fraction}`;
    case 'offset': {
      const local = new Date(date.getTime() + offsetMinutes * 60_000).toISOString();
      const sign = offsetMinutes < 0 ? '-' : '+';
      const abs = Math.abs(offsetMinutes);
      const hh = String(Math.floor(abs / 60)).padStart(2, '0');
      const mm = String(abs % 60).padStart(2, '0');
      return `${local.slice(0, 19)}.${local.slice(20, 23)}${String(micros).padStart(3, '0')}${sign}${hh}:${mm}`;
    }
  }
}

/**
 * The instant a generated date-time names, in epoch ms (sub-millisecond digits truncated),
 * computed independently of the app's parser: `Date.parse` of the equivalent `Z`/offset form.
 * Returns undefined for strings this module does not generate.
 */
export function instantOf(text: string): number | undefined {
  const m = /^(\d{4}-\d\d-\d\d)[T ](\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?(Z|[+-]\d\d:\d\d)?$/.exec(text);
  if (!m) return undefined;
  const [, day, time, fraction = '', zone = 'Z'] = m;
  const ms = fraction.padEnd(3, '0').slice(0, 3);
  const t = Date.parse(`${day}T${time}.${ms}${zone}`);
  return Number.isNaN(t) ? undefined : t;
}
