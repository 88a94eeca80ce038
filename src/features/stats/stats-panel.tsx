import './stats.css';
import { useId, useMemo } from 'react';
import { formatCount } from '../../lib/format';
import { CategoricalTable } from './categorical-table';
import type { StatsInput } from './paired-stats';
import { PairedTable } from './paired-table';
import { type PairedStatsState, usePairedStats } from './use-paired-stats';

export interface StatsPanelProps {
  inputs: StatsInput[];
  loadedExamples: number;
  totalExamples: number;
  onLoadAll?: () => void;
  open: boolean;
  onToggle: (open: boolean) => void;
  selectedKey: string | null;
  onSelectKey: (key: string) => void;
  /**
   * Results the app already computed (e.g. for column markers) with usePairedStats over the
   * same inputs. Without it the panel computes the selected key itself, only while open.
   */
  stats?: PairedStatsState;
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

function StatusLine({ state }: { state: PairedStatsState }) {
  if (state.status === 'running') {
    const pct = Math.round((state.progress ?? 0) * 100);
    return <>Computing… {pct}%</>;
  }
  if (state.status === 'error') return <>The statistics could not be computed: {state.error}</>;
  return null;
}

export function StatsPanel(props: StatsPanelProps) {
  const { inputs, open, onToggle, selectedKey, onSelectKey } = props;
  const headingId = useId();
  const bodyId = useId();
  const selectId = useId();
  const selected = inputs.find((i) => i.key === selectedKey) ?? inputs[0] ?? null;
  const ownInputs = useMemo(
    () => (open && !props.stats && selected ? [selected] : null),
    [open, props.stats, selected],
  );
  const ownState = usePairedStats(ownInputs);
  const state = props.stats ?? ownState;
  const stats = state.results?.find((r) => r.key === selected?.key) ?? null;

  return (
    <section aria-labelledby={headingId} className="stats">
      <h2 id={headingId} className="stats__heading">
        <button
          type="button"
          className="stats__toggle"
          aria-expanded={open}
          aria-controls={bodyId}
          onClick={() => onToggle(!open)}
        >
          <span aria-hidden="true">{open ? '▾' : '▸'} </span>
          Is the difference real?
        </button>
      </h2>
      <div id={bodyId} hidden={!open} className="stats__body">
        {open ? (
          <>
            <Coverage
              loaded={props.loadedExamples}
              total={props.totalExamples}
              onLoadAll={props.onLoadAll}
            />
            {inputs.length === 0 || !selected ? (
              <p className="stats__empty">No feedback keys or metrics to compare yet.</p>
            ) : (
              <>
                <div className="field stats__chooser">
                  <label htmlFor={selectId}>Statistic for key</label>
                  <select
                    id={selectId}
                    className="input"
                    value={selected.key}
                    onChange={(e) => onSelectKey(e.target.value)}
                  >
                    {inputs.map((i) => (
                      <option key={i.key} value={i.key}>
                        {i.key}
                      </option>
                    ))}
                  </select>
                </div>
                <p role="status" aria-live="polite" className="stats__status">
                  <StatusLine state={state} />
                </p>
                {stats && stats.kind === 'categorical' ? <CategoricalTable stats={stats} /> : null}
                {stats && stats.kind !== 'categorical' ? (
                  stats.comparisons.length > 0 ? (
                    <PairedTable stats={stats} />
                  ) : (
                    <p className="stats__empty">
                      Select at least one session besides the baseline.
                    </p>
                  )
                ) : null}
                <p className="stats__method">
                  Paired over examples both sides ran. 95% interval: bootstrap of the mean
                  difference (2,000 resamples, fixed seed). p-value: exact two-sided sign test (ties
                  dropped), or exact McNemar for pass/fail keys. A verdict needs the interval to
                  exclude 0 and p {'<'} 0.05 in the same direction.
                </p>
              </>
            )}
          </>
        ) : null}
      </div>
    </section>
  );
}
