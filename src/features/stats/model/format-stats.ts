/** Text for statistics: binary keys read as pass rates and percentage points. */
import { formatCount } from '../../../lib/format';
import type { IntervalInfo, KeyStats, PairedResult } from './types';

type Kind = KeyStats['kind'];

const MINUS = '\u2212';
const large = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const medium = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });
const small = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 });

/** Plain magnitude formatting without exponents: 12,345 / 1.235 / 0.000123. */
export function formatNumber(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '—';
  const abs = Math.abs(value);
  const text = abs >= 1000 ? large.format(abs) : abs >= 1 ? medium.format(abs) : small.format(abs);
  return value < 0 && text !== '0' ? `${MINUS}${text}` : text;
}

export function formatMean(value: number | null, kind: Kind): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return kind === 'binary' ? `${(value * 100).toFixed(1)}%` : formatNumber(value);
}

/** A difference with an explicit sign, so "+0.1" and "−0.1" never rely on colour. */
export function formatDiff(value: number | null, kind: Kind): string {
  if (value === null || !Number.isFinite(value)) return '—';
  const magnitude =
    kind === 'binary' ? `${Math.abs(value * 100).toFixed(1)} pp` : formatNumber(Math.abs(value));
  if (/^0(\.0+)?( pp)?$/.test(magnitude)) return magnitude;
  return `${value > 0 ? '+' : MINUS}${magnitude}`;
}

export function formatInterval(low: number | null, high: number | null, kind: Kind): string {
  if (low === null || high === null) return '—';
  return `${formatDiff(low, kind)} to ${formatDiff(high, kind)}`;
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

/** A size without a sign: "0.08", "3.0 pp". */
export function formatMagnitude(value: number | null, kind: Kind): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return kind === 'binary'
    ? `${Math.abs(value * 100).toFixed(1)} pp`
    : formatNumber(Math.abs(value));
}

const KIND_TEXT: Record<KeyStats['kind'], string> = {
  binary: 'pass/fail (0/1): exact McNemar test',
  numeric: 'score: paired permutation test of the mean',
  metric: 'metric: paired permutation test of the mean',
  categorical: 'categories',
};

export function describeKey(stats: KeyStats): string {
  const direction = stats.direction === 'higher' ? 'higher is better' : 'lower is better';
  return `${stats.key}: ${KIND_TEXT[stats.kind]}, ${direction}`;
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
