/**
 * Example metadata as labels: what clusters and slices are made of. Values are compared as
 * text, so 1 and "1" fall together (the server groups them the same way); lists and objects
 * are compared by their JSON.
 */
import type { ExampleLabels } from './types';

const MAX_LABEL_LENGTH = 200;

export type Metadata = Readonly<Record<string, unknown>> | null | undefined;

/** The text of a metadata value, or null when there is none. */
export function labelText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.slice(0, MAX_LABEL_LENGTH);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  try {
    return (JSON.stringify(value) ?? null)?.slice(0, MAX_LABEL_LENGTH) ?? null;
  } catch {
    return null;
  }
}

function own(record: Metadata, key: string): unknown {
  return record && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** One label per example for `key`; names in order of first appearance. */
export function exampleLabels(metadata: readonly Metadata[], key: string): ExampleLabels {
  const index = new Int32Array(metadata.length);
  const names: string[] = [];
  const seen = new Map<string, number>();
  metadata.forEach((record, i) => {
    const text = labelText(own(record, key));
    if (text === null) {
      index[i] = -1;
      return;
    }
    let at = seen.get(text);
    if (at === undefined) {
      at = names.length;
      seen.set(text, at);
      names.push(text);
    }
    index[i] = at;
  });
  return { key, index, names };
}

/** Metadata keys that some example has a value for, sorted by name. */
export function metadataKeys(metadata: readonly Metadata[]): string[] {
  const keys = new Set<string>();
  for (const record of metadata) {
    if (!record) continue;
    // Presence only: no value is turned into text here (10,000 examples on the main thread).
    for (const key in record) {
      if (!keys.has(key) && Object.hasOwn(record, key) && record[key] != null) keys.add(key);
    }
  }
  return [...keys].sort((a, b) => a.localeCompare(b));
}

export const SLICE_GROUPS = { min: 2, max: 12 } as const;

/** Distinct values of `key` and how many examples have one, stopping past `max` values. */
function distinctValues(metadata: readonly Metadata[], key: string, max: number) {
  const seen = new Set<string>();
  let labelled = 0;
  for (const record of metadata) {
    const text = labelText(own(record, key));
    if (text === null) continue;
    labelled++;
    seen.add(text);
    if (seen.size > max) break;
  }
  return { distinct: seen.size, labelled };
}

/**
 * The key to slice by when none is chosen: the first (by name) that splits the examples into
 * 2 to 12 groups with at least 2 examples each on average; null when none does.
 */
export function defaultSliceKey(metadata: readonly Metadata[]): string | null {
  for (const key of metadataKeys(metadata)) {
    const { distinct, labelled } = distinctValues(metadata, key, SLICE_GROUPS.max);
    if (distinct >= SLICE_GROUPS.min && distinct <= SLICE_GROUPS.max && labelled >= 2 * distinct)
      return key;
  }
  return null;
}
