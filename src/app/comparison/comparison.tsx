import { Suspense } from 'react';
import { PanelBoundary, retryableLazy } from '../../components/panel-boundary';
import { GroupSummary } from '../../features/summary/group-summary';
import { usePaintedOnce } from '../../lib/use-painted-once';
import { ComparisonProvider, type ComparisonView, type SetView } from './comparison-context';
import { ComparisonStatus } from './comparison-status';
import { ExampleDetail } from './example-detail';
import { ExportBar } from './export-bar';
import { LiveSection } from './live-section';
import { MatrixSection } from './matrix-section';
import { ReadIssues } from './read-issues';
import { useComparisonState } from './use-comparison-state';
import { useDataParamChecks } from './use-data-param-checks';

// The charts and statistics load on their own, with the app code that feeds them. A load
// that fails (offline) is said in the panel's place, with "Try again".
const ChartsSection = retryableLazy(() => import('./charts-section').then((m) => m.ChartsSection));
const ScoreboardSection = retryableLazy(() =>
  import('./scoreboard-section').then((m) => m.ScoreboardSection),
);
const StatsSection = retryableLazy(() => import('./stats-section').then((m) => m.StatsSection));

/**
 * The comparison for a complete choice. Its panels, top to bottom, each read the shared state
 * (comparison-context.tsx) and give their feature what it shows: adding a panel is a new
 * section component and one line here.
 */
export function Comparison({
  view,
  setView,
  addNotice,
}: {
  view: ComparisonView;
  setView: SetView;
  /** Says that a parameter was dropped (the page's notices above the pickers). */
  addNotice: (notice: string) => void;
}) {
  const { data, state } = useComparisonState(view, setView);
  useDataParamChecks(state, addNotice);
  // The charts (recharts' first render is long) come in a frame after the first rows.
  const rowsPainted = usePaintedOnce(state !== null);
  const chartsSkeleton = (
    <div className="skeleton chart-skeleton" role="status">
      Loading charts…
    </div>
  );
  return (
    <section
      id="comparison"
      className="comparison"
      aria-label="Comparison"
      aria-busy={data.page.isFetching}
    >
      <h2 className="section-title">By {view.key}</h2>
      <ComparisonStatus data={data} />
      {state ? (
        <ComparisonProvider value={state}>
          <LiveSection />
          <ReadIssues />
          <GroupSummary
            groups={state.aggregateGroups}
            metadataKey={view.key}
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
          <MatrixSection />
          <ExampleDetail />
        </ComparisonProvider>
      ) : null}
    </section>
  );
}
