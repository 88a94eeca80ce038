import type { Run } from '../../../api/grouped-runs/schemas';
import { truncate } from '../../../lib/text';

/** What a cell shows of a run's output: its preview, or a bounded rendering of its outputs. */

export const PREVIEW_MAX_CHARS = 300;
export const PREVIEW_MAX_DEPTH = 6;

/** `outputs_preview` when sent, else a bounded rendering of `outputs`; null when neither. */
export function runPreview(run: Run): string | null {
  if (run.outputsPreview !== null && run.outputsPreview !== '') {
    return truncate(run.outputsPreview, PREVIEW_MAX_CHARS);
  }
  if (run.outputs === null) return null;
  const only = singleStringField(run.outputs);
  if (only !== null) return truncate(only, PREVIEW_MAX_CHARS);
  return renderBounded(run.outputs, { maxChars: PREVIEW_MAX_CHARS, maxDepth: PREVIEW_MAX_DEPTH });
}

/** `{answer: "…"}` reads best as its text; counting stops at two keys, whatever the size. */
function singleStringField(outputs: Record<string, unknown>): string | null {
  let count = 0;
  let value: unknown;
  for (const key in outputs) {
    if (!Object.hasOwn(outputs, key)) continue;
    count++;
    if (count > 1) return null;
    value = outputs[key];
  }
  return count === 1 && typeof value === 'string' ? value : null;
}

export interface RenderOptions {
  maxChars: number;
  maxDepth?: number;
}

/**
 * Compact JSON-like text in bounded time and memory: stops after `maxChars` (ellipsis
 * included), elides structures deeper than `maxDepth`, slices long strings before escaping
 * them, and marks cycles. Deep or huge inputs cost O(maxChars), never O(size).
 */
export function renderBounded(value: unknown, options: RenderOptions): string {
  const maxDepth = options.maxDepth ?? PREVIEW_MAX_DEPTH;
  // Most outputs are small: a cheap size check lets the native stringifier do the work.
  if (fitsBudget(value, options.maxChars, 0, maxDepth) >= 0) {
    return truncate(JSON.stringify(value), options.maxChars);
  }
  const writer = new BoundedWriter(options.maxChars, maxDepth);
  writer.walk(value, 0);
  // join() yields one flat string: a rope of many small pieces would be retained per cell.
  return truncate(writer.parts.join(''), options.maxChars);
}

/**
 * What is left of `budget` after rendering `value` as JSON (an underestimate: escapes are not
 * counted), or -1 when it does not fit, is too deep, or holds anything JSON.stringify would
 * render differently (undefined, bigint, functions, toJSON). Cycles exceed the depth: -1.
 */
function fitsBudget(value: unknown, budget: number, depth: number, maxDepth: number): number {
  switch (typeof value) {
    case 'string':
      return budget - value.length - 2;
    case 'number':
    case 'boolean':
      // Up to 24 characters for a double: the estimate must not undercount much.
      return budget - 24;
    case 'object':
      break;
    default:
      return -1;
  }
  if (value === null) return budget - 4;
  if (depth >= maxDepth) return -1;
  let left = budget - 2;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      left = fitsBudget(value[i], left - 1, depth + 1, maxDepth);
      if (left < 0) return -1;
    }
    return left;
  }
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return -1;
  const record = value as Record<string, unknown>;
  for (const key in record) {
    if (!Object.hasOwn(record, key)) return -1;
    left = fitsBudget(record[key], left - key.length - 4, depth + 1, maxDepth);
    if (left < 0) return -1;
  }
  return left;
}

// A class, not closures: previews are rendered for every cell, so per-call allocation matters.
class BoundedWriter {
  readonly parts: string[] = [];
  private length = 0;
  private readonly ancestors: object[] = [];
  // One character past the cap tells `truncate` to add the ellipsis.
  private readonly budget: number;

  constructor(
    maxChars: number,
    private readonly maxDepth: number,
  ) {
    this.budget = maxChars + 1;
  }

  /** Appends; false once the budget is spent, which unwinds every level immediately. */
  private emit(s: string): boolean {
    this.parts.push(s);
    this.length += s.length;
    return this.length < this.budget;
  }

  // Long strings are sliced before escaping, so a 5 MB string costs only the budget.
  private emitString(s: string): boolean {
    const room = this.budget - this.length;
    return this.emit(JSON.stringify(s.length > room ? s.slice(0, room) : s));
  }

  walk(v: unknown, depth: number): boolean {
    switch (typeof v) {
      case 'string':
        return this.emitString(v);
      case 'number':
        return this.emit(Number.isFinite(v) ? String(v) : 'null');
      case 'boolean':
      case 'bigint':
        return this.emit(String(v));
      case 'object':
        break;
      default:
        // undefined, functions, symbols: JSON has none; show null rather than throw.
        return this.emit('null');
    }
    if (v === null) return this.emit('null');
    const isArray = Array.isArray(v);
    if (depth >= this.maxDepth) return this.emit(isArray ? '[…]' : '{…}');
    // JSON cannot hold cycles, but a caller's object might.
    if (this.ancestors.includes(v)) return this.emit('"[Circular]"');
    this.ancestors.push(v);
    let ok: boolean;
    if (isArray) {
      ok = this.emit('[');
      for (let i = 0; ok && i < v.length; i++) {
        ok = (i === 0 || this.emit(',')) && this.walk(v[i], depth + 1);
      }
      if (ok) ok = this.emit(']');
    } else {
      ok = this.emit('{');
      let first = true;
      const record = v as Record<string, unknown>;
      for (const key in record) {
        if (!ok) break;
        if (!Object.hasOwn(record, key)) continue;
        ok = (first || this.emit(',')) && this.emitString(key) && this.emit(':');
        first = false;
        if (ok) ok = this.walk(record[key], depth + 1);
      }
      if (ok) ok = this.emit('}');
    }
    this.ancestors.pop();
    return ok;
  }
}
