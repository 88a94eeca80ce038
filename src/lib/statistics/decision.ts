/**
 * The decision rule shared by every place that says "better" or "worse" (statistics panel,
 * column markers, scoreboard): conservative by design, it needs both the interval to exclude
 * 0 and the (adjusted) p-value to be below α.
 */

export type Decision = 'better' | 'worse' | 'no clear difference';
export type Direction = 'higher' | 'lower';

export const SIGNIFICANCE = 0.05;

export function decide({
  low,
  high,
  pValue,
  direction,
  alpha = SIGNIFICANCE,
}: {
  low: number;
  high: number;
  pValue: number | null;
  direction: Direction;
  alpha?: number;
}): Decision {
  if (low <= 0 && high >= 0) return 'no clear difference';
  if (pValue === null || !(pValue < alpha)) return 'no clear difference';
  const up = low > 0;
  return up === (direction === 'higher') ? 'better' : 'worse';
}
