import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, use } from 'react';
import { datasetQuery } from '../../api/datasets';
import { ExportMenu } from '../../features/export/export-menu';
import { type DataSource, DataSourceContext } from '../../lib/data-source';
import { currentSearch } from '../../lib/use-url-search';
import { useComparison } from './comparison-context';
import { DatasetLangSmithLink } from './langsmith-links';

// The snapshot's button and what it reads load after the page's first paint, on their own.
const SnapshotButton = lazy(() =>
  import('../../features/snapshot/snapshot-button').then((m) => ({ default: m.SnapshotButton })),
);

/**
 * The link "Copy link" gives: this page's, or in a snapshot the same view on the Versus page it
 * was taken on (a `file://` link opens nothing on another machine); none when the file does not
 * say where that was.
 */
function shareLink(source: DataSource): { url: string; note?: string } | null {
  if (source.source !== 'snapshot') return { url: window.location.href };
  if (!source.appUrl) return null;
  const at = new URL(source.appUrl);
  return {
    url: `${source.appUrl}${currentSearch()}`,
    note: `A link to this view in Versus at ${at.host}: it shows the data there now, not this file’s.`,
  };
}

/** Share and export the view: the link, CSV or JSON of what the matrix shows, a snapshot. */
export function ExportBar() {
  const { view, insights, data } = useComparison();
  const source = use(DataSourceContext);
  const dataset = useQuery(datasetQuery(view.dataset));
  return (
    <div className="insights-bar">
      <ExportMenu
        buildCsv={insights.buildCsv}
        buildJson={insights.buildJson}
        fileBase={`versus-${view.key}`}
        share={shareLink(source)}
      />
      {/* A snapshot is not saved again from inside one: it is read-only. */}
      {source.source === 'snapshot' ? null : (
        <Suspense fallback={null}>
          <SnapshotButton
            scope={{ datasetId: view.dataset, sessionIds: view.sessions }}
            failed={data.page.isError}
            facts={{
              search: currentSearch(),
              datasetName: dataset.data?.name ?? view.dataset,
              experiments: view.sessions.length,
              host: source.source === 'live' ? source.host : `${window.location.host} (demo data)`,
              fromDemo: source.source === 'demo',
              ...(source.source === 'live' && source.webApp ? { webApp: source.webApp } : {}),
              appUrl: `${window.location.origin}${window.location.pathname}`,
            }}
          />
        </Suspense>
      )}
      <DatasetLangSmithLink />
    </div>
  );
}
