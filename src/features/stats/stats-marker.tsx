import './stats.css';
import { formatPCompact, formatPValue } from './format-stats';
import type { PairedResult } from './paired-stats';
import { verdict } from './verdict';
import { VERDICT_SYMBOL, verdictClass } from './verdict-style';

/** Compact verdict for a matrix column header, e.g. "▲ better p=0.01". */
export function StatsMarker({ result }: { result: PairedResult }) {
  const { label, reason } = verdict(result);
  const decided = label === 'better' || label === 'worse';
  const compactP = decided ? formatPCompact(result.pValue) : '';
  const spoken = `Versus baseline on ${result.key}: ${label}${decided ? `, ${formatPValue(result.pValue)}` : ''}`;
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
