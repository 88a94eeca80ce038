/**
 * One timestamp type for the whole app: epoch milliseconds (UTC), or null.
 * Real LangSmith servers send zone-less times (`2024-06-06T01:02:51.366397`, meant as UTC),
 * `+00:00` offsets, `Z`, a space instead of `T`, and microseconds, which `Date.parse`
 * handles inconsistently, so the string is normalised before parsing.
 */
const ISO_LIKE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

export type Timestamp = number;

export function parseTimestamp(value: unknown): Timestamp | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const m = ISO_LIKE.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone] = m;
  const ms = frac ? Number(`0.${frac}`) * 1000 : 0;
  const date = new Date(
    Date.UTC(2000, Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)),
  );
  // setUTCFullYear, not Date.UTC's year: the latter reads years 0-99 as 1900-1999.
  date.setUTCFullYear(Number(y));
  let t = date.getTime();
  if (Number.isNaN(t)) return null;
  t += Math.floor(ms);
  if (zone && zone.toUpperCase() !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const offset = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4));
    t -= sign * offset * 60_000;
  }
  return t;
}

export function formatTimestamp(t: Timestamp | null): string {
  if (t === null) return '—';
  return new Date(t).toISOString().replace('T', ' ').slice(0, 16);
}
