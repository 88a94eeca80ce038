import { memo, Suspense } from 'react';
import { PanelBoundary, retryableLazy } from '../../components/panel-boundary';
import { GroupSummary } from '../../features/summary/group-summary';
import { ComparisonProvider, type ComparisonState } from './comparison-context';
import { ExportBar } from './export-bar';
import { LiveSection } from './live-section';
import { ReadIssues } from './read-issues';
import { useAfterPaint } from './use-after-paint';

// The charts and statistics load on their own, with the app code that feeds them. A load
// that fails (offline) is said in the panel's place, with "Try again".
const ChartsSection = retryableLazy(() => import('./charts-section').then((m) => m.ChartsSection));
const ScoreboardSection = retryableLazy(() =>
  import('./scoreboard-section').then((m) => m.ScoreboardSection),
);
const StatsSection = retryableLazy(() => import('./stats-section').then((m) => m.StatsSection));

/**
 * Every panel above the matrix: summary, charts, scoreboard, export, statistics. They follow
 * the state once the matrix has been drawn, in a render React may interrupt: a sort, filter or
 * new baseline shows in the matrix first (issue 20: within 50 ms), the panels about two frames
 * later. The first result comes with them all, so nothing above the matrix moves in later.
 *
 * The state is held here, not in the comparison: handing it on draws only these panels, not
 * the comparison again (whose new state object would be handed on again, every two frames).
 */
export function ComparisonPanels({
  state,
  rowsPainted,
}: {
  state: ComparisonState;
  rowsPainted: boolean;
}) {
  return <Panels state={useAfterPaint(state)} rowsPainted={rowsPainted} />;
}

/** Memoised on the state it is given: while that is held, the comparison's renders skip it. */
const Panels = memo(function Panels({
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
