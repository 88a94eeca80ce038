import { lazy, Suspense } from 'react';
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

// The charts and statistics load on their own, with the app code that feeds them.
const ChartsSection = lazy(() =>
  import('./charts-section').then((m) => ({ default: m.ChartsSection })),
);
const ScoreboardSection = lazy(() =>
  import('./scoreboard-section').then((m) => ({ default: m.ScoreboardSection })),
);
const StatsSection = lazy(() =>
  import('./stats-section').then((m) => ({ default: m.StatsSection })),
);

/**
 * The comparison for a complete choice. Its panels, top to bottom, each read the shared state
 * (comparison-context.tsx) and give their feature what it shows: adding a panel is a new
 * section component and one line here.
 */
export function Comparison({ view, setView }: { view: ComparisonView; setView: SetView }) {
  const { data, state } = useComparisonState(view, setView);
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
            <Suspense fallback={chartsSkeleton}>
              <ChartsSection />
            </Suspense>
          ) : (
            chartsSkeleton
          )}
          {/* After the charts, so they are drawn first; still above the matrix. */}
          {rowsPainted ? (
            <Suspense
              fallback={
                <div className="skeleton" role="status">
                  Loading the scoreboard…
                </div>
              }
            >
              <ScoreboardSection />
            </Suspense>
          ) : null}
          <ExportBar />
          <Suspense
            fallback={
              <div className="skeleton" role="status">
                Loading statistics…
              </div>
            }
          >
            <StatsSection />
          </Suspense>
          <MatrixSection />
          <ExampleDetail />
        </ComparisonProvider>
      ) : null}
    </section>
  );
}
