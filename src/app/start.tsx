import { type ReactNode, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { forgetEarly, setAnswerListener } from '../api/client';
import { createQueryClient } from '../api/query-client';
import { pageRecorder } from '../features/snapshot/recorder';
import { type DataSource, DataSourceContext, needsSignIn } from '../lib/data-source';
import { markAppStart } from '../lib/perf-marks';
import { initPreferences } from '../lib/preferences';
import { warmTextWidth } from '../lib/text-width';
import { currentSearch } from '../lib/use-url-search';
import { App } from './app';
import { prefetchGroupedData } from './comparison/use-grouped-data';
import { isComplete, parseView } from './view-params';

/**
 * The app, started by the page's first chunk (main.tsx) once this code has loaded: with the
 * data source it has asked for, or, in the snapshot viewer's build, the data in the file.
 */

/**
 * The snapshot viewer (a build of its own, `--mode snapshot`) answers from the data in its
 * file and asks nothing of a server.
 */
export async function startSnapshot(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) return;
  const viewer = await import('../features/snapshot/viewer');
  const { SnapshotBanner } = await import('../features/snapshot/snapshot-banner');
  try {
    const { payload, source } = await viewer.openSnapshot();
    render(root, source, null, <SnapshotBanner facts={payload} />);
  } catch (error) {
    viewer.showBrokenSnapshot(root, error);
  }
}

/**
 * The app over its server (or the demo's worker, started by main.tsx: `demoProblem` says why
 * it could not start): the answers are recorded for a snapshot to embed.
 */
export function startApp(source: DataSource, demoProblem: string | null): void {
  const root = document.getElementById('root');
  if (!root) return;
  setAnswerListener(pageRecorder.record);
  render(root, source, demoProblem, null);
}

function render(
  root: HTMLElement,
  source: DataSource,
  demoProblem: string | null,
  banner: ReactNode,
): void {
  markAppStart();
  initPreferences();
  const client = createQueryClient();
  const { view } = parseView(currentSearch());
  // A link to a comparison: its data is requested now (or taken over from main.tsx's early
  // request), while React renders the page.
  if (demoProblem === null && !needsSignIn(source) && isComplete(view)) {
    prefetchGroupedData(client, view);
  }
  // An early request the page's view does not ask for is not left downloading.
  setTimeout(forgetEarly, 0);
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
