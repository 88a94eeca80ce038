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
  return parseCommonForm(value) ?? parseAnyForm(value);
}

const DIGIT = (s: string, i: number) => s.charCodeAt(i) - 48;
const TWO = (s: string, i: number) => DIGIT(s, i) * 10 + DIGIT(s, i + 1);

/**
 * The form real servers send for nearly every run (`2024-06-06T01:02:51.366397`, zone-less,
 * optionally with `Z` or `+00:00`), read without a regex: 160,000 timestamps in a large
 * response make this a hot path. Anything else falls through to the general reader.
 */
function parseCommonForm(s: string): Timestamp | null {
  const n = s.length;
  if (
    n < 19 ||
    s[4] !== '-' ||
    s[7] !== '-' ||
    (s[10] !== 'T' && s[10] !== ' ') ||
    s[13] !== ':' ||
    s[16] !== ':'
  ) {
    return null;
  }
  let end = n;
  if (s[n - 1] === 'Z') end = n - 1;
  else if (s.endsWith('+00:00')) end = n - 6;
  let ms = 0;
  if (end > 19) {
    if (s[19] !== '.' || end - 20 > 9) return null;
    // Milliseconds from the first three fraction digits (more digits are finer than ms).
    let scale = 100;
    for (let i = 20; i < end; i++) {
      const d = DIGIT(s, i);
      if (d < 0 || d > 9) return null;
      if (scale >= 1) ms += d * scale;
      scale /= 10;
    }
  }
  for (const i of [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18]) {
    const d = DIGIT(s, i);
    if (d < 0 || d > 9) return null;
  }
  const year = DIGIT(s, 0) * 1000 + DIGIT(s, 1) * 100 + TWO(s, 2);
  // Date.UTC reads years 0-99 as 1900-1999: those take the general path.
  if (year < 100) return null;
  const t = Date.UTC(
    year,
    TWO(s, 5) - 1,
    TWO(s, 8),
    TWO(s, 11),
    TWO(s, 14),
    TWO(s, 17),
    Math.floor(ms),
  );
  return Number.isNaN(t) ? null : t;
}

function parseAnyForm(value: string): Timestamp | null {
  const m = ISO_LIKE.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone] = m;
  const ms = frac ? Number(`0.${frac}`) * 1000 : 0;
  // setUTCFullYear, not Date.UTC: the latter reads years 0-99 as 1900-1999.
  const date = new Date(0);
  date.setUTCFullYear(Number(y), Number(mo) - 1, Number(d));
  date.setUTCHours(Number(h), Number(mi), Number(s), 0);
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
