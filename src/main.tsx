// The global styles first: every feature's stylesheet builds on them and follows them.
import './styles.css';
import { type ReactNode, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setAnswerListener } from './api/client';
import { createQueryClient } from './api/query-client';
import { App } from './app/app';
import { prefetchGroupedData } from './app/comparison/use-grouped-data';
import { isComplete, parseView } from './app/view-params';
import { pageRecorder } from './features/snapshot/recorder';
import { type DataSource, DataSourceContext, loadDataSource, needsSignIn } from './lib/data-source';
import { initPreferences } from './lib/preferences';
import { warmTextWidth } from './lib/text-width';
import { currentSearch } from './lib/use-url-search';

async function startMocking(source: DataSource): Promise<string | null> {
  // The snapshot viewer leaves the demo's worker out of its build (it never runs there).
  if (import.meta.env.MODE === 'snapshot' || source.source !== 'demo') return null;
  try {
    // The demo data and its handlers load only in demo mode, in their own chunk.
    const { startDemoWorker } = await import('./mocks/browser');
    await startDemoWorker();
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * Where the data comes from. The snapshot viewer (a build of its own, `--mode snapshot`)
 * answers from the data in its file and asks nothing of a server; the app asks its server
 * and records the answers a snapshot may embed.
 */
async function openSource(
  root: HTMLElement,
): Promise<{ source: DataSource; banner: ReactNode } | null> {
  if (import.meta.env.MODE === 'snapshot') {
    const viewer = await import('./features/snapshot/viewer');
    const { SnapshotBanner } = await import('./features/snapshot/snapshot-banner');
    try {
      const { payload, source } = await viewer.openSnapshot();
      return { source, banner: <SnapshotBanner facts={payload} /> };
    } catch (error) {
      viewer.showBrokenSnapshot(root, error);
      return null;
    }
  }
  setAnswerListener(pageRecorder.record);
  return { source: await loadDataSource(), banner: null };
}

async function boot(): Promise<void> {
  initPreferences();
  const root = document.getElementById('root');
  if (!root) return;
  const opened = await openSource(root);
  if (!opened) return;
  const { source, banner } = opened;
  const demoProblem = await startMocking(source);
  // A link to a comparison: its data is requested now, while React renders the page.
  const client = createQueryClient();
  const { view } = parseView(currentSearch());
  if (demoProblem === null && !needsSignIn(source) && isComplete(view)) {
    prefetchGroupedData(client, view);
  }
  createRoot(root).render(
    <StrictMode>
      {banner}
      <DataSourceContext value={source}>
        <App source={source} demoProblem={demoProblem} client={client} />
      </DataSourceContext>
    </StrictMode>,
  );
  // While the first request is in flight: the matrix's first text measure is then cheap.
  if (typeof requestIdleCallback === 'function') requestIdleCallback(warmTextWidth);
  else setTimeout(warmTextWidth, 0);
}

void boot();
