import { useQuery } from '@tanstack/react-query';
import { use, useMemo } from 'react';
import { datasetQuery } from '../../api/datasets';
import type { Run } from '../../api/grouped-runs/schemas';
import { datasetSessionsQuery } from '../../api/sessions';
import { LangSmithLink } from '../../components/langsmith-link';
import { RunningTag } from '../../features/live-refresh/live-status';
import type { MatrixLinks } from '../../features/matrix/matrix-links';
import { DataSourceContext } from '../../lib/data-source';
import { datasetLink, experimentLink, langSmithWeb, runLink } from '../../lib/langsmith-links';
import { useComparison } from './comparison-context';

/**
 * The view's links into LangSmith: the workspace comes from the experiments (or the
 * dataset), the web app from the server's config. One stable object per view, so that the
 * matrix's memoised cells do not re-render for it.
 */
export function useLangSmithLinks() {
  const { view, sessionNames, live } = useComparison();
  const running = live.running;
  const source = use(DataSourceContext);
  const sessions = useQuery(datasetSessionsQuery(view.dataset));
  const dataset = useQuery(datasetQuery(view.dataset));
  const tenantId =
    sessions.data?.find((s) => s.tenantId !== null)?.tenantId ?? dataset.data?.tenantId ?? null;
  const web = useMemo(() => langSmithWeb(source), [source]);
  const datasetId = view.dataset;

  return useMemo(() => {
    const run = (r: Run, sessionName: string) => (
      <LangSmithLink
        target={runLink(web, r, tenantId)}
        what={`trace of ${sessionName}'s run`}
        className="langsmith-link--run"
        showReason
      >
        Open in LangSmith
      </LangSmithLink>
    );
    const matrix: MatrixLinks = {
      run: (cell) => {
        const first = cell.runs[0];
        if (!first) return null;
        return (
          <LangSmithLink
            target={runLink(web, first, tenantId)}
            what={`trace of ${sessionNames[cell.sessionId] ?? cell.sessionId}'s run`}
            className="langsmith-link--cell"
            focusable={false}
          >
            <span aria-hidden="true">↗</span>
          </LangSmithLink>
        );
      },
      session: (sessionId) => (
        <>
          {running.includes(sessionId) ? <RunningTag /> : null}
          <LangSmithLink
            target={experimentLink(web, tenantId, datasetId, sessionId)}
            what={`experiment ${sessionNames[sessionId] ?? sessionId}`}
            className="langsmith-link--icon"
          >
            <span aria-hidden="true">↗</span>
          </LangSmithLink>
        </>
      ),
    };
    const datasetNode = (
      <LangSmithLink
        target={datasetLink(web, tenantId, datasetId)}
        what={`dataset ${dataset.data?.name ?? datasetId}`}
        className="langsmith-link--dataset"
        showReason
      >
        Open in LangSmith
      </LangSmithLink>
    );
    return { run, matrix, dataset: datasetNode };
  }, [web, running, tenantId, datasetId, sessionNames, dataset.data?.name]);
}

/** The dataset's page in LangSmith, beside the comparison's title. */
export function DatasetLangSmithLink() {
  return useLangSmithLinks().dataset;
}
