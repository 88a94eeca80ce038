// The global styles first: every feature's stylesheet builds on them and follows them.
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createQueryClient } from './api/query-client';
import { App } from './app/app';
import { prefetchGroupedData } from './app/comparison/use-grouped-data';
import { isComplete, parseView } from './app/view-params';
import { type DataSource, DataSourceContext, loadDataSource, needsSignIn } from './lib/data-source';
import { initPreferences } from './lib/preferences';
import { warmTextWidth } from './lib/text-width';

async function startMocking(source: DataSource): Promise<string | null> {
  if (source.source !== 'demo') return null;
  try {
    // The demo data and its handlers load only in demo mode, in their own chunk.
    const { startDemoWorker } = await import('./mocks/browser');
    await startDemoWorker();
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

async function boot(): Promise<void> {
  initPreferences();
  const root = document.getElementById('root');
  if (!root) return;
  const source = await loadDataSource();
  const demoProblem = await startMocking(source);
  // A link to a comparison: its data is requested now, while React renders the page.
  const client = createQueryClient();
  const { view } = parseView(window.location.search);
  if (demoProblem === null && !needsSignIn(source) && isComplete(view)) {
    prefetchGroupedData(client, view);
  }
  createRoot(root).render(
    <StrictMode>
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
