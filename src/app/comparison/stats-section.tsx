import { StatsPanel } from '../../features/stats/panel/stats-panel';
import { useComparison } from './comparison-context';
import { statsSettings, statsViewPatch } from './view-adapters';

/**
 * "Is the difference real?": paired statistics of every key against the baseline. Loaded
 * lazily with the statistics panel (comparison.tsx).
 */
export function StatsSection() {
  const { view, setView, data, model, insights, live, sessionNames } = useComparison();
  return (
    <StatsPanel
      inputs={insights.inputs}
      stats={insights.stats}
      adjustment={insights.adjustment}
      slices={insights.slices}
      sliceKey={insights.sliceKey}
      metadataKeys={insights.metadataKeys}
      sessionOrder={view.sessions}
      loadedExamples={model.matrix.rows.length}
      totalExamples={data.total}
      onLoadAll={data.allLoaded ? undefined : data.startLoadAll}
      settings={statsSettings(view)}
      onSettings={(patch) => setView(statsViewPatch(patch), 'replace')}
      stillRunning={live.running.map((id) => sessionNames[id] ?? id)}
    />
  );
}
