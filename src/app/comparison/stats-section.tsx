import { StatsPanel } from '../../features/stats/stats-panel';
import { useComparison } from './comparison-context';

/**
 * "Is the difference real?": paired statistics of every key against the baseline. Loaded
 * lazily with the statistics panel (comparison.tsx).
 */
export function StatsSection() {
  const { view, setView, data, model, insights } = useComparison();
  return (
    <StatsPanel
      inputs={insights.inputs}
      stats={insights.stats}
      loadedExamples={model.matrix.rows.length}
      totalExamples={data.total}
      onLoadAll={data.allLoaded ? undefined : data.startLoadAll}
      open={view.statsOpen}
      onToggle={(statsOpen) => setView({ statsOpen }, 'replace')}
      selectedKey={view.statsKey}
      onSelectKey={(statsKey) => setView({ statsKey }, 'replace')}
    />
  );
}
