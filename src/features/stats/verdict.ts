/**
 * Plain-language verdicts. Conservative by design: "better"/"worse" only when the bootstrap
 * interval excludes 0, the exact test agrees (p < 0.05) and points the same way.
 */
import { formatDiff, formatInterval, formatPValue } from './format-stats';
import type { PairedResult } from './paired-stats';

export type VerdictLabel = 'better' | 'worse' | 'no clear difference' | 'not enough data';

export interface Verdict {
  label: VerdictLabel;
  reason: string;
}

export const SIGNIFICANCE = 0.05;
/** Below this many pairs the bootstrap interval is too optimistic to lean on alone. */
export const THIN_EVIDENCE_N = 10;

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

function notEnough(result: PairedResult): Verdict | null {
  const { n, baselineOnly, sessionOnly } = result;
  if (n === 0) {
    const reason =
      baselineOnly === 0 && sessionOnly === 0
        ? 'Not enough data: neither side has a value for this key.'
        : sessionOnly === 0
          ? 'Not enough data: this session has no value on any example the baseline has.'
          : baselineOnly === 0 && sessionOnly > 0
            ? 'Not enough data: the baseline has no value on any example this session has.'
            : 'Not enough data: no example has a value for both, so nothing can be paired.';
    return { label: 'not enough data', reason };
  }
  if (n === 1) {
    return {
      label: 'not enough data',
      reason: 'Not enough data: only 1 example has a value for both; at least 2 are needed.',
    };
  }
  if (result.wins + result.losses === 0) {
    return {
      label: 'not enough data',
      reason: `Not enough data: all ${n} paired examples tie, so no example tells the two apart.`,
    };
  }
  if (result.ciLow === null || result.ciHigh === null || result.meanDiff === null) {
    return {
      label: 'not enough data',
      reason: 'Not enough data: the interval could not be computed.',
    };
  }
  return null;
}

export function verdict(result: PairedResult): Verdict {
  const early = notEnough(result);
  if (early) return early;
  const { n, wins, losses, kind, pValue } = result;
  const low = result.ciLow ?? 0;
  const high = result.ciHigh ?? 0;
  const interval = formatInterval(low, high, kind);
  const counts = `${plural(wins, 'win')}, ${plural(losses, 'loss', 'losses')}, ${plural(result.ties, 'tie')} over ${plural(n, 'example')}`;
  const p = formatPValue(pValue);
  const thin = n < THIN_EVIDENCE_N ? `Thin evidence: only ${plural(n, 'paired example')}. ` : '';

  if (low <= 0 && high >= 0) {
    const lead =
      n < THIN_EVIDENCE_N
        ? `Thin evidence: only ${plural(n, 'paired example')}, and the`
        : 'Thin evidence: the';
    return {
      label: 'no clear difference',
      reason: `${lead} 95% interval (${interval}) includes 0; ${p} (${counts}).`,
    };
  }
  const meanImproved = (result.meanDiff ?? 0) > 0 === (result.direction === 'higher');
  const countsImproved = wins > losses;
  if (pValue === null || pValue >= SIGNIFICANCE) {
    return {
      label: 'no clear difference',
      reason: `${thin}The mean moved by ${formatDiff(result.meanDiff, kind)} (95% interval ${interval}), but the exact test does not confirm it: ${p} (${counts}).`,
    };
  }
  if (meanImproved !== countsImproved || wins === losses) {
    return {
      label: 'no clear difference',
      reason: `${thin}Mixed signals: the mean ${meanImproved ? 'improved' : 'got worse'} (95% interval ${interval}) but more examples ${countsImproved ? 'improved' : 'got worse'} (${counts}).`,
    };
  }
  return {
    label: meanImproved ? 'better' : 'worse',
    reason: `${thin}The 95% interval of the difference (${interval}) excludes 0 and ${p} (${counts}).`,
  };
}
