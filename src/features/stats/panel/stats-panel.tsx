import './stats.css';
import { useCallback, useId, useState, useSyncExternalStore } from 'react';
import { formatCount } from '../../../lib/format';
import type { AdjustMethod } from '../../../lib/statistics/adjust';
import type { AdjustedStats } from '../model/adjust-results';
import type { StatsInput } from '../model/types';
import type {
  JobState,
  PairedStatsState,
  ProgressStore,
  SliceStatsState,
} from '../worker/use-paired-stats';
import { CategoricalTable } from './categorical-table';
import { PairedTable } from './paired-table';
import { PowerCalculator, parseCareAbout } from './power-calculator';
import { SlicesView } from './slices-view';
import { StatsControls } from './stats-controls';
import { AdjustmentLine, ClusteringLine } from './stats-summary';

/** What the panel shows: all of it lives in the URL (see the app's view-params). */
export interface StatsSettings {
  open: boolean;
  /** Slices by group instead of the per-experiment table. */
  slices: boolean;
  key: string | null;
  cluster: string | null;
  adjust: AdjustMethod;
  sliceBy: string | null;
}

export interface StatsPanelProps {
  inputs: StatsInput[];
  /** Results for every key, already adjusted across the view (see adjustStats). */
  stats: PairedStatsState;
  adjustment: AdjustedStats | null;
  /** Slices of every key by `sliceKey`, while the slices view is open. */
  slices?: SliceStatsState;
  /** The slice key in effect (the chosen one, or the default). */
  sliceKey: string | null;
  /** Example-metadata keys of the loaded examples: what clusters and slices can use. */
  metadataKeys: string[];
  /** Sessions in display order, for their colours. */
  sessionOrder: string[];
  loadedExamples: number;
  totalExamples: number;
  onLoadAll?: () => void;
  settings: StatsSettings;
  onSettings: (patch: Partial<StatsSettings>) => void;
  /** Experiments still running (their runs are still arriving): said beside the verdicts. */
  stillRunning?: string[];
}

function Coverage({
  loaded,
  total,
  onLoadAll,
}: {
  loaded: number;
  total: number;
  onLoadAll?: () => void;
}) {
  if (loaded >= total) {
    return <p className="stats__coverage">Computed over all {formatCount(total)} examples.</p>;
  }
  return (
    <p className="stats__coverage">
      Computed over {formatCount(loaded)} of {formatCount(total)} examples; results may change once
      the rest are loaded.
      {onLoadAll ? (
        <>
          {' '}
          <button type="button" className="button button--tiny" onClick={onLoadAll}>
            Load all
          </button>
        </>
      ) : null}
    </p>
  );
}

const NO_STORE: ProgressStore = { get: () => 0, subscribe: () => () => {} };

function Progress({ state }: { state: JobState<unknown> }) {
  const store = state.live ?? NO_STORE;
  const live = useSyncExternalStore(store.subscribe, store.get);
  const pct = Math.round((state.live ? live : (state.progress ?? 0)) * 100);
  return (
    <>
      Computing… {pct}%{' '}
      <progress className="stats__progress" max={100} value={pct} aria-hidden="true" />
    </>
  );
}

function StatusLine({ state }: { state: JobState<unknown> }) {
  if (state.status === 'running') return <Progress state={state} />;
  if (state.status === 'error') return <>The statistics could not be computed: {state.error}</>;
  return null;
}

const METHOD_TEXT =
  'Paired over examples both sides ran (repetitions averaged per example first). 95% interval of the mean difference: a t interval below 30 independent units (examples, or clusters when clustered), a bootstrap of 2,000 resamples (whole clusters at a time) from 30 to 2,000, and the t (CLT) interval on the standard error beyond; clustered standard errors are the CR1 sandwich. Tests: exact McNemar for pass/fail keys; for scores and metrics a paired permutation test of the mean (signs flipped exactly up to 20 pairs, 10,000 seeded random flips beyond); with clusters, whole clusters flip together. “Better” and “worse” need the interval to exclude 0 and the adjusted p below 0.05. The smallest detectable difference is 2.8 standard errors (80% power, two-sided α 0.05).';

export function StatsPanel(props: StatsPanelProps) {
  const { inputs, settings, onSettings, stats } = props;
  const headingId = useId();
  const bodyId = useId();
  const [careAbout, setCareAbout] = useState<Record<string, string>>({});
  const selected = inputs.find((i) => i.key === settings.key) ?? inputs[0] ?? null;
  const keyStats = stats.results?.find((r) => r.key === selected?.key) ?? null;
  const sliceStats = props.slices?.results?.find((s) => s.key === selected?.key) ?? null;
  const colorIndex = useCallback(
    (sessionId: string) => Math.max(0, props.sessionOrder.indexOf(sessionId)),
    [props.sessionOrder],
  );
  const careText = selected ? (careAbout[selected.key] ?? '') : '';
  // Results of the previous settings stay visible, dimmed, while new ones are computed.
  const shown = settings.slices && props.slices ? props.slices : stats;
  const stale = shown.status === 'running' && shown.results !== null;
  const care = parseCareAbout(careText, keyStats?.kind === 'binary');

  return (
    <section aria-labelledby={headingId} className="stats">
      <h2 id={headingId} className="stats__heading">
        <button
          type="button"
          className="stats__toggle"
          aria-expanded={settings.open}
          aria-controls={bodyId}
          onClick={() => onSettings({ open: !settings.open })}
        >
          <span aria-hidden="true">{settings.open ? '▾' : '▸'} </span>
          Is the difference real?
        </button>
      </h2>
      <div
        id={bodyId}
        hidden={!settings.open}
        className={stale ? 'stats__body stats__body--stale' : 'stats__body'}
        aria-busy={stale}
      >
        {settings.open ? (
          <>
            <Coverage
              loaded={props.loadedExamples}
              total={props.totalExamples}
              onLoadAll={props.onLoadAll}
            />
            {props.stillRunning?.length ? (
              <p className="stats__coverage stats__running">
                The data is still coming in: {props.stillRunning.join(', ')}{' '}
                {props.stillRunning.length === 1 ? 'is' : 'are'} still running, so these verdicts
                may change.
              </p>
            ) : null}
            {inputs.length === 0 || !selected ? (
              <p className="stats__empty">No feedback keys or metrics to compare yet.</p>
            ) : (
              <>
                <StatsControls
                  inputs={inputs}
                  selectedKey={selected.key}
                  onSelectKey={(key) => onSettings({ key })}
                  cluster={settings.cluster}
                  onCluster={(cluster) => onSettings({ cluster })}
                  metadataKeys={props.metadataKeys}
                  adjust={settings.adjust}
                  onAdjust={(adjust) => onSettings({ adjust })}
                  slices={settings.slices}
                  onSlices={(slices) => onSettings({ slices })}
                />
                <p role="status" aria-live="polite" className="stats__status">
                  <StatusLine state={settings.slices && props.slices ? props.slices : stats} />
                </p>
                <ClusteringLine
                  cluster={settings.cluster}
                  metadataKeys={props.metadataKeys}
                  stats={keyStats}
                />
                <AdjustmentLine adjustment={props.adjustment} />
                {settings.slices ? (
                  keyStats?.kind === 'categorical' ? (
                    <p className="stats__empty">
                      “{selected.key}” has categories, not scores: there is no difference to slice.
                      Choose a scored key.
                    </p>
                  ) : (
                    <SlicesView
                      slices={sliceStats}
                      sliceKey={props.sliceKey}
                      metadataKeys={props.metadataKeys}
                      onSliceKey={(sliceBy) => onSettings({ sliceBy })}
                      colorIndex={colorIndex}
                    />
                  )
                ) : null}
                {!settings.slices && keyStats?.kind === 'categorical' ? (
                  <CategoricalTable stats={keyStats} />
                ) : null}
                {!settings.slices && keyStats && keyStats.kind !== 'categorical' ? (
                  keyStats.comparisons.length > 0 ? (
                    <>
                      <PairedTable
                        stats={keyStats}
                        adjustment={props.adjustment}
                        careAbout={care}
                      />
                      <PowerCalculator
                        stats={keyStats}
                        value={careText}
                        onChange={(text) => setCareAbout((c) => ({ ...c, [selected.key]: text }))}
                      />
                    </>
                  ) : (
                    <p className="stats__empty">
                      Select at least one session besides the baseline.
                    </p>
                  )
                ) : null}
                <p className="stats__method">{METHOD_TEXT}</p>
              </>
            )}
          </>
        ) : null}
      </div>
    </section>
  );
}
