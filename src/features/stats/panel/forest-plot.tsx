import { useId } from 'react';
import { plural } from '../../../lib/plural';
import { sessionColor } from '../../../lib/session-colors';
import { formatDiff, formatEstimate, formatInterval } from '../model/format-stats';
import type { SliceStats } from '../model/slices';

const WIDTH = 720;
const LABEL_WIDTH = 230;
const PLOT_RIGHT = WIDTH - 16;
const ROW = 18;
const GROUP_GAP = 10;
const AXIS = 28;

/** About 4 to 8 round tick values inside [low, high]. */
export function niceTicks(low: number, high: number): number[] {
  if (!(high > low)) return [low];
  const raw = (high - low) / 6;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * magnitude >= raw) ?? 10) * magnitude;
  const ticks: number[] = [];
  for (let t = Math.ceil(low / step) * step; t <= high + step * 1e-9; t += step) {
    ticks.push(Math.abs(t) < step * 1e-9 ? 0 : Number(t.toPrecision(12)));
  }
  return ticks;
}

/** The x range: every interval and point, and 0, with a little room. */
export function plotDomain(slices: SliceStats): [number, number] {
  let low = 0;
  let high = 0;
  for (const c of slices.cells) {
    for (const v of [c.ciLow, c.ciHigh, c.meanDiff]) {
      if (v === null || !Number.isFinite(v)) continue;
      low = Math.min(low, v);
      high = Math.max(high, v);
    }
  }
  if (low === high) return [low - 1, high + 1];
  const pad = (high - low) * 0.05;
  return [low - pad, high + pad];
}

function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

/**
 * Forest plot: one line per group and session, the point at the mean difference against
 * the baseline and the whisker over its 95% interval; the dashed line is "no difference".
 * The table beside it holds the same numbers for screen readers and copying.
 */
export function ForestPlot({
  slices,
  colorIndex,
  tableId,
}: {
  slices: SliceStats;
  colorIndex: (sessionId: string) => number;
  tableId: string;
}) {
  const captionId = useId();
  const descId = useId();
  const [low, high] = plotDomain(slices);
  const x = (v: number) => LABEL_WIDTH + ((v - low) / (high - low)) * (PLOT_RIGHT - LABEL_WIDTH);
  const sessions = new Set(slices.cells.map((c) => c.sessionId)).size || 1;
  let y = 8;
  const rows: { group: string; cells: typeof slices.cells; top: number }[] = [];
  for (const group of slices.groups) {
    const cells = slices.cells.filter((c) => c.group === group.name);
    rows.push({ group: group.name, cells, top: y });
    y += (cells.length + 1) * ROW + GROUP_GAP;
  }
  const height = y + AXIS;
  const better = slices.direction === 'higher' ? 'right' : 'left';
  return (
    <figure className="stats-forest" aria-labelledby={captionId} aria-describedby={descId}>
      <figcaption id={captionId} className="stats-forest__caption">
        Difference by group
      </figcaption>
      <p id={descId} className="stats-forest__desc">
        {slices.key} by “{slices.sliceKey}”: each session minus the baseline “{slices.baselineName}”
        within each group, with its 95% interval; {better} of the dashed line is better. The numbers
        are in the table that follows.
      </p>
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        className="stats-forest__svg"
        role="img"
        aria-label={`Forest plot of ${slices.key} by ${slices.sliceKey}`}
        aria-details={tableId}
      >
        <line x1={x(0)} x2={x(0)} y1={4} y2={height - AXIS + 4} className="stats-forest__zero" />
        {rows.map(({ group, cells, top }) => (
          <g key={group}>
            <text x={4} y={top + ROW * 0.7} className="stats-forest__group">
              {truncate(group, 34)}
            </text>
            {cells.map((c, i) => {
              const cy = top + (i + 1.5) * ROW;
              const color = sessionColor(colorIndex(c.sessionId));
              const label = `${c.name}: ${formatEstimate(c.meanDiff, c.ciLow, c.ciHigh, slices)} (${formatInterval(c.ciLow, c.ciHigh, slices, c.meanDiff)}), ${plural(c.n, 'paired example')}`;
              return (
                <g key={c.sessionId}>
                  <title>{label}</title>
                  <text x={16} y={cy + 4} className="stats-forest__session">
                    {truncate(c.name, sessions > 1 ? 30 : 34)}
                  </text>
                  {c.ciLow !== null && c.ciHigh !== null ? (
                    <line
                      x1={x(c.ciLow)}
                      x2={x(c.ciHigh)}
                      y1={cy}
                      y2={cy}
                      stroke={color}
                      className="stats-forest__whisker"
                    />
                  ) : null}
                  {c.meanDiff !== null ? (
                    <rect
                      x={x(c.meanDiff) - 4}
                      y={cy - 4}
                      width={8}
                      height={8}
                      fill={color}
                      className="stats-forest__point"
                    />
                  ) : (
                    <text x={LABEL_WIDTH + 4} y={cy + 4} className="stats-forest__none">
                      no pairs
                    </text>
                  )}
                </g>
              );
            })}
          </g>
        ))}
        <g className="stats-forest__axis">
          {niceTicks(low, high).map((t) => (
            <g key={t}>
              <line x1={x(t)} x2={x(t)} y1={height - AXIS} y2={height - AXIS + 5} />
              <text x={x(t)} y={height - 6} textAnchor="middle">
                {formatDiff(t, slices)}
              </text>
            </g>
          ))}
        </g>
      </svg>
    </figure>
  );
}
