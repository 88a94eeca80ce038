import type { ValidationIssue } from './api-types';

/**
 * Request checks that answer the way FastAPI + pydantic v2 do: a 422 whose `detail` lists
 * one entry per problem with `loc`, `msg`, `type` (plus `input`/`ctx`, as FastAPI sends).
 * Clients are written against those messages, so the wording follows pydantic's.
 */

export type Loc = (string | number)[];

export function issue(
  loc: Loc,
  type: string,
  msg: string,
  input: unknown,
  ctx?: Record<string, unknown>,
): ValidationIssue {
  return ctx ? { type, loc, msg, input, ctx } : { type, loc, msg, input };
}

export function validationError(issues: ValidationIssue[]): {
  status: 422;
  body: { detail: ValidationIssue[] };
} {
  return { status: 422, body: { detail: issues } };
}

const HEX = /^[0-9a-f]$/i;
const GROUP_LENGTHS = [8, 4, 4, 4, 12];

/** A canonical lowercase 8-4-4-4-12 id, or the reason (in pydantic's words) it is not one. */
export function parseUuid(
  value: string,
): { ok: true; value: string } | { ok: false; reason: string } {
  const text = value.toLowerCase().startsWith('urn:uuid:') ? value.slice(9) : value;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (!HEX.test(c) && c !== '-') {
      return {
        ok: false,
        reason: `invalid character: expected an optional prefix of \`urn:uuid:\` followed by [0-9a-fA-F-], found \`${c}\` at ${i + 1}`,
      };
    }
  }
  if (text.includes('-')) {
    const groups = text.split('-');
    if (groups.length !== 5) {
      return { ok: false, reason: `invalid group count: expected 5, found ${groups.length}` };
    }
    for (let g = 0; g < 5; g++) {
      const expected = GROUP_LENGTHS[g] as number;
      const found = (groups[g] as string).length;
      if (found !== expected) {
        return {
          ok: false,
          reason: `invalid group length in group ${g}: expected ${expected}, found ${found}`,
        };
      }
    }
    return { ok: true, value: text.toLowerCase() };
  }
  if (text.length !== 32) {
    return {
      ok: false,
      reason: `invalid length: expected length 32 for simple format, found ${text.length}`,
    };
  }
  const t = text.toLowerCase();
  return {
    ok: true,
    value: `${t.slice(0, 8)}-${t.slice(8, 12)}-${t.slice(12, 16)}-${t.slice(16, 20)}-${t.slice(20)}`,
  };
}

/** Validates one uuid value (from a path, a query or a JSON body) into `issues`. */
export function checkUuid(value: unknown, loc: Loc, issues: ValidationIssue[]): string | null {
  if (typeof value !== 'string') {
    issues.push(
      issue(loc, 'uuid_type', 'UUID input should be a string, bytes or UUID object', value),
    );
    return null;
  }
  const parsed = parseUuid(value);
  if (!parsed.ok) {
    issues.push(
      issue(loc, 'uuid_parsing', `Input should be a valid UUID, ${parsed.reason}`, value, {
        error: parsed.reason,
      }),
    );
    return null;
  }
  return parsed.value;
}

export interface IntBounds {
  ge?: number;
  le?: number;
}

/** pydantic's lax int: integers, integral floats, numeric strings and booleans. */
export function checkInt(
  value: unknown,
  loc: Loc,
  bounds: IntBounds,
  issues: ValidationIssue[],
): number | null {
  let n: number;
  if (typeof value === 'boolean') n = value ? 1 : 0;
  else if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      issues.push(issue(loc, 'finite_number', 'Input should be a finite number', value));
      return null;
    }
    if (!Number.isInteger(value)) {
      issues.push(
        issue(
          loc,
          'int_from_float',
          'Input should be a valid integer, got a number with a fractional part',
          value,
        ),
      );
      return null;
    }
    n = value;
  } else if (typeof value === 'string') {
    if (!/^\s*[+-]?\d+\s*$/.test(value)) {
      issues.push(
        issue(
          loc,
          'int_parsing',
          'Input should be a valid integer, unable to parse string as an integer',
          value,
        ),
      );
      return null;
    }
    n = Number(value);
  } else {
    issues.push(issue(loc, 'int_type', 'Input should be a valid integer', value));
    return null;
  }
  if (bounds.ge !== undefined && n < bounds.ge) {
    issues.push(
      issue(
        loc,
        'greater_than_equal',
        `Input should be greater than or equal to ${bounds.ge}`,
        value,
        { ge: bounds.ge },
      ),
    );
    return null;
  }
  if (bounds.le !== undefined && n > bounds.le) {
    issues.push(
      issue(loc, 'less_than_equal', `Input should be less than or equal to ${bounds.le}`, value, {
        le: bounds.le,
      }),
    );
    return null;
  }
  return n;
}

const TRUE_WORDS = new Set(['1', 'on', 't', 'true', 'y', 'yes']);
const FALSE_WORDS = new Set(['0', 'off', 'f', 'false', 'n', 'no']);

/** pydantic's lax bool: booleans, 0/1 and the usual words. */
export function checkBool(value: unknown, loc: Loc, issues: ValidationIssue[]): boolean | null {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number' && (value === 0 || value === 1)) return value === 1;
  if (typeof value === 'string') {
    const word = value.trim().toLowerCase();
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
  }
  if (typeof value === 'string' || typeof value === 'number') {
    issues.push(
      issue(
        loc,
        'bool_parsing',
        'Input should be a valid boolean, unable to interpret input',
        value,
      ),
    );
  } else {
    issues.push(issue(loc, 'bool_type', 'Input should be a valid boolean', value));
  }
  return null;
}

export function checkEnum<T extends string>(
  value: unknown,
  allowed: readonly T[],
  loc: Loc,
  issues: ValidationIssue[],
): T | null {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value))
    return value as T;
  const quoted = allowed.map((a) => `'${a}'`);
  const expected =
    quoted.length > 1
      ? `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`
      : (quoted[0] ?? '');
  issues.push(issue(loc, 'enum', `Input should be ${expected}`, value, { expected }));
  return null;
}

export function missing(loc: Loc, input: unknown): ValidationIssue {
  return issue(loc, 'missing', 'Field required', input);
}

/**
 * Query parameters as FastAPI reads them: a scalar takes the last occurrence, a list takes
 * every occurrence. Each reader returns `fallback` when the parameter is absent.
 */
export class QueryReader {
  readonly issues: ValidationIssue[] = [];
  private readonly params: URLSearchParams;

  constructor(params: URLSearchParams) {
    this.params = params;
  }

  private last(name: string): string | undefined {
    const all = this.params.getAll(name);
    return all.length > 0 ? all[all.length - 1] : undefined;
  }

  int(name: string, fallback: number, bounds: IntBounds = {}): number {
    const raw = this.last(name);
    if (raw === undefined) return fallback;
    return checkInt(raw, ['query', name], bounds, this.issues) ?? fallback;
  }

  bool(name: string, fallback: boolean): boolean {
    const raw = this.last(name);
    if (raw === undefined) return fallback;
    return checkBool(raw, ['query', name], this.issues) ?? fallback;
  }

  text(name: string): string | null {
    return this.last(name) ?? null;
  }

  enumValue<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const raw = this.last(name);
    if (raw === undefined) return fallback;
    return checkEnum(raw, allowed, ['query', name], this.issues) ?? fallback;
  }

  /** Repeatable `?name=a&name=b`; null when the parameter is absent. */
  uuids(name: string): string[] | null {
    const all = this.params.getAll(name);
    if (all.length === 0) return null;
    const out: string[] = [];
    all.forEach((raw, i) => {
      const id = checkUuid(raw, ['query', name, i], this.issues);
      if (id) out.push(id);
    });
    return out;
  }

  enumList<T extends string>(name: string, allowed: readonly T[]): T[] | null {
    const all = this.params.getAll(name);
    if (all.length === 0) return null;
    const out: T[] = [];
    all.forEach((raw, i) => {
      const v = checkEnum(raw, allowed, ['query', name, i], this.issues);
      if (v) out.push(v);
    });
    return out;
  }

  texts(name: string): string[] | null {
    const all = this.params.getAll(name);
    return all.length > 0 ? all : null;
  }
}
