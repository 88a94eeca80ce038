import { StatsPanel } from '../../features/stats/panel/stats-panel';
import { useComparison } from './comparison-context';
import { statsSettings, statsViewPatch } from './view-adapters';

/**
 * "Is the difference real?": paired statistics of every key against the baseline. Loaded
 * lazily with the statistics panel (comparison.tsx).
 */
export function StatsSection() {
  const { view, setView, data, insights, live, sessionNames } = useComparison();
  return (
    <StatsPanel
      inputs={insights.inputs}
      stats={insights.stats}
      adjustment={insights.adjustment}
      slices={insights.slices}
      sliceKey={insights.sliceKey}
      metadataKeys={insights.metadataKeys}
      sessionOrder={view.sessions}
      // The rows the statistics were computed over (held while "Load all" is under way).
      loadedExamples={insights.inputsMatrix.rows.length}
      totalExamples={data.total}
      onLoadAll={
        data.allLoaded || data.loadAll.status === 'loading' ? undefined : data.startLoadAll
      }
      settings={statsSettings(view)}
      onSettings={(patch) => setView(statsViewPatch(patch), 'replace')}
      stillRunning={live.running.map((id) => sessionNames[id] ?? id)}
    />
  );
}
