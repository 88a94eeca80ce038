import { useQuery } from '@tanstack/react-query';
import { memo, Suspense, useEffect, useRef } from 'react';
import { datasetQuery } from '../api/datasets';
import { isApiError } from '../api/errors';
import { datasetSessionsQuery } from '../api/sessions';
import { Notices } from '../components/notices';
import { PanelBoundary, retryableLazy } from '../components/panel-boundary';
import { describeChoice } from '../features/pickers/choice-summary';
import { GroupByPicker } from '../features/pickers/group-by-picker';
import { PickersPanel } from '../features/pickers/pickers-panel';
import type { DataSource } from '../lib/data-source';
import { plural } from '../lib/plural';
import { Comparison } from './comparison/comparison';
import type { SetView } from './comparison/comparison-context';
import { usePickersFold } from './use-pickers-fold';
import { useShownComparison } from './use-shown-comparison';
import { useView } from './use-view';
import { DEFAULT_VIEW, isComplete, MAX_SESSIONS, type ViewState } from './view-params';

// The comboboxes (and downshift) load beside the first request, not before it: a link to a
// comparison shows them folded, and the matrix needs none of them.
const DatasetPicker = retryableLazy(() =>
  import('../features/pickers/dataset-picker').then((m) => m.DatasetPicker),
);
const ExperimentPicker = retryableLazy(() =>
  import('../features/pickers/experiment-picker').then((m) => m.ExperimentPicker),
);
const MetadataKeyPicker = retryableLazy(() =>
  import('../features/pickers/metadata-key-picker').then((m) => m.MetadataKeyPicker),
);
const retryPickers = () => {
  DatasetPicker.retry();
  ExperimentPicker.retry();
  MetadataKeyPicker.retry();
};

export function Dashboard({ source }: { source: DataSource }) {
  const { view, setView, notices, addNotice, dismissNotices } = useView();
  const dataset = useQuery({ ...datasetQuery(view.dataset ?? ''), enabled: view.dataset !== null });
  // An unknown dataset is said once, by the dataset picker ("Not found"): nothing is asked
  // of it, and nothing else is said about it.
  const datasetId =
    isApiError(dataset.error) && dataset.error.kind === 'not-found' ? null : view.dataset;
  useDropForeignSessions(view, dataset.isSuccess, setView, addNotice);

  const comparison = useShownComparison(view);
  const pickersRef = useRef<HTMLElement | null>(null);
  const [pickersOpen, setPickersOpen] = usePickersFold(view, comparison.shown, pickersRef);
  const complete = isComplete(view) && datasetId !== null;

  return (
    <>
      <Notices notices={notices} onDismiss={dismissNotices} />
      {source.source === 'demo' ? (
        <p className="demo-banner">
          Demo mode: the data is generated. To see your own experiments, start Versus with{' '}
          <code>LANGSMITH_ENDPOINT</code> and <code>LANGSMITH_API_KEY</code> set.
        </p>
      ) : null}
      <PickersPanel
        regionRef={pickersRef}
        summary={
          complete
            ? describeChoice({
                datasetName: dataset.data?.name ?? null,
                sessionCount: view.sessions.length,
                groupBy: view.groupBy,
                key: view.key,
              })
            : null
        }
        expanded={pickersOpen}
        onToggle={setPickersOpen}
      >
        <ChoicePickers
          dataset={view.dataset}
          datasetId={datasetId}
          sessions={view.sessions}
          groupBy={view.groupBy}
          metadataKey={view.key}
          setView={setView}
        />
      </PickersPanel>
      {complete ? (
        <Comparison view={view} setView={setView} addNotice={addNotice} />
      ) : (
        <p className="empty-state">
          {!datasetId
            ? 'Choose a dataset to start comparing its experiments.'
            : view.sessions.length === 0
              ? 'Choose the experiments to compare.'
              : 'Choose a metadata key to group the runs by (for example model).'}
        </p>
      )}
    </>
  );
}

/**
 * The dataset, experiments and grouping pickers. Memoised on the choice they show: a sort, a
 * filter or a new baseline (issue 20) does not draw them again.
 */
const ChoicePickers = memo(function ChoicePickers({
  dataset,
  datasetId,
  sessions,
  groupBy,
  metadataKey,
  setView,
}: {
  dataset: string | null;
  /** The dataset, once it is not known to be missing. */
  datasetId: string | null;
  sessions: string[];
  groupBy: ViewState['groupBy'];
  metadataKey: string;
  setView: SetView;
}) {
  return (
    <PanelBoundary name="the pickers" onRetry={retryPickers}>
      <Suspense fallback={null}>
        <DatasetPicker
          value={dataset}
          onChange={(next) =>
            setView({ ...DEFAULT_VIEW, dataset: next, groupBy, key: metadataKey })
          }
        />
        {datasetId ? (
          <ExperimentPicker
            datasetId={datasetId}
            selected={sessions}
            maxSelected={MAX_SESSIONS}
            onChange={(next) => setView({ sessions: next, page: 1 })}
          />
        ) : null}
        {datasetId ? (
          <div className="pickers__grouping">
            <GroupByPicker
              value={groupBy}
              onChange={(next) => setView({ groupBy: next, page: 1, example: null })}
            />
            <MetadataKeyPicker
              groupBy={groupBy}
              sessionIds={sessions}
              value={metadataKey}
              onChange={(key) => setView({ key, page: 1, example: null })}
            />
          </div>
        ) : null}
      </Suspense>
    </PanelBoundary>
  );
});

/**
 * Experiments in a link that do not belong to the dataset are dropped, with a notice. Asked
 * only once the dataset is known to exist: an unknown one has its own message.
 */
function useDropForeignSessions(
  view: ViewState,
  datasetFound: boolean,
  setView: SetView,
  addNotice: (notice: string) => void,
) {
  const sessions = useQuery({
    ...datasetSessionsQuery(view.dataset ?? ''),
    enabled: datasetFound && view.dataset !== null && view.sessions.length > 0,
  });
  useEffect(() => {
    if (!sessions.data || !datasetFound) return;
    const known = new Set(sessions.data.map((s) => s.id));
    const foreign = view.sessions.filter((id) => !known.has(id));
    if (foreign.length === 0) return;
    addNotice(
      `Ignored ${plural(foreign.length, 'experiment')} not found in this dataset: ${foreign.slice(0, 3).join(', ')}${foreign.length > 3 ? ', …' : ''}.`,
    );
    setView({ sessions: view.sessions.filter((id) => known.has(id)) }, 'replace');
  }, [sessions.data, datasetFound, view.sessions, setView, addNotice]);
}
