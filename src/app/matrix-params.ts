/* The matrix's sort and score-range values in the URL, read and written by view-params. */
import type { FilterSpec, SortSpec } from '../features/matrix/model/types';

/** The longest feedback or metadata key a URL may name; longer ones are cut. */
export const MAX_KEY_LENGTH = 256;

/**
 * `example`, `score:<session>:<key>`, `delta:<session>:<key>`, `latency:<session>`,
 * `cost:<session>`; a leading `-` means descending. The key comes last so it may hold `:`.
 */
export function parseSort(raw: string, sessions: readonly string[]): SortSpec | null {
  const dir = raw.startsWith('-') ? 'desc' : 'asc';
  const body = raw.replace(/^-/, '');
  if (body === 'example') return { by: 'example', dir };
  const [by, sessionId = '', ...rest] = body.split(':');
  const session = sessionId.toLowerCase();
  if (!sessions.includes(session)) return null;
  if (by === 'latency' || by === 'cost')
    return rest.length === 0 ? { by, sessionId: session, dir } : null;
  const key = rest.join(':');
  if ((by === 'score' || by === 'delta') && key) return { by, sessionId: session, key, dir };
  return null;
}

export function serializeSort(sort: SortSpec): string {
  const sign = sort.dir === 'desc' ? '-' : '';
  switch (sort.by) {
    case 'example':
      return `${sign}example`;
    case 'latency':
    case 'cost':
      return `${sign}${sort.by}:${sort.sessionId}`;
    default:
      return `${sign}${sort.by}:${sort.sessionId}:${sort.key}`;
  }
}

function parseNumber(raw: string | undefined): number | null | undefined {
  if (raw === undefined || raw.trim() === '') return null;
  const n = Number(raw);
  return Number.isFinite(n) ? n : undefined;
}

/** `min:max:key` with either bound empty for an open end. */
export function parseRange(raw: string): FilterSpec['ranges'][number] | null {
  const [minRaw, maxRaw, ...rest] = raw.split(':');
  const key = rest.join(':');
  const min = parseNumber(minRaw);
  const max = parseNumber(maxRaw);
  if (!key || min === undefined || max === undefined || (min === null && max === null)) return null;
  if (min !== null && max !== null && min > max) return null;
  return { key: key.slice(0, MAX_KEY_LENGTH), min, max };
}
