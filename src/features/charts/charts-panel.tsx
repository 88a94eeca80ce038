import './charts.css';
import { type JSX, useId, useMemo, useRef, useState } from 'react';
import type { Group } from '../../api/grouped-runs/schemas';
import { plural } from '../../lib/plural';
import { useElementWidth } from '../../lib/use-element-width';
import {
  buildChartModel,
  feedbackKeyOptions,
  resolveFeedbackKey,
  resolveSessions,
} from './chart-data';
import type { ChartMeasure } from './chart-measures';
import { safeId } from './chart-patterns';
import { ChartTable } from './chart-table';
import { MeasureChart } from './measure-chart';
import { MeasureTabs, measureTabId } from './measure-tabs';
import { SessionLegend } from './session-legend';

/** Groups drawn before "Show all N groups": enough to compare, few enough to read. */
export const DEFAULT_GROUP_LIMIT = 12;
/** About this many bars are drawn before "Show all": recharts costs ~1.5 ms a bar. */
const BAR_BUDGET = 160;

/** Groups shown by default: fewer when many sessions share each group. */
export function groupLimit(sessionCount: number): number {
  return Math.max(
    2,
    Math.min(DEFAULT_GROUP_LIMIT, Math.floor(BAR_BUDGET / Math.max(1, sessionCount * 2))),
  );
}

export interface ChartsPanelProps {
  groups: Group[];
  /** Selected session ids in display order (colour index = position here). */
  sessionOrder: string[];
  /** id -> name; falls back to group.sessions[].name, then the id. */
  sessionNames: Record<string, string>;
  /** Group labels read `${metadataKey} = ${key}` (or just the key when empty). */
  metadataKey: string;
  measure: ChartMeasure;
  onMeasureChange: (m: ChartMeasure) => void;
  /** Chosen key for the feedback chart (null: first numeric key). */
  feedbackKey: string | null;
  onFeedbackKeyChange: (key: string) => void;
  /** Legend toggles, shared with the matrix. */
  hiddenSessions: string[];
  onToggleSession: (sessionId: string) => void;
  /** Filter the matrix to that group (and session). */
  onBarClick: (groupIndex: number, sessionId: string | null) => void;
  /** The experiment the tables' latency and cost changes are measured against. */
  baselineId?: string | null;
}

export function ChartsPanel(props: ChartsPanelProps): JSX.Element {
  const { groups, measure, metadataKey } = props;
  const prefix = safeId(useId());
  const [tableOpen, setTableOpen] = useState(false);
  const [showAll, setShowAll] = useState(false);
  // The chart spreads over the panel's width (it used to take a third of it).
  const plotRef = useRef<HTMLDivElement>(null);
  const plotWidth = useElementWidth(plotRef);

  const sessions = useMemo(
    () => resolveSessions(groups, props.sessionOrder, props.sessionNames, props.hiddenSessions),
    [groups, props.sessionOrder, props.sessionNames, props.hiddenSessions],
  );
  const keyOptions = useMemo(
    () =>
      feedbackKeyOptions(
        groups,
        sessions.map((s) => s.id),
      ),
    [groups, sessions],
  );
  const feedbackKey = resolveFeedbackKey(keyOptions, props.feedbackKey);
  const limit = groupLimit(sessions.length);
  const limited = !showAll && groups.length > limit;
  const shownGroups = useMemo(
    // Slicing from the start keeps each group's index equal to its index in `groups`.
    () => (limited ? groups.slice(0, limit) : groups),
    [groups, limited, limit],
  );
  const model = useMemo(
    () =>
      buildChartModel(measure, {
        groups: shownGroups,
        sessions,
        metadataKey,
        feedbackKey,
        baselineId: props.baselineId ?? null,
      }),
    [measure, shownGroups, sessions, metadataKey, feedbackKey, props.baselineId],
  );

  const panelId = `${prefix}-panel`;
  const captionId = `${prefix}-caption`;
  const tableId = `${prefix}-table`;
  const plotId = `${prefix}-plot`;
  const hiddenCount = sessions.filter((s) => s.hidden).length;

  return (
    <section className="charts" aria-label="Charts">
      <div className="charts__toolbar">
        <MeasureTabs
          idPrefix={prefix}
          panelId={panelId}
          measure={measure}
          onChange={props.onMeasureChange}
        />
        {measure === 'feedback' && keyOptions.length > 0 ? (
          <label className="charts__key">
            Feedback key{' '}
            <select
              className="input"
              value={feedbackKey ?? ''}
              onChange={(e) => props.onFeedbackKeyChange(e.target.value)}
            >
              {keyOptions.map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
      <SessionLegend
        idPrefix={prefix}
        sessions={sessions}
        series={model.series}
        onToggle={props.onToggleSession}
      />
      <div role="tabpanel" id={panelId} aria-labelledby={measureTabId(prefix, measure)}>
        <figure className="charts__figure" aria-labelledby={captionId}>
          <figcaption id={captionId} className="charts__caption">
            {model.title}
          </figcaption>
          {/* The table replaces the chart (the toggle says which comes next). */}
          <div ref={plotRef} id={plotId} className="charts__plot">
            {tableOpen ? (
              <ChartTable id={tableId} model={model} onFilter={props.onBarClick} />
            ) : model.notice ? (
              <p className="charts__notice">{model.notice}</p>
            ) : (
              <MeasureChart
                idPrefix={prefix}
                model={model}
                sessions={sessions}
                onBarClick={props.onBarClick}
                fillWidth={plotWidth}
              />
            )}
          </div>
          <p className="charts__meta">
            {limited ? `Showing the first ${limit} of ${groups.length} groups. ` : ''}
            {hiddenCount > 0 ? `${plural(hiddenCount, 'session')} hidden. ` : ''}
            Bars follow the legend's order within each group.
          </p>
          <div className="charts__actions">
            <button
              type="button"
              className="button"
              // The box that holds the chart or its table: always there, unlike the table.
              aria-controls={plotId}
              onClick={() => setTableOpen((open) => !open)}
            >
              {/* Says what a click shows next: the table, or the chart again. */}
              {tableOpen ? 'Show as chart' : 'Show as table'}
            </button>
            {groups.length > limit ? (
              <button type="button" className="button" onClick={() => setShowAll((all) => !all)}>
                {showAll ? `Show the first ${limit} groups` : `Show all ${groups.length} groups`}
              </button>
            ) : null}
          </div>
        </figure>
      </div>
    </section>
  );
}
