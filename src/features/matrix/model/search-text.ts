import type { MatrixRow } from './types';

/**
 * Free-text search over a row: example name, inputs, reference outputs, and for every run its
 * outputs, outputs preview, error and feedback comments. Every field is capped, so a 5 MB
 * output costs at most SEARCH_FIELD_CAP characters of memory per row.
 */

export const SEARCH_FIELD_CAP = 20_000;
/** Deeper than previews: search should still reach `messages[0].content[0].text`. */
export const SEARCH_MAX_DEPTH = 12;

export interface SearchIndex {
  /** The row's lowercase haystack, built on first request and then cached. */
  get(row: MatrixRow | number): string;
}

// Rows never change once built, so a row's text holds for every index that lists it: the
// rows "Load all" already showed are not read again when a page adds more.
const haystacks = new WeakMap<MatrixRow, string>();

/** Nothing is computed until `get` is first called, and then only for the rows asked for. */
export function buildSearchIndex(rows: readonly MatrixRow[]): SearchIndex {
  const cache = haystacks;
  return {
    get(target) {
      const row = typeof target === 'number' ? rows[target] : target;
      if (!row) return '';
      let text = cache.get(row);
      if (text === undefined) {
        text = rowHaystack(row);
        cache.set(row, text);
      }
      return text;
    },
  };
}

/** Values only (no keys): searching "answer" should not match every row that has that key. */
export function searchableText(value: unknown, cap = SEARCH_FIELD_CAP): string {
  const parts: string[] = [];
  collectText(value, parts, cap);
  return parts.join(' ');
}

/**
 * Pushes the scalar values of `value` onto `parts`, raw (no quotes or escapes to get in the
 * way of a match), at most `cap` characters in all. Every visited value costs at least one
 * unit of the budget, so even a million empty keys stop early.
 */
export function collectText(value: unknown, parts: string[], cap = SEARCH_FIELD_CAP): void {
  collectInto(value, parts, cap, 0, []);
}

function collectInto(
  value: unknown,
  parts: string[],
  budget: number,
  depth: number,
  ancestors: object[],
): number {
  if (budget <= 0) return 0;
  switch (typeof value) {
    case 'string': {
      const text = value.length > budget ? value.slice(0, budget) : value;
      parts.push(text);
      return budget - Math.max(1, text.length);
    }
    case 'number':
    case 'boolean':
    case 'bigint': {
      const text = String(value);
      parts.push(text);
      return budget - text.length;
    }
    case 'object':
      break;
    default:
      return budget - 1;
  }
  if (value === null || depth >= SEARCH_MAX_DEPTH || ancestors.includes(value)) return budget - 1;
  ancestors.push(value);
  let left = budget - 1;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length && left > 0; i++) {
      left = collectInto(value[i], parts, left, depth + 1, ancestors);
    }
  } else {
    const record = value as Record<string, unknown>;
    for (const key in record) {
      if (left <= 0) break;
      if (Object.hasOwn(record, key))
        left = collectInto(record[key], parts, left, depth + 1, ancestors);
    }
  }
  ancestors.pop();
  return left;
}

export function rowHaystack(row: MatrixRow): string {
  // One flat list for the whole row, joined and lowercased once.
  const parts: string[] = [];
  collectText(row.example.name, parts);
  collectText(row.example.inputs, parts);
  collectText(row.example.outputs, parts);
  for (const columnId in row.cells) {
    const cell = row.cells[columnId];
    if (!cell) continue;
    for (const run of cell.runs) {
      collectText(run.outputs, parts);
      collectText(run.outputsPreview, parts);
      collectText(run.error, parts);
      for (const key in run.feedback) {
        for (const comment of run.feedback[key]?.comments ?? []) collectText(comment, parts);
      }
    }
  }
  // Spaces between values: a term has no whitespace, so it never matches across two values.
  return parts.join(' ').toLowerCase();
}

/** Lowercase whitespace-separated terms; all must occur (AND). */
export function searchTerms(text: string): string[] {
  return text.toLowerCase().split(/\s+/).filter(Boolean);
}

export function matchesTerms(haystack: string, terms: readonly string[]): boolean {
  for (const term of terms) if (!haystack.includes(term)) return false;
  return true;
}
