/**
 * Plain-language verdicts. Conservative by design: "better"/"worse" only when the 95%
 * interval excludes 0 and the test, adjusted for every test in the view, gives p < 0.05.
 * A "no clear difference" says how large a difference the eval could have seen.
 */

import { plural } from '../../../lib/plural';
import type { AdjustMethod } from '../../../lib/statistics/adjust';
import { decide } from '../../../lib/statistics/decision';
import { examplesNeeded, powerAt } from '../../../lib/statistics/power';
import {
  formatEstimate,
  formatInterval,
  formatMagnitude,
  formatMean,
  formatPValue,
  percentChangeText,
  testText,
} from './format-stats';
import type { PairedResult } from './types';

export type VerdictLabel = 'better' | 'worse' | 'no clear difference' | 'not enough data';

export interface Verdict {
  label: VerdictLabel;
  reason: string;
}

export interface VerdictContext {
  /** How the p-values were adjusted, and over how many tests. */
  method?: AdjustMethod;
  tests?: number;
  /** The difference the analyst cares about, in the key's units (0/1 keys: a share). */
  careAbout?: number | null;
}

/** Below this many pairs the interval is too optimistic to lean on alone. */
export const THIN_EVIDENCE_N = 10;

const METHOD_NAME: Record<AdjustMethod, string> = {
  holm: 'Holm',
  bh: 'Benjamini–Hochberg',
  none: '',
};

function notEnough(result: PairedResult): Verdict | null {
  const { n, baselineOnly, sessionOnly } = result;
  const no = (reason: string): Verdict => ({ label: 'not enough data', reason });
  if (n === 0) {
    if (baselineOnly === 0 && sessionOnly === 0)
      return no('Not enough data: neither side has a value for this key.');
    if (sessionOnly === 0)
      return no('Not enough data: this session has no value on any example the baseline has.');
    if (baselineOnly === 0)
      return no('Not enough data: the baseline has no value on any example this session has.');
    return no('Not enough data: no example has a value for both, so nothing can be paired.');
  }
  if (n === 1)
    return no('Not enough data: only 1 example has a value for both; at least 2 are needed.');
  if (result.singleValue !== null) {
    return no(
      `Not enough data: every paired value on both sides is ${formatMean(result.singleValue, result)}, so the key never varies and nothing tells the two apart.`,
    );
  }
  if (result.wins + result.losses === 0) {
    return no(`Not enough data: all ${n} paired examples tie, so no example tells the two apart.`);
  }
  const clustering = result.clustering;
  if (clustering?.problem === 'one-cluster') {
    return no(
      `Not enough data for a clustered interval: all ${plural(n, 'paired example')} share one “${clustering.key}” value, so there is a single cluster and no spread between clusters to measure. Choose another cluster key, or none.`,
    );
  }
  if (result.ciLow === null || result.ciHigh === null || result.meanDiff === null) {
    return no('Not enough data: the interval could not be computed (the values overflow).');
  }
  return null;
}

function pText(result: PairedResult, context: VerdictContext): string {
  const raw = formatPValue(result.pValue);
  const method = context.method ?? 'none';
  if (method === 'none' || result.pValue === null) return raw;
  const over = context.tests ? ` over ${plural(context.tests, 'test')}` : '';
  return `${raw}, adjusted ${formatPValue(result.adjustedP).replace(/^p /, '')} (${METHOD_NAME[method]}${over})`;
}

/** What the eval could have seen: the power sentence of a "no clear difference". */
export function powerSentence(result: PairedResult, careAbout?: number | null): string {
  if (result.mde === null || result.se === null) return '';
  const clusters =
    result.clustering && result.clustering.problem === null
      ? ` in ${plural(result.clustering.clusters, 'cluster')}`
      : '';
  let text = ` With ${plural(result.n, 'paired example')}${clusters} and this spread, a true difference of ${formatMagnitude(result.mde, result)} would go unseen 20% of the time (80% power, α 0.05); smaller ones more often.`;
  if (careAbout !== null && careAbout !== undefined && careAbout > 0) {
    const power = powerAt(careAbout, result.se) ?? 0;
    const needed = examplesNeeded(careAbout, result.se * Math.sqrt(result.n));
    const size = formatMagnitude(careAbout, result);
    text +=
      power >= 0.8
        ? ` It could have seen a difference of ${size} (power ${Math.round(power * 100)}%), so a change that large is unlikely.`
        : ` It could not reliably see a difference of ${size} (power ${Math.round(power * 100)}%)${needed ? `; about ${plural(needed, 'example')} would be needed for 80%` : ''}.`;
  }
  return text;
}

export function verdict(result: PairedResult, context: VerdictContext = {}): Verdict {
  const early = notEnough(result);
  if (early) return early;
  const { n, wins, losses } = result;
  const low = result.ciLow ?? 0;
  const high = result.ciHigh ?? 0;
  const interval = formatInterval(low, high, result, result.meanDiff);
  const counts = `${plural(wins, 'win')}, ${plural(losses, 'loss', 'losses')}, ${plural(result.ties, 'tie')} over ${plural(n, 'example')}`;
  const p = pText(result, context);
  const thin = n < THIN_EVIDENCE_N ? `Thin evidence: only ${plural(n, 'paired example')}. ` : '';
  const decision = decide({ low, high, pValue: result.adjustedP, direction: result.direction });

  if (low <= 0 && high >= 0) {
    const lead =
      n < THIN_EVIDENCE_N
        ? `Thin evidence: only ${plural(n, 'paired example')}, and the`
        : 'Thin evidence: the';
    return {
      label: 'no clear difference',
      reason: `${lead} 95% interval (${interval}) includes 0; ${p} (${counts}).${powerSentence(result, context.careAbout)}`,
    };
  }
  if (decision === 'no clear difference') {
    const adjusted = context.method && context.method !== 'none' ? ', after adjusting,' : '';
    return {
      label: 'no clear difference',
      reason: `${thin}The mean moved by ${formatEstimate(result.meanDiff, low, high, result)}${percentChangeText(result)} (95% interval ${interval}), but the ${testText(result)}${adjusted} does not confirm it: ${p} (${counts}).${powerSentence(result, context.careAbout)}`,
    };
  }
  return {
    label: decision,
    reason: `${thin}The 95% interval of the difference (${interval}) excludes 0 and ${p} (${counts}).`,
  };
}
