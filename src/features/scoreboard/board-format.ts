/** The scoreboard's numbers, each with its unit. */
import { formatCost, formatCount, formatPercent, formatSeconds, NO_DATA } from '../../lib/format';
import { lazyValue } from '../../lib/lazy-value';
import type { Interval } from '../../lib/statistics/intervals';
import type { MetricColumn } from './board-columns';
import { metricValue } from './board-marks';
import type { BoardRow, KeyMean } from './board-types';

// Built on first use: an Intl object costs ICU's set-up, not worth paying at import.
const score = lazyValue(() => new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 }));
const MINUS = '\u2212';

/** A pass rate as a percentage with one decimal (as the statistics panel shows it), else a score. */
export function formatKeyValue(value: number | null, passRate: boolean): string {
  if (value === null || !Number.isFinite(value)) return NO_DATA;
  if (passRate) return `${(value * 100).toFixed(1)}%`;
  const text = score().format(Math.abs(value));
  return value < 0 && text !== '0' ? `${MINUS}${text}` : text;
}

export function formatKeyInterval(interval: Interval | null, passRate: boolean): string {
  if (!interval) return '';
  return `${formatKeyValue(interval.low, passRate)} to ${formatKeyValue(interval.high, passRate)}`;
}

export function intervalName(mean: KeyMean | null): string {
  if (mean?.method === 'wilson') return 'Wilson 95% interval';
  if (mean?.method === 't') return 't (CLT) 95% interval';
  return '';
}

export const METRIC_LABELS: Record<MetricColumn, string> = {
  examples: 'Examples with a run',
  cost: 'Cost per example',
  latency_p50: 'Latency p50',
  latency_p99: 'Latency p99',
  error_rate: 'Error rate',
  tokens: 'Tokens per example',
};

export function formatMetric(row: BoardRow, column: MetricColumn): string {
  const value = metricValue(row, column);
  switch (column) {
    case 'examples':
      return `${formatCount(value)} ${value === 1 ? 'example' : 'examples'}`;
    case 'cost':
      return value === null ? NO_DATA : `${formatCost(value)} / example`;
    case 'latency_p50':
    case 'latency_p99':
      return formatSeconds(value);
    case 'error_rate':
      return formatPercent(value);
    case 'tokens':
      return value === null ? NO_DATA : `${formatCount(value)} tokens / example`;
  }
}
