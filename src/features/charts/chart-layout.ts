/** The chart's size and its value axis: pure, so the layout is tested without drawing. */
import type { ChartModel } from './chart-data';

/** Bars get thinner as they multiply; the chart grows wider and scrolls rather than squash. */
export function chartLayout(
  groupCount: number,
  slotsPerGroup: number,
  sessionCount = 1,
  fillWidth = 0,
) {
  const slots = Math.max(1, slotsPerGroup);
  const groups = Math.max(1, groupCount);
  const barSize = slots <= 6 ? 20 : slots <= 16 ? 12 : 7;
  const groupWidth = slots * (barSize + 2) + 32;
  // At least the panel's width (its bars spread over it), wider (scrolling) when they need it.
  const width = Math.max(480, Math.floor(fillWidth), groups * groupWidth + PLOT_MARGIN);
  // About 7px per character at the axis font size: longer keys are cut with an ellipsis.
  const labelChars = Math.max(4, Math.floor((width - PLOT_MARGIN) / groups / 7));
  // Taller with many sessions so the per-group tooltip (a line per session) is not clipped.
  const height = Math.max(320, 120 + sessionCount * 22);
  return { barSize, groupWidth, width, height, labelChars };
}

/**
 * Round axis ticks covering every drawn value (stacks summed, ± spreads included) and 0, so
 * that the axis reads 0, 1 s, 2 s rather than 0, 850 ms, 1.70 s.
 */
export function valueTicks(
  model: Pick<ChartModel, 'bars' | 'data' | 'unit' | 'unitInterval'>,
): number[] {
  if (model.unitInterval) return [0, 0.25, 0.5, 0.75, 1];
  let min = 0;
  let max = 0;
  for (const datum of model.data) {
    const stacks = new Map<string, number>();
    for (const bar of model.bars) {
      const value = datum[bar.dataKey];
      if (typeof value !== 'number') continue;
      const spread = bar.errorKey ? datum[bar.errorKey] : null;
      const err = typeof spread === 'number' ? spread : 0;
      const top = bar.stackId ? (stacks.get(bar.stackId) ?? 0) + value : value;
      if (bar.stackId) stacks.set(bar.stackId, top);
      min = Math.min(min, top - err);
      max = Math.max(max, top + err);
    }
  }
  if (max === min) max = min + (model.unit === 'fraction' ? 0.1 : 1);
  let step = niceStep((max - min) / 4);
  if (model.unit === 'count') step = Math.max(1, step);
  const ticks: number[] = [];
  const end = Math.ceil(max / step) * step;
  for (let t = Math.floor(min / step) * step; t <= end + step / 1e6; t += step) {
    ticks.push(Number(t.toPrecision(12)));
  }
  return ticks;
}

function niceStep(raw: number): number {
  const exp = 10 ** Math.floor(Math.log10(raw));
  const f = raw / exp;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * exp;
}

/** Y axis plus chart margins, in pixels. */
const PLOT_MARGIN = 96;
