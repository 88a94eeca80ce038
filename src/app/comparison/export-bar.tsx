import { ExportMenu } from '../../features/export/export-menu';
import { useComparison } from './comparison-context';
import { DatasetLangSmithLink } from './langsmith-links';

/** Share and export the view: the link, and CSV or JSON of what the matrix shows. */
export function ExportBar() {
  const { view, insights } = useComparison();
  return (
    <div className="insights-bar">
      <ExportMenu
        buildCsv={insights.buildCsv}
        buildJson={insights.buildJson}
        fileBase={`versus-${view.key}`}
        shareUrl={window.location.href}
      />
      <DatasetLangSmithLink />
    </div>
  );
}
