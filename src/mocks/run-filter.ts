import type { ApiRun } from './api-types';
import { numericScore, parseCost, type RunFacts } from './stats';

/**
 * A small subset of LangSmith's run filter language, enough for what a comparison view asks:
 *   eq(status, "error")            neq(status, 'success')         gt(latency, 3)
 *   has(tags, "prod")              and(...), or(...), not(...)
 *   and(eq(feedback_key, 'correctness'), eq(feedback_score, 0))   (one feedback satisfies both)
 *   and(eq(metadata_key, 'model'), eq(metadata_value, 'gpt-4o'))  (one metadata entry)
 * Anything this subset does not understand (an unknown field or function, or text that does
 * not parse) matches every run: the mock narrows nothing it cannot honestly evaluate, and it
 * never rejects a filter the real server might accept.
 */

export type RunPredicate = (facts: RunFacts) => boolean;

type Literal = string | number | boolean | null;
type Node = { fn: string; args: Arg[] };
type Arg = Node | { ident: string } | { literal: Literal };

const MATCH_ALL: RunPredicate = () => true;

class Parser {
  private at = 0;
  constructor(private readonly text: string) {}

  parse(): Node {
    const node = this.call();
    this.space();
    if (this.at !== this.text.length) throw new Error('trailing text');
    return node;
  }

  private space(): void {
    while (this.at < this.text.length && /\s/.test(this.text.charAt(this.at))) this.at++;
  }

  private word(): string {
    this.space();
    const m = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(this.text.slice(this.at));
    if (!m) throw new Error(`expected a name at ${this.at}`);
    this.at += m[0].length;
    return m[0];
  }

  private call(): Node {
    const fn = this.word().toLowerCase();
    this.expect('(');
    const args: Arg[] = [];
    this.space();
    if (this.text.charAt(this.at) !== ')') {
      for (;;) {
        args.push(this.arg());
        this.space();
        if (this.text.charAt(this.at) === ',') {
          this.at++;
          continue;
        }
        break;
      }
    }
    this.expect(')');
    return { fn, args };
  }

  private arg(): Arg {
    this.space();
    const c = this.text.charAt(this.at);
    if (c === '"' || c === "'") return { literal: this.string(c) };
    const num = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.at));
    if (num) {
      this.at += num[0].length;
      return { literal: Number(num[0]) };
    }
    const start = this.at;
    const name = this.word();
    this.space();
    if (this.text.charAt(this.at) === '(') {
      this.at = start;
      return this.call();
    }
    const lower = name.toLowerCase();
    if (lower === 'true' || lower === 'false') return { literal: lower === 'true' };
    if (lower === 'null' || lower === 'none') return { literal: null };
    return { ident: lower };
  }

  private string(quote: string): string {
    this.at++;
    let out = '';
    while (this.at < this.text.length) {
      const c = this.text.charAt(this.at++);
      if (c === '\\') out += this.text.charAt(this.at++);
      else if (c === quote) return out;
      else out += c;
    }
    throw new Error('unterminated string');
  }

  private expect(c: string): void {
    this.space();
    if (this.text.charAt(this.at) !== c) throw new Error(`expected ${c} at ${this.at}`);
    this.at++;
  }
}

const COMPARATORS: Record<string, (a: number | string, b: number | string) => boolean> = {
  gt: (a, b) => a > b,
  gte: (a, b) => a >= b,
  lt: (a, b) => a < b,
  lte: (a, b) => a <= b,
};

/** Field values a filter can compare; undefined means "not a field this mock knows". */
function fieldValue(facts: RunFacts, field: string): Literal | undefined {
  const run: ApiRun = facts.run;
  switch (field) {
    case 'status':
    case 'name':
    case 'run_type':
    case 'id':
    case 'trace_id':
    case 'session_id':
      return run[field];
    case 'reference_example_id':
      return run.reference_example_id ?? null;
    case 'error':
      return run.error ?? null;
    case 'is_root':
      return true; // the mock stores root runs only
    case 'latency':
      return facts.latency;
    case 'total_tokens':
    case 'prompt_tokens':
    case 'completion_tokens':
      return run[field];
    case 'total_cost':
    case 'prompt_cost':
    case 'completion_cost':
      return parseCost(run[field]);
    default:
      return undefined;
  }
}

function isLiteral(arg: Arg | undefined): arg is { literal: Literal } {
  return arg !== undefined && 'literal' in arg;
}
function isIdent(arg: Arg | undefined): arg is { ident: string } {
  return arg !== undefined && 'ident' in arg;
}

const PAIRED = new Set([
  'feedback_key',
  'feedback_score',
  'feedback_value',
  'metadata_key',
  'metadata_value',
]);

function comparison(fn: string, actual: Literal | undefined, expected: Literal): boolean {
  if (fn === 'eq') return actual === expected;
  if (fn === 'neq') return actual !== expected;
  const cmp = COMPARATORS[fn];
  if (!cmp || actual === null || actual === undefined || expected === null) return false;
  if (typeof actual === 'boolean' || typeof expected === 'boolean') return false;
  return cmp(actual, expected);
}

/** Compiles a node; returns null for what the subset cannot evaluate (it then matches all). */
function compile(node: Node): RunPredicate | null {
  const { fn, args } = node;
  if (fn === 'and' || fn === 'or') {
    const paired = args.filter(
      (a): a is Node => 'fn' in a && isIdent(a.args[0]) && PAIRED.has(a.args[0].ident),
    );
    const rest = args.filter((a) => !paired.includes(a as Node));
    const parts: RunPredicate[] = [];
    if (paired.length > 0) {
      const p = fn === 'and' ? pairedPredicate(paired) : null;
      if (p) parts.push(p);
      else for (const a of paired) parts.push(pairedPredicate([a]) ?? MATCH_ALL);
    }
    for (const a of rest) {
      if (!('fn' in a)) return null;
      parts.push(compile(a) ?? MATCH_ALL);
    }
    return fn === 'and' ? (f) => parts.every((p) => p(f)) : (f) => parts.some((p) => p(f));
  }
  if (fn === 'not') {
    const inner = args[0] && 'fn' in args[0] ? compile(args[0]) : null;
    return inner ? (f) => !inner(f) : null;
  }
  if (fn === 'has') {
    const [field, value] = args;
    if (!isIdent(field) || field.ident !== 'tags' || !isLiteral(value)) return null;
    return (f) => (f.run.tags ?? []).includes(String(value.literal));
  }
  const [field, value] = args;
  if (!isIdent(field) || !isLiteral(value)) return null;
  if (PAIRED.has(field.ident)) return pairedPredicate([node]);
  if (fn !== 'eq' && fn !== 'neq' && !COMPARATORS[fn]) return null;
  return (f) => {
    const actual = fieldValue(f, field.ident);
    return actual === undefined ? true : comparison(fn, actual, value.literal);
  };
}

/** Conditions on feedback or metadata that one and the same entry must satisfy together. */
function pairedPredicate(nodes: Node[]): RunPredicate | null {
  const feedback: Array<(f: { key: string; score: number | null; value: unknown }) => boolean> = [];
  const metadata: Array<(m: { key: string; value: unknown }) => boolean> = [];
  for (const n of nodes) {
    const [field, value] = n.args;
    if (!isIdent(field) || !isLiteral(value)) return null;
    const expected = value.literal;
    switch (field.ident) {
      case 'feedback_key':
        feedback.push((f) => comparison(n.fn, f.key, expected));
        break;
      case 'feedback_score':
        feedback.push((f) => comparison(n.fn, f.score, expected));
        break;
      case 'feedback_value':
        feedback.push((f) => comparison(n.fn, f.value as Literal, expected));
        break;
      case 'metadata_key':
        metadata.push((m) => comparison(n.fn, m.key, expected));
        break;
      default:
        metadata.push((m) =>
          comparison(
            n.fn,
            typeof m.value === 'object' ? JSON.stringify(m.value) : (m.value as Literal),
            expected,
          ),
        );
    }
  }
  return (facts) => {
    if (feedback.length > 0) {
      const hit = facts.run.feedbacks.some((fb) => {
        const entry = { key: fb.key, score: numericScore(fb.score), value: fb.value };
        return feedback.every((p) => p(entry));
      });
      if (!hit) return false;
    }
    if (metadata.length > 0) {
      const meta = facts.run.extra?.metadata;
      if (!meta || typeof meta !== 'object' || Array.isArray(meta)) return false;
      const hit = Object.entries(meta).some(([key, value]) =>
        metadata.every((p) => p({ key, value })),
      );
      if (!hit) return false;
    }
    return true;
  };
}

const compiled = new Map<string, RunPredicate>();

function compileRunFilter(text: string): RunPredicate {
  let predicate = compiled.get(text);
  if (!predicate) {
    try {
      predicate = compile(new Parser(text).parse()) ?? MATCH_ALL;
    } catch {
      predicate = MATCH_ALL;
    }
    compiled.set(text, predicate);
  }
  return predicate;
}

/** All filters of a list must hold (LangSmith ANDs a session's filters). */
export function compileRunFilters(texts: readonly string[]): RunPredicate | null {
  if (texts.length === 0) return null;
  const predicates = texts.map(compileRunFilter).filter((p) => p !== MATCH_ALL);
  if (predicates.length === 0) return null;
  return (f) => predicates.every((p) => p(f));
}
