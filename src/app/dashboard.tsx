import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { datasetSessionsQuery } from '../api/sessions';
import { Notices } from '../components/notices';
import { DatasetPicker } from '../features/pickers/dataset-picker';
import { ExperimentPicker } from '../features/pickers/experiment-picker';
import { GroupByPicker } from '../features/pickers/group-by-picker';
import { MetadataKeyPicker } from '../features/pickers/metadata-key-picker';
import type { DataSource } from '../lib/data-source';
import { plural } from '../lib/plural';
import { Comparison } from './comparison/comparison';
import { useView } from './use-view';
import { DEFAULT_VIEW, isComplete, MAX_SESSIONS, type ViewState } from './view-params';

export function Dashboard({ source }: { source: DataSource }) {
  const { view, setView, notices, addNotice, dismissNotices } = useView();
  useDropForeignSessions(view, setView, addNotice);

  return (
    <>
      <Notices notices={notices} onDismiss={dismissNotices} />
      {source.source === 'demo' ? (
        <p className="demo-banner">
          Demo mode: the data is generated. To see your own experiments, start Versus with{' '}
          <code>LANGSMITH_ENDPOINT</code> and <code>LANGSMITH_API_KEY</code> set.
        </p>
      ) : null}
      <section className="pickers" aria-label="What to compare">
        <DatasetPicker
          value={view.dataset}
          onChange={(dataset) =>
            setView({ ...DEFAULT_VIEW, dataset, groupBy: view.groupBy, key: view.key })
          }
        />
        {view.dataset ? (
          <ExperimentPicker
            datasetId={view.dataset}
            selected={view.sessions}
            maxSelected={MAX_SESSIONS}
            onChange={(sessions) => setView({ sessions, page: 1 })}
          />
        ) : null}
        {view.dataset ? (
          <div className="pickers__grouping">
            <GroupByPicker
              value={view.groupBy}
              onChange={(groupBy) => setView({ groupBy, page: 1, example: null })}
            />
            <MetadataKeyPicker
              groupBy={view.groupBy}
              sessionIds={view.sessions}
              value={view.key}
              onChange={(key) => setView({ key, page: 1, example: null })}
            />
          </div>
        ) : null}
      </section>
      {isComplete(view) ? (
        <Comparison view={view} setView={setView} />
      ) : (
        <p className="empty-state">
          {!view.dataset
            ? 'Choose a dataset to start comparing its experiments.'
            : view.sessions.length === 0
              ? 'Choose the experiments to compare.'
              : 'Choose a metadata key to group the runs by (for example model).'}
        </p>
      )}
    </>
  );
}

/** Experiments in a link that do not belong to the dataset are dropped, with a notice. */
function useDropForeignSessions(
  view: ViewState,
  setView: (patch: Partial<ViewState>, mode?: 'push' | 'replace') => void,
  addNotice: (notice: string) => void,
) {
  const sessions = useQuery({
    ...datasetSessionsQuery(view.dataset ?? ''),
    enabled: view.dataset !== null && view.sessions.length > 0,
  });
  useEffect(() => {
    if (!sessions.data) return;
    const known = new Set(sessions.data.map((s) => s.id));
    const foreign = view.sessions.filter((id) => !known.has(id));
    if (foreign.length === 0) return;
    addNotice(
      `Ignored ${plural(foreign.length, 'experiment')} not found in this dataset: ${foreign.slice(0, 3).join(', ')}${foreign.length > 3 ? ', …' : ''}.`,
    );
    setView({ sessions: view.sessions.filter((id) => known.has(id)) }, 'replace');
  }, [sessions.data, view.sessions, setView, addNotice]);
}
