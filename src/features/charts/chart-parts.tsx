import { useState } from 'react';
import type { TooltipContentProps, XAxisTickContentProps } from 'recharts';
import { NO_DATA } from '../../lib/format';
import { sessionColor } from '../../lib/session-colors';
import { truncate } from '../../lib/text';
import type { ChartGroup, ChartModel, TableRow } from './chart-data';
import { cellText } from './chart-values';

/** Long keys are cut on the axis; the full text stays in the <title> (hover) and the table. */
function axisLabel(text: string, maxChars: number): string {
  return truncate(text, Math.max(4, maxChars));
}

export function GroupTick({
  props,
  group,
  maxChars,
  onClick,
}: {
  props: XAxisTickContentProps;
  group: ChartGroup | undefined;
  maxChars: number;
  onClick: (groupIndex: number) => void;
}) {
  // Focus reveals the whole key, as hovering does through <title>.
  const [focused, setFocused] = useState(false);
  if (!group) return null;
  const filter = () => onClick(group.index);
  return (
    <g transform={`translate(${props.x},${props.y})`} className="charts-tick">
      {/* biome-ignore lint/a11y/useSemanticElements: SVG has no <button>; the label filters the matrix by mouse and keyboard */}
      <text
        dy={14}
        textAnchor="middle"
        fill="currentColor"
        role="button"
        tabIndex={0}
        aria-label={`Filter matrix to ${group.label}`}
        onClick={filter}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault();
            filter();
          }
        }}
      >
        <title>{group.label}</title>
        {focused ? group.short : axisLabel(group.short, maxChars)}
      </text>
    </g>
  );
}

/** One tooltip per group: every visible session with exact values and units, "no data" included. */
export function GroupTooltip({
  props,
  model,
  rowsByGroup,
}: {
  props: TooltipContentProps;
  model: ChartModel;
  rowsByGroup: ReadonlyMap<number, TableRow[]>;
}) {
  if (!props.active || props.label === undefined) return null;
  const groupIndex = Number(props.label);
  const group = model.groups[groupIndex];
  const rows = rowsByGroup.get(groupIndex) ?? [];
  if (!group) return null;
  return (
    <div className="charts-tooltip">
      <p className="charts-tooltip__title">{group.label}</p>
      <ul>
        {rows.map((row) => (
          <li key={row.id}>
            <span
              className="charts-legend__dot"
              style={{ background: sessionColor(row.colorIndex) }}
              aria-hidden="true"
            />
            <strong>{row.sessionName}</strong>:{' '}
            {row.cells.every((c) => c.value === null && c.reason === null)
              ? NO_DATA
              : row.cells.map((cell, i) => (
                  <span key={model.columns[i] ?? i} className="charts-tooltip__value">
                    {model.columns[i]} {cellText(cell)}
                    {i < row.cells.length - 1 ? '; ' : ''}
                  </span>
                ))}
          </li>
        ))}
      </ul>
      <p className="charts-tooltip__hint">Click a bar to filter the matrix.</p>
    </div>
  );
}
