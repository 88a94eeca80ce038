import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, use } from 'react';
import { datasetQuery } from '../../api/datasets';
import { ExportMenu } from '../../features/export/export-menu';
import { DataSourceContext } from '../../lib/data-source';
import { currentSearch } from '../../lib/use-url-search';
import { useComparison } from './comparison-context';
import { DatasetLangSmithLink } from './langsmith-links';

// The snapshot's button and what it reads load after the page's first paint, on their own.
const SnapshotButton = lazy(() =>
  import('../../features/snapshot/snapshot-button').then((m) => ({ default: m.SnapshotButton })),
);

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
        shareUrl={window.location.href}
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
            }}
          />
        </Suspense>
      )}
      <DatasetLangSmithLink />
    </div>
  );
}
