import {
  formatCost,
  formatCount,
  formatPercent,
  formatScore,
  formatSeconds,
  NO_DATA,
} from '../../lib/format';

/** The unit a chart's numbers carry; picks the formatter so chart, tooltip and table agree. */
export type ChartUnit = 'seconds' | 'usd' | 'fraction' | 'count' | 'score';

/** One number as the API sent it: drawable value, its text with units, and why it is not drawn. */
export interface CellValue {
  /** The API's number when it can be drawn; null for "no data". */
  value: number | null;
  /** Formatted with units, or "no data". */
  text: string;
  /** Why a number that did arrive is not drawn (e.g. "negative value -3 ignored"). */
  reason: string | null;
}

export function formatUnit(unit: ChartUnit, value: number): string {
  switch (unit) {
    case 'seconds':
      return formatSeconds(value);
    case 'usd':
      return formatCost(value);
    case 'fraction':
      return formatPercent(value);
    case 'count':
      return formatCount(value);
    case 'score':
      return formatScore(value);
  }
}

/**
 * An axis's tick labels: as \`formatUnit\`, but in one unit along the axis. Seconds switch to
 * milliseconds below 1 s, which on an axis read "0 ms, 5.00 s, 10.0 s"; an axis that reaches a
 * second labels every tick in seconds ("0 s, 5.00 s, 10.0 s").
 */
export function axisFormatter(
  unit: ChartUnit,
  ticks: readonly number[],
): (value: number) => string {
  if (unit !== 'seconds' || !ticks.some((t) => t >= 1)) return (value) => formatUnit(unit, value);
  return (value) =>
    value >= 1 ? formatSeconds(value) : `${value === 0 ? '0' : value.toFixed(2)} s`;
}

export const NO_VALUE: CellValue = Object.freeze({ value: null, text: NO_DATA, reason: null });

function ignored(reason: string): CellValue {
  return { value: null, text: NO_DATA, reason };
}

/**
 * Checks one aggregate before it is drawn: null stays "no data" (never 0), and NaN, Infinity,
 * negatives (unless the measure allows them) and rates above 100% are refused with a reason.
 */
export function checkValue(
  raw: number | null | undefined,
  unit: ChartUnit,
  options: { allowNegative?: boolean } = {},
): CellValue {
  if (raw === null || raw === undefined) return NO_VALUE;
  if (typeof raw !== 'number' || Number.isNaN(raw)) return ignored('not a number (NaN) ignored');
  if (!Number.isFinite(raw)) return ignored(`infinite value ${String(raw)} ignored`);
  if (raw < 0 && !options.allowNegative) return ignored(`negative value ${String(raw)} ignored`);
  if (unit === 'fraction' && raw > 1) return ignored(`rate ${String(raw)} above 100% ignored`);
  return { value: raw, text: formatUnit(unit, raw), reason: null };
}

/** The text a table cell or tooltip shows: the formatted value, or "no data" with its reason. */
export function cellText(cell: CellValue): string {
  return cell.reason ? `${cell.text} (${cell.reason})` : cell.text;
}
