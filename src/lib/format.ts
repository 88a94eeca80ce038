/** Display formatters shared by every view. `null` always reads as "no data", never 0. */
export const NO_DATA = 'no data';

export function formatScore(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return Number.isInteger(value) ? String(value) : value.toFixed(2).replace(/\.?0+$/, '');
}

export function formatSeconds(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_DATA;
  if (value < 1) return `${Math.round(value * 1000)} ms`;
  return `${value.toFixed(value < 10 ? 2 : 1)} s`;
}

export function formatCost(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_DATA;
  if (value === 0) return '$0';
  if (Math.abs(value) < 0.01) return `$${value.toPrecision(2)}`;
  return `$${value.toFixed(value < 100 ? 2 : 0)}`;
}

export function formatCount(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_DATA;
  return groupedInteger(value);
}

/**
 * What `new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(value)` gives,
 * character for character, for any finite number, without building an Intl object (the
 * first one a page builds pays ICU's set-up, tens of milliseconds before the first rows):
 * halves round away from zero, a negative value that rounds to zero reads "-0", and digits
 * beyond a double's precision read as its shortest decimal (1e23 is 1 and 23 zeros).
 */
export function groupedInteger(value: number): string {
  const negative = value < 0 || Object.is(value, -0);
  const magnitude = Math.abs(value);
  const whole = Math.floor(magnitude);
  // Exact: below 2^52 both are doubles of the same binade; above it every double is whole.
  const rounded = magnitude - whole >= 0.5 ? whole + 1 : whole;
  const grouped = integerDigits(rounded).replace(/\B(?=(\d{3})+$)/g, ',');
  return negative ? `-${grouped}` : grouped;
}

/** A whole number's decimal digits; from 1e21 on, String() writes an exponent: expand it. */
function integerDigits(whole: number): string {
  const text = String(whole);
  const e = text.indexOf('e+');
  if (e < 0) return text;
  const [lead = '', fraction = ''] = text.slice(0, e).split('.');
  return lead + fraction + '0'.repeat(Number(text.slice(e + 2)) - fraction.length);
}

export function formatPercent(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return NO_DATA;
  const pct = fraction * 100;
  return `${pct < 10 && pct !== 0 ? pct.toFixed(1) : Math.round(pct)}%`;
}

/** Group keys may be strings, integers, floats, 0 or "": each shown faithfully. */
export function formatGroupKey(key: string | number): string {
  if (typeof key === 'number') return String(key);
  return key === '' ? '(empty string)' : key;
}

const MINUS = '\u2212';

/**
 * The change of `value` against `baseline` as a signed percentage: "+14%", "−3.5%", "0%".
 * One decimal below 10% (where a whole percent is too coarse), none above. Empty when
 * there is no baseline to divide by (missing, zero or negative).
 */
export function formatPercentChange(
  value: number | null | undefined,
  baseline: number | null | undefined,
  { difference = true }: { difference?: boolean } = {},
): string {
  if (value === null || value === undefined || baseline === null || baseline === undefined)
    return '';
  if (!Number.isFinite(value) || !Number.isFinite(baseline) || baseline <= 0) return '';
  const change = ((difference ? value : value - baseline) / baseline) * 100;
  const abs = Math.abs(change);
  const text = abs < 10 ? abs.toFixed(1) : abs.toFixed(0);
  if (/^0(\.0)?$/.test(text)) return '0%';
  return `${change > 0 ? '+' : MINUS}${text}%`;
}
