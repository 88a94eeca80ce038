import { memo, Suspense } from 'react';
import { PanelBoundary, retryableLazy } from '../../components/panel-boundary';
import { GroupSummary } from '../../features/summary/group-summary';
import { ComparisonProvider, type ComparisonState } from './comparison-context';
import { ExportBar } from './export-bar';
import { LiveSection } from './live-section';
import { ReadIssues } from './read-issues';

// The charts and statistics load on their own, with the app code that feeds them. A load
// that fails (offline) is said in the panel's place, with "Try again".
const ChartsSection = retryableLazy(() => import('./charts-section').then((m) => m.ChartsSection));
const ScoreboardSection = retryableLazy(() =>
  import('./scoreboard-section').then((m) => m.ScoreboardSection),
);
const StatsSection = retryableLazy(() => import('./stats-section').then((m) => m.StatsSection));

/**
 * Every panel above the matrix: summary, charts, scoreboard, export, statistics. Memoised on
 * the state it is given, which comparison.tsx defers: a click in the matrix's toolbar commits
 * the matrix alone, and these follow in the next render, one the browser may interrupt.
 */
export const ComparisonPanels = memo(function ComparisonPanels({
  state,
  rowsPainted,
}: {
  state: ComparisonState;
  /** The first rows have been drawn: the charts and the scoreboard may come in. */
  rowsPainted: boolean;
}) {
  const chartsSkeleton = (
    <div className="skeleton chart-skeleton" role="status">
      Loading charts…
    </div>
  );
  return (
    <ComparisonProvider value={state}>
      <LiveSection />
      <ReadIssues />
      <GroupSummary
        groups={state.aggregateGroups}
        metadataKey={state.view.key}
        baselineId={state.baseline || null}
      />
      {rowsPainted ? (
        <PanelBoundary name="the charts" onRetry={ChartsSection.retry}>
          <Suspense fallback={chartsSkeleton}>
            <ChartsSection />
          </Suspense>
        </PanelBoundary>
      ) : (
        chartsSkeleton
      )}
      {/* After the charts, so they are drawn first; still above the matrix. */}
      {rowsPainted ? (
        <PanelBoundary name="the scoreboard" onRetry={ScoreboardSection.retry}>
          <Suspense
            fallback={
              <div className="skeleton" role="status">
                Loading the scoreboard…
              </div>
            }
          >
            <ScoreboardSection />
          </Suspense>
        </PanelBoundary>
      ) : null}
      <ExportBar />
      <PanelBoundary name="the statistics" onRetry={StatsSection.retry}>
        <Suspense
          fallback={
            <div className="skeleton" role="status">
              Loading statistics…
            </div>
          }
        >
          <StatsSection />
        </Suspense>
      </PanelBoundary>
    </ComparisonProvider>
  );
});
