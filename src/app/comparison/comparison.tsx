import { usePaintedOnce } from '../../lib/use-painted-once';
import { ComparisonProvider, type ComparisonView, type SetView } from './comparison-context';
import { ComparisonPanels } from './comparison-panels';
import { ComparisonStatus } from './comparison-status';
import { ExampleDetail } from './example-detail';
import { MatrixSection } from './matrix-section';
import { useComparisonState } from './use-comparison-state';
import { useDataParamChecks } from './use-data-param-checks';

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
        <>
          {/* The panels above the matrix follow it once it has been drawn (comparison-panels). */}
          <ComparisonPanels state={state} rowsPainted={rowsPainted} />
          <ComparisonProvider value={state}>
            <MatrixSection />
            <ExampleDetail />
          </ComparisonProvider>
        </>
      ) : null}
    </section>
  );
}
