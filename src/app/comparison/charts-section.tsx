import { memo, useLayoutEffect, useMemo, useRef } from 'react';
import type { GroupedRuns } from '../../api/grouped-runs/schemas';
import { ChartsPanel as Charts } from '../../features/charts/charts-panel';
import type { ViewState } from '../view-params';
import { type SetView, useComparison } from './comparison-context';

// Memoised: recharts is costly to render, and most view changes do not touch the charts.
const ChartsPanel = memo(Charts);

/**
 * The per-group charts; a bar click narrows the matrix to that group.
 * Loaded lazily with the charts (comparison.tsx).
 */
export function ChartsSection() {
  const { view, setView, result, aggregateGroups, sessionNames, baseline } = useComparison();
  const handlers = useChartHandlers(view, setView, result);
  return (
    <ChartsPanel
      groups={aggregateGroups}
      sessionOrder={view.sessions}
      sessionNames={sessionNames}
      metadataKey={view.key}
      measure={view.chart}
      onMeasureChange={handlers.onMeasureChange}
      feedbackKey={view.chartKey}
      onFeedbackKeyChange={handlers.onFeedbackKeyChange}
      hiddenSessions={view.hidden}
      onToggleSession={handlers.onToggleSession}
      onBarClick={handlers.onBarClick}
      baselineId={baseline || null}
    />
  );
}

/**
 * Stable callbacks for the (memoised) charts panel: they read the view as it is when they
 * are called, so a new baseline or hidden list does not re-render every chart.
 */
function useChartHandlers(view: ViewState, setView: SetView, result: GroupedRuns | undefined) {
  const latest = useRef({ view, result });
  useLayoutEffect(() => {
    latest.current = { view, result };
  });
  return useMemo(
    () => ({
      onMeasureChange: (chart: ViewState['chart']) => setView({ chart }, 'replace'),
      onFeedbackKeyChange: (chartKey: string) => setView({ chartKey }, 'replace'),
      onToggleSession: (id: string) => {
        const { hidden } = latest.current.view;
        setView({ hidden: hidden.includes(id) ? hidden.filter((h) => h !== id) : [...hidden, id] });
      },
      // A bar narrows the matrix to its group and nothing else (no experiment is hidden), in
      // one history entry, so that Back or "Show all groups" gives the view before the click.
      onBarClick: (groupIndex: number) => {
        const group = latest.current.result?.groups[groupIndex];
        if (group) setView({ group: String(group.key) });
      },
    }),
    [setView],
  );
}
