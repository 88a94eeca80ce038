import { memo, useLayoutEffect, useMemo, useRef } from 'react';
import type { GroupedRuns } from '../../api/grouped-runs/schemas';
import { ChartsPanel as Charts } from '../../features/charts/charts-panel';
import type { ViewState } from '../view-params';
import { type SetView, useComparison } from './comparison-context';

// Memoised: recharts is costly to render, and most view changes do not touch the charts.
const ChartsPanel = memo(Charts);

/**
 * The per-group charts; a bar click narrows the matrix to that group (and experiment).
 * Loaded lazily with the charts (comparison.tsx).
 */
export function ChartsSection() {
  const { view, setView, result, baseline, sessionNames } = useComparison();
  const handlers = useChartHandlers(view, setView, result, baseline);
  return (
    <ChartsPanel
      groups={result.groups}
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
    />
  );
}

/**
 * Stable callbacks for the (memoised) charts panel: they read the view as it is when they
 * are called, so a new baseline or hidden list does not re-render every chart.
 */
function useChartHandlers(
  view: ViewState,
  setView: SetView,
  result: GroupedRuns | undefined,
  baseline: string,
) {
  const latest = useRef({ view, result, baseline });
  useLayoutEffect(() => {
    latest.current = { view, result, baseline };
  });
  return useMemo(
    () => ({
      onMeasureChange: (chart: ViewState['chart']) => setView({ chart }, 'replace'),
      onFeedbackKeyChange: (chartKey: string) => setView({ chartKey }, 'replace'),
      onToggleSession: (id: string) => {
        const { hidden } = latest.current.view;
        setView({ hidden: hidden.includes(id) ? hidden.filter((h) => h !== id) : [...hidden, id] });
      },
      onBarClick: (groupIndex: number, sessionId: string | null) => {
        const { view: now, result: shown, baseline: base } = latest.current;
        const group = shown?.groups[groupIndex];
        if (!group) return;
        setView({
          group: String(group.key),
          hidden: sessionId
            ? now.sessions.filter((id) => id !== sessionId && id !== base)
            : now.hidden,
        });
      },
    }),
    [setView],
  );
}
