import './stats.css';
import { formatPCompact, formatPValue } from '../model/format-stats';
import type { PairedResult } from '../model/types';
import { type VerdictContext, verdict } from '../model/verdict';
import { VERDICT_SYMBOL, verdictClass } from './verdict-style';

/**
 * Compact verdict for a matrix column header, e.g. "▲ better p=0.01". The verdict and the
 * p-value shown are the adjusted ones when the view adjusts for multiple comparisons.
 */
export function StatsMarker({
  result,
  context = {},
}: {
  result: PairedResult;
  context?: VerdictContext;
}) {
  const { label, reason } = verdict(result, context);
  const decided = label === 'better' || label === 'worse';
  const adjusted = context.method !== undefined && context.method !== 'none';
  const compactP = decided ? formatPCompact(result.adjustedP) : '';
  const spokenP = decided
    ? `, ${adjusted ? 'adjusted ' : ''}${formatPValue(result.adjustedP)}`
    : '';
  const spoken = `Versus baseline on ${result.key}: ${label}${spokenP}`;
  return (
    <span className={`stats-marker ${verdictClass(label)}`} title={reason}>
      <span aria-hidden="true">
        {VERDICT_SYMBOL[label]} {label}
        {compactP ? ` ${compactP}` : ''}
      </span>
      <span className="visually-hidden">{spoken}</span>
    </span>
  );
}
