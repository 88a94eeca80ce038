/** Symbol and class per verdict: the symbol and words carry meaning, colour only reinforces. */
import type { VerdictLabel } from '../model/verdict';

export const VERDICT_SYMBOL: Record<VerdictLabel, string> = {
  better: '▲',
  worse: '▼',
  'no clear difference': '~',
  'not enough data': '?',
};

export function verdictClass(label: VerdictLabel): string {
  return `stats-verdict stats-verdict--${label.replace(/ /g, '-')}`;
}
