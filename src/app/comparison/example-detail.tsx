import { Suspense } from 'react';
import { PanelBoundary, retryableLazy } from '../../components/panel-boundary';
import { useComparison } from './comparison-context';

const DetailSection = retryableLazy(() => import('./detail-section').then((m) => m.DetailSection));

/** The open example (`example`) in the detail panel, or why it cannot be shown. */
export function ExampleDetail() {
  const { view, setView, model } = useComparison();
  if (!view.example) return null;
  if (!model.matrix.rows.some((r) => r.exampleId === view.example)) {
    return (
      <p className="notice notice--warning" role="status">
        The example in the link is not on this page of results.{' '}
        <button
          type="button"
          className="button button--quiet"
          onClick={() => setView({ example: null })}
        >
          Dismiss
        </button>
      </p>
    );
  }
  return (
    <PanelBoundary name="the example's detail" onRetry={DetailSection.retry}>
      <Suspense fallback={<p role="status">Opening the example…</p>}>
        <DetailSection />
      </Suspense>
    </PanelBoundary>
  );
}
