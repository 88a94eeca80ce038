/** Text for statistics: binary keys read as pass rates and percentage points. */
import { formatCount, formatPercentChange, groupedInteger } from '../../../lib/format';
import { lazyValue } from '../../../lib/lazy-value';
import type { IntervalInfo, KeyStats, PairedResult } from './types';

type Kind = KeyStats['kind'];

const MINUS = '\u2212';
// Built on first use: an Intl object costs ICU's set-up, not worth paying at import.
const medium = lazyValue(() => new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 }));
const small = lazyValue(() => new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 }));

/** Plain magnitude formatting without exponents: 12,345 / 1.235 / 0.000123. */
export function formatNumber(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '—';
  const abs = Math.abs(value);
  const text =
    abs >= 1000 ? groupedInteger(abs) : abs >= 1 ? medium().format(abs) : small().format(abs);
  return value < 0 && text !== '0' ? `${MINUS}${text}` : text;
}

/**
 * What a key's numbers are: a score, a pass rate (0/1 keys, read in % and points), or the
 * latency (seconds) and cost (US dollars) metrics. Formatters take a kind alone (a score or a
 * pass rate) or the key with its kind, which tells the metrics' units apart.
 */
export type Scale = Kind | { kind: Kind; key: string };
type Unit = 'score' | 'share' | 'seconds' | 'usd';

function unitOf(scale: Scale): Unit {
  const kind = typeof scale === 'string' ? scale : scale.kind;
  if (kind === 'binary') return 'share';
  if (kind === 'metric' && typeof scale !== 'string') {
    if (scale.key === 'latency') return 'seconds';
    if (scale.key === 'cost') return 'usd';
  }
  return 'score';
}

/** The units a typed difference is read in: "percentage points", "seconds", "US dollars". */
export function unitName(scale: Scale & { key: string }): string {
  const unit = unitOf(scale);
  if (unit === 'share') return 'percentage points';
  if (unit === 'seconds') return 'seconds';
  if (unit === 'usd') return 'US dollars';
  return `${scale.key} units`;
}

/** Significant digits of the largest number in a set shown together. */
const SIGNIFICANT = 3;
const MAX_DECIMALS = 8;

/** Decimals that give the largest of `values` three significant digits (0 from 100 up). */
function decimalsFor(values: readonly (number | null)[]): number {
  let largest = 0;
  for (const v of values)
    if (v !== null && Number.isFinite(v)) largest = Math.max(largest, Math.abs(v));
  if (largest === 0) return 0;
  const digits = SIGNIFICANT - 1 - Math.floor(Math.log10(largest));
  return Math.min(MAX_DECIMALS, Math.max(0, digits));
}

/**
 * The decimals the set needs: three significant digits for its largest number, less the
 * trailing zeros every number of the set shares ("−0.1 to +0.2", not "−0.100 to +0.200").
 */
function setDecimals(values: readonly (number | null)[]): number {
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v));
  let decimals = decimalsFor(finite);
  while (decimals > 0 && finite.every((v) => Math.round(Math.abs(v) * 10 ** decimals) % 10 === 0))
    decimals--;
  return decimals;
}

const fixedFormats = new Map<number, Intl.NumberFormat>();

/** One formatter per number of decimals, built when first asked for. */
function fixed(decimals: number): Intl.NumberFormat {
  let format = fixedFormats.get(decimals);
  if (!format) {
    format = new Intl.NumberFormat('en-US', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    fixedFormats.set(decimals, format);
  }
  return format;
}

/**
 * A set of numbers shown side by side (a difference and its interval's ends) share one unit
 * and one number of decimals, so "+0.141 (+0.039 to +0.244)" never reads as
 * "+0.141 (+0.0385 to +0.244)". Latency below a second reads in ms, cost in $.
 */
function magnitudes(values: readonly (number | null)[], scale: Scale): (v: number) => string {
  const unit = unitOf(scale);
  if (unit === 'share') return (v) => `${Math.abs(v * 100).toFixed(1)} pp`;
  if (unit === 'seconds') {
    const largest = Math.max(
      0,
      ...values.map((v) => (v !== null && Number.isFinite(v) ? Math.abs(v) : 0)),
    );
    const ms = largest < 1;
    const format = fixed(setDecimals(values.map((v) => (v === null ? null : ms ? v * 1000 : v))));
    return (v) =>
      ms ? `${format.format(Math.abs(v * 1000))} ms` : `${format.format(Math.abs(v))} s`;
  }
  const format = fixed(setDecimals(values));
  return unit === 'usd'
    ? (v) => `$${format.format(Math.abs(v))}`
    : (v) => format.format(Math.abs(v));
}

/** Zero in whatever digits the set shows ("0.000", "0 ms", "$0.00", "0.0 pp"). */
const ZERO = /^\$?0(\.0+)?( pp| ms| s)?$/;

function signed(value: number, magnitude: string): string {
  if (ZERO.test(magnitude)) return magnitude;
  return `${value > 0 ? '+' : MINUS}${magnitude}`;
}

export function formatMean(value: number | null, scale: Scale): string {
  if (value === null || !Number.isFinite(value)) return '—';
  if (unitOf(scale) === 'share') return `${(value * 100).toFixed(1)}%`;
  const text = magnitudes([value], scale)(value);
  return value < 0 && !ZERO.test(text) ? `${MINUS}${text}` : text;
}

/** A difference with an explicit sign, so "+0.1" and "−0.1" never rely on colour. */
export function formatDiff(value: number | null, scale: Scale): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return signed(value, magnitudes([value], scale)(value));
}

/**
 * An interval's ends, in the digits of the difference they surround (pass the difference
 * as `mean`, and show it with `formatEstimate`): every number in one precision.
 */
export function formatInterval(
  low: number | null,
  high: number | null,
  scale: Scale,
  mean: number | null = null,
): string {
  if (low === null || high === null) return '—';
  const format = magnitudes([low, high, mean], scale);
  return `${signed(low, format(low))} to ${signed(high, format(high))}`;
}

/** The difference in the precision of its interval (see `formatInterval`). */
export function formatEstimate(
  mean: number | null,
  low: number | null,
  high: number | null,
  scale: Scale,
): string {
  if (mean === null || !Number.isFinite(mean)) return '—';
  const format = magnitudes([low, high, mean], scale);
  return signed(mean, format(mean));
}

/**
 * The change against the baseline's mean, for metrics (latency, cost), whose ratios mean
 * something: "(+14.2% vs baseline)". Empty for scores and when the baseline mean is 0.
 */
export function percentChangeText(result: {
  kind: Kind;
  meanDiff: number | null;
  baselineMean: number | null;
}): string {
  if (result.kind !== 'metric') return '';
  const text = formatPercentChange(result.meanDiff, result.baselineMean);
  return text ? ` (${text} vs baseline)` : '';
}

/** "p = 0.031", "p < 0.001"; null when no test could run. */
export function formatPValue(p: number | null): string {
  if (p === null || !Number.isFinite(p)) return 'no test';
  if (p < 0.001) return 'p < 0.001';
  if (p >= 0.9995) return 'p = 1';
  return `p = ${Number(p.toFixed(3))}`;
}

/** Short form for column headers: "p=0.01", "p<0.001". */
export function formatPCompact(p: number | null): string {
  if (p === null || !Number.isFinite(p)) return '';
  if (p < 0.001) return 'p<0.001';
  return `p=${Number(p.toPrecision(p < 0.01 ? 1 : 2))}`;
}

export function formatShift(points: number | null): string {
  if (points === null || !Number.isFinite(points)) return '—';
  const text = `${Math.abs(points).toFixed(1)} pp`;
  if (text === '0.0 pp') return text;
  return `${points > 0 ? '+' : MINUS}${text}`;
}

export function formatShare(share: number | null): string {
  if (share === null || !Number.isFinite(share)) return '—';
  return `${(share * 100).toFixed(1)}%`;
}

/** A size without a sign: "0.08", "3.0 pp", "120 ms", "$0.00042". */
export function formatMagnitude(value: number | null, scale: Scale): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return magnitudes([value], scale)(value);
}

const KIND_TEXT: Record<KeyStats['kind'], string> = {
  binary: 'pass/fail (0/1): exact McNemar test',
  numeric: 'score: paired permutation test of the mean',
  metric: 'metric: paired permutation test of the mean',
  categorical: 'categories',
};

const UNIT_TEXT: Record<Unit, string> = {
  score: '',
  share: '',
  seconds: ' in seconds',
  usd: ' in US dollars',
};

/**
 * "correctness: pass/fail (0/1): exact McNemar test, higher is better". Categories have no
 * order, so no direction: their table shows shares, not better or worse.
 */
export function describeKey(stats: KeyStats): string {
  if (stats.kind === 'categorical') {
    return `${stats.key}: categories (no better or worse; shares are compared)`;
  }
  const direction = stats.direction === 'higher' ? 'higher is better' : 'lower is better';
  const kind = KIND_TEXT[stats.kind].replace(/^metric/, `metric${UNIT_TEXT[unitOf(stats)]}`);
  return `${stats.key}: ${kind}, ${direction}`;
}

/** The test that ran, in words: "exact McNemar test", "permutation test (10,000 sign flips)". */
export function testText(result: Pick<PairedResult, 'test' | 'exact' | 'permutations'>): string {
  const draws =
    result.exact === false && result.permutations !== null
      ? ` (${formatCount(result.permutations)} random sign flips)`
      : '';
  switch (result.test) {
    case 'mcnemar':
      return 'exact McNemar test';
    case 'permutation':
      return result.exact ? 'exact permutation test' : `permutation test${draws}`;
    case 'cluster-permutation':
      return result.exact
        ? 'exact cluster permutation test'
        : `cluster permutation test${draws.replace('sign flips', 'cluster sign flips')}`;
    default:
      return 'test';
  }
}

/** How the interval was made: "bootstrap, 2,000 resamples", "t interval, 79 df". */
export function intervalText(info: IntervalInfo | null): string {
  if (!info) return 'no interval';
  switch (info.method) {
    case 'bootstrap':
      return `bootstrap, ${formatCount(info.resamples)} resamples`;
    case 'cluster-bootstrap':
      return `cluster bootstrap, ${formatCount(info.resamples)} resamples`;
    case 't':
      return `t interval, ${formatCount(info.df)} df`;
    case 'cluster-t':
      return `clustered t interval, ${formatCount(info.df)} df`;
  }
}
