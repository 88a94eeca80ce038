// The global styles first: every feature's stylesheet builds on them and follows them.
import './styles.css';
import { requestViewEarly } from './app/early-view';
import { type DataSource, loadDataSource } from './lib/data-source';
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
 * The page's first chunk, kept small: it asks for the data source and, for a link to a
 * comparison, sends the comparison's requests (the page's query takes them over:
 * `sendEarly`) before the app's code evaluates. The HTML preloads that code meanwhile
 * (vite.config.ts), so importing it here only runs it.
 */
async function boot(): Promise<void> {
  if (import.meta.env.MODE === 'snapshot') {
    const { startSnapshot } = await import('./app/start');
    await startSnapshot();
    return;
  }
  const source = await loadDataSource();
  requestViewEarly(source, currentSearch());
  const demoProblem = await startMocking(source);
  const { startApp } = await import('./app/start');
  startApp(source, demoProblem);
}

void boot();
