/**
 * The measures the charts can show, in tab order: the one list, read by the URL's `chart`
 * parameter too. Small on purpose: the URL contract loads it up front, the charts lazily.
 */
export const CHART_MEASURES = ['latency', 'cost', 'errors', 'tokens', 'feedback'] as const;
export type ChartMeasure = (typeof CHART_MEASURES)[number];

/** Each figure's accessible name begins with this word. */
export const MEASURE_LABELS: Readonly<Record<ChartMeasure, string>> = {
  latency: 'Latency',
  cost: 'Cost',
  errors: 'Error rate',
  tokens: 'Tokens',
  feedback: 'Feedback',
};
