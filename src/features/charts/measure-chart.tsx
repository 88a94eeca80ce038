import { useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, ErrorBar, Tooltip, XAxis, YAxis } from 'recharts';
import { sessionColor } from '../../lib/session-colors';
import type { ChartDatum, ChartModel, ChartSession, TableRow } from './chart-data';
import { chartLayout, valueTicks } from './chart-layout';
import { GroupTick, GroupTooltip } from './chart-parts';
import { barFill, ChartPatternDefs } from './chart-patterns';
import { axisFormatter } from './chart-values';

/**
 * A fixed-size BarChart whose width follows the bar count, inside a scroll box: many groups
 * and sessions scroll sideways instead of squashing (and jsdom needs no ResizeObserver).
 */
export function MeasureChart({
  idPrefix,
  model,
  sessions,
  onBarClick,
  fillWidth = 0,
}: {
  idPrefix: string;
  model: ChartModel;
  sessions: readonly ChartSession[];
  onBarClick: (groupIndex: number, sessionId: string | null) => void;
  /** The panel's width: the chart fills it when its bars need less (0: unknown). */
  fillWidth?: number;
}) {
  const visible = sessions.filter((s) => !s.hidden);
  const layout = chartLayout(model.groups.length, model.slotsPerGroup, visible.length, fillWidth);
  const rowsByGroup = useMemo(() => {
    const map = new Map<number, TableRow[]>();
    for (const row of model.rows) {
      const list = map.get(row.groupIndex);
      if (list) list.push(row);
      else map.set(row.groupIndex, [row]);
    }
    return map;
  }, [model.rows]);
  const ticks = useMemo(() => valueTicks(model), [model]);
  const axisLabel = useMemo(() => axisFormatter(model.unit, ticks), [model.unit, ticks]);
  const patterns = [...new Set(model.series.map((s) => s.pattern))];

  return (
    // Keyboard users scroll it by tabbing through the focusable group labels.
    <div className="charts-scroll">
      <BarChart
        width={layout.width}
        height={layout.height}
        data={model.data}
        margin={{ top: 16, right: 16, bottom: 8, left: 8 }}
        barGap={2}
        barSize={layout.barSize}
        title={model.title}
        desc="Arrow keys move between groups and show their values; the data table has them all."
      >
        <ChartPatternDefs prefix={idPrefix} sessions={visible} patterns={patterns} />
        <CartesianGrid vertical={false} stroke="var(--border)" />
        <XAxis
          dataKey="slot"
          type="category"
          interval={0}
          tickLine={false}
          stroke="var(--text-muted)"
          tick={(props) => (
            <GroupTick
              props={props}
              group={model.groups[Number(props.payload.value)]}
              maxChars={layout.labelChars}
              onClick={(groupIndex) => onBarClick(groupIndex, null)}
            />
          )}
        />
        <YAxis
          width={72}
          stroke="var(--text-muted)"
          tickFormatter={axisLabel}
          ticks={ticks}
          domain={[ticks[0] ?? 0, ticks[ticks.length - 1] ?? 'auto']}
        />
        <Tooltip
          // Keep null entries so a group with no data still gets a tooltip saying so.
          filterNull={false}
          cursor={{ fill: 'var(--surface-2)', fillOpacity: 0.6 }}
          isAnimationActive={false}
          content={(props) => (
            <GroupTooltip props={props} model={model} rowsByGroup={rowsByGroup} />
          )}
        />
        {model.bars.map((bar) => {
          const session = visible.find((s) => s.id === bar.sessionId);
          const name = `${session?.name ?? bar.sessionId} ${bar.series.label}`;
          const color = sessionColor(bar.colorIndex);
          return (
            <Bar
              key={bar.dataKey}
              dataKey={bar.dataKey}
              name={name}
              // Lets tests and styles find one session's bars.
              className={`bar-session-${bar.sessionId}`}
              stackId={bar.stackId}
              fill={barFill(idPrefix, bar.series.pattern, bar.colorIndex, color)}
              stroke={color}
              strokeWidth={bar.series.pattern === 'solid' ? 0 : 1}
              cursor="pointer"
              // Instant redraws: up to 1,000 bars re-render on every legend toggle.
              isAnimationActive={false}
              // A real 0 gets a sliver so that it differs from "no data" (no bar at all).
              // Read the datum, not `value`: in a stack `value` is the running top, and a null
              // segment there would look like a 0.
              minPointSize={(_value, index) => (model.data[index]?.[bar.dataKey] === 0 ? 2 : 0)}
              onClick={(item) => {
                const datum = item.payload as ChartDatum | undefined;
                if (datum) onBarClick(datum.groupIndex, bar.sessionId);
              }}
            >
              {bar.errorKey ? (
                <ErrorBar
                  dataKey={bar.errorKey}
                  direction="y"
                  width={4}
                  strokeWidth={1.5}
                  stroke="var(--text)"
                />
              ) : null}
            </Bar>
          );
        })}
      </BarChart>
    </div>
  );
}
