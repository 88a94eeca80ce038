/**
 * Timestamps in the forms real LangSmith servers send. Times are carried as integer epoch
 * microseconds (exact below 2^53 until the year 2255) so runs keep six fractional digits.
 *
 * Strings are assembled from char codes in one buffer rather than concatenated: the scale
 * dataset formats about half a million of them, and concatenation leaves ropes of cons
 * strings that cost several times the memory and keep the garbage collector busy.
 */

export const MICROS_PER_SECOND = 1_000_000;
export const MICROS_PER_DAY = 86_400 * MICROS_PER_SECOND;

const codes: number[] = new Array<number>(96).fill(0);
/** One exact-length array per output length: `fromCharCode.apply` is fastest on plain arrays. */
const byLength = new Map<number, number[]>();
const ZERO = 48;
const dayCodes = new Map<number, number[]>();

/** `YYYY-MM-DD` char codes of a day since the epoch, computed once per day. */
function dateCodes(day: number): number[] {
  let cached = dayCodes.get(day);
  if (!cached) {
    const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
    cached = Array.from(iso, (c) => c.charCodeAt(0));
    dayCodes.set(day, cached);
  }
  return cached;
}

function writeDigits(at: number, value: number, width: number): number {
  let v = value;
  for (let i = width - 1; i >= 0; i--) {
    codes[at + i] = ZERO + (v % 10);
    v = Math.floor(v / 10);
  }
  return at + width;
}

function writeText(at: number, text: string): number {
  for (let i = 0; i < text.length; i++) codes[at + i] = text.charCodeAt(i);
  return at + text.length;
}

function readCodes(length: number): string {
  let out = byLength.get(length);
  if (!out) {
    out = new Array<number>(length).fill(0);
    byLength.set(length, out);
  }
  for (let i = 0; i < length; i++) out[i] = codes[i] as number;
  return String.fromCharCode.apply(null, out);
}

/** Writes `YYYY-MM-DDTHH:MM:SS.ffffff` (or the compact dotted form) and returns the end index. */
function writeStamp(micros: number, compact: boolean): number {
  const day = Math.floor(micros / MICROS_PER_DAY);
  const inDay = micros - day * MICROS_PER_DAY;
  const seconds = Math.floor(inDay / MICROS_PER_SECOND);
  const fraction = inDay - seconds * MICROS_PER_SECOND;
  const date = dateCodes(day);
  let at = 0;
  for (let i = 0; i < date.length; i++) {
    const c = date[i] as number;
    if (compact && c === 45) continue; // drop the dashes
    codes[at++] = c;
  }
  codes[at++] = 84; // T
  at = writeDigits(at, Math.floor(seconds / 3600), 2);
  if (!compact) codes[at++] = 58; // :
  at = writeDigits(at, Math.floor(seconds / 60) % 60, 2);
  if (!compact) codes[at++] = 58;
  at = writeDigits(at, seconds % 60, 2);
  if (!compact) codes[at++] = 46; // .
  return writeDigits(at, fraction, 6);
}

/** `2026-03-04T10:11:12.123456`: runs, session start times and `last_run_start_time`. */
export function formatNaive(micros: number): string {
  return readCodes(writeStamp(micros, false));
}

/** `2026-03-04T10:11:12.123456+00:00`: session `end_time`, dataset `created_at`, feedback. */
export function formatUtc(micros: number): string {
  return readCodes(writeText(writeStamp(micros, false), '+00:00'));
}

/** `20260304T101112123456Z<run id>`: a root run's `dotted_order`. */
export function formatDottedOrder(micros: number, runId: string): string {
  const at = writeStamp(micros, true);
  codes[at] = 90; // Z
  return readCodes(writeText(at + 1, runId));
}

const STAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?/;

function digitsAt(text: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const d = text.charCodeAt(i) - ZERO;
    if (d < 0 || d > 9) return Number.NaN;
    n = n * 10 + d;
  }
  return n;
}

/**
 * Epoch microseconds of a stored timestamp; the zone suffix is ignored because all are UTC.
 * The store's own `YYYY-MM-DDTHH:MM:SS.ffffff` takes an allocation-free path (indexing a
 * 10,000 × 8 dataset parses 160,000 of them); anything else goes through the regex.
 */
export function parseMicros(value: string | null | undefined): number | null {
  if (!value) return null;
  if (value.length >= 26 && value.charCodeAt(10) === 84 && value.charCodeAt(19) === 46) {
    const micros =
      Date.UTC(
        digitsAt(value, 0, 4),
        digitsAt(value, 5, 2) - 1,
        digitsAt(value, 8, 2),
        digitsAt(value, 11, 2),
        digitsAt(value, 14, 2),
        digitsAt(value, 17, 2),
      ) *
        1000 +
      digitsAt(value, 20, 6);
    if (!Number.isNaN(micros)) return micros;
  }
  const m = STAMP.exec(value);
  if (!m) return null;
  const seconds = Date.UTC(
    Number(m[1]),
    Number(m[2]) - 1,
    Number(m[3]),
    Number(m[4]),
    Number(m[5]),
    Number(m[6]),
  );
  const fraction = Number((m[7] ?? '').padEnd(6, '0'));
  return seconds * 1000 + fraction;
}

export function microsFromIso(iso: string): number {
  return Date.parse(iso) * 1000;
}
