import { useEffect, useId, useState } from 'react';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import type { FeedbackKeyInfo, FilterSpec, MatrixColumn, SortSpec } from '../model/types';
import { SortControls } from './sort-controls';

export interface MatrixSettings {
  sort: SortSpec | null;
  filter: FilterSpec;
  hidden: string[];
  hiddenKeys: string[];
  metrics: boolean;
  flipped: string[];
}

export interface SessionInfo {
  id: string;
  name: string;
}

/** Search, "only" filters, sort, baseline, and what to show. Every control writes the URL. */
export function MatrixToolbar({
  settings,
  onChange,
  sessions,
  baseline,
  onSetBaseline,
  feedbackKeys,
  columns,
}: {
  settings: MatrixSettings;
  onChange: (patch: Partial<MatrixSettings>, mode?: 'push' | 'replace') => void;
  sessions: SessionInfo[];
  baseline: string;
  onSetBaseline: (id: string) => void;
  feedbackKeys: FeedbackKeyInfo[];
  columns: MatrixColumn[];
}) {
  const ids = {
    search: useId(),
    only: useId(),
    onlyKey: useId(),
    baseline: useId(),
  };
  const [text, setText] = useState(settings.filter.text);
  const debounced = useDebouncedValue(text, 200);
  // The URL may change under us (back/forward): follow it.
  useEffect(() => setText(settings.filter.text), [settings.filter.text]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the debounced text drives this
  useEffect(() => {
    if (debounced !== settings.filter.text) {
      onChange({ filter: { ...settings.filter, text: debounced } }, 'replace');
    }
  }, [debounced]);

  const filter = settings.filter;
  const setFilter = (patch: Partial<FilterSpec>) => onChange({ filter: { ...filter, ...patch } });
  const sessionName = (id: string) => sessions.find((s) => s.id === id)?.name ?? id;
  const sessionsWithColumns = sessions.filter((s) => columns.some((c) => c.sessionId === s.id));
  const scoreKeys = feedbackKeys.filter((k) => k.kind !== 'comment' && k.kind !== 'empty');

  const active =
    filter.text !== '' ||
    filter.only !== null ||
    filter.ranges.length > 0 ||
    settings.sort !== null;

  return (
    <div className="matrix-toolbar" role="toolbar" aria-label="Matrix controls">
      <div className="field field--search">
        <label htmlFor={ids.search}>Search examples</label>
        <input
          id={ids.search}
          type="search"
          className="input"
          placeholder="Inputs, outputs, errors, comments"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.only}>Show</label>
        <select
          id={ids.only}
          className="input"
          value={filter.only ?? ''}
          onChange={(e) =>
            setFilter({
              only: (e.target.value || null) as FilterSpec['only'],
              onlyKey: e.target.value === 'errors' ? null : filter.onlyKey,
            })
          }
        >
          <option value="">All examples</option>
          <option value="regressions">Regressions only</option>
          <option value="improvements">Improvements only</option>
          <option value="errors">Errors only</option>
        </select>
      </div>
      {filter.only === 'regressions' || filter.only === 'improvements' ? (
        <div className="field">
          <label htmlFor={ids.onlyKey}>On key</label>
          <select
            id={ids.onlyKey}
            className="input"
            value={filter.onlyKey ?? ''}
            onChange={(e) => setFilter({ onlyKey: e.target.value || null })}
          >
            <option value="">Any key</option>
            {scoreKeys.map((k) => (
              <option key={k.key} value={k.key}>
                {k.key}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <SortControls
        sort={settings.sort}
        onChange={(sort) => onChange({ sort })}
        sessions={sessionsWithColumns}
        feedbackKeys={feedbackKeys}
        baseline={baseline}
      />
      <div className="field">
        <label htmlFor={ids.baseline}>Baseline</label>
        <select
          id={ids.baseline}
          className="input"
          value={baseline}
          onChange={(e) => onSetBaseline(e.target.value)}
        >
          {sessions.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      <ShowHidePanel
        settings={settings}
        onChange={onChange}
        sessions={sessions}
        feedbackKeys={feedbackKeys}
      />
      <RangePanel filter={filter} setFilter={setFilter} keys={scoreKeys} />
      {active ? (
        <button
          type="button"
          className="button button--quiet"
          onClick={() =>
            onChange({ sort: null, filter: { text: '', only: null, onlyKey: null, ranges: [] } })
          }
        >
          Clear sort and filters
        </button>
      ) : null}
      <span className="visually-hidden" aria-live="polite">
        {sessionName(baseline)} is the baseline.
      </span>
    </div>
  );
}

function toggle(list: string[], value: string, on: boolean): string[] {
  return on ? [...new Set([...list, value])] : list.filter((v) => v !== value);
}

function ShowHidePanel({
  settings,
  onChange,
  sessions,
  feedbackKeys,
}: {
  settings: MatrixSettings;
  onChange: (patch: Partial<MatrixSettings>) => void;
  sessions: SessionInfo[];
  feedbackKeys: FeedbackKeyInfo[];
}) {
  return (
    <details className="disclosure">
      <summary className="button">Columns and keys</summary>
      <div className="disclosure__panel">
        <fieldset>
          <legend>Experiments</legend>
          {sessions.map((s) => (
            <label key={s.id} className="check">
              <input
                type="checkbox"
                checked={!settings.hidden.includes(s.id)}
                onChange={(e) =>
                  onChange({ hidden: toggle(settings.hidden, s.id, !e.target.checked) })
                }
              />
              {s.name}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Feedback keys</legend>
          {feedbackKeys.length === 0 ? (
            <p className="picker__hint">No feedback in this view.</p>
          ) : null}
          {feedbackKeys.map((k) => (
            <div key={k.key} className="check-pair">
              <label className="check">
                <input
                  type="checkbox"
                  checked={!settings.hiddenKeys.includes(k.key)}
                  onChange={(e) =>
                    onChange({ hiddenKeys: toggle(settings.hiddenKeys, k.key, !e.target.checked) })
                  }
                />
                {k.key}
              </label>
              <label className="check check--minor">
                <input
                  type="checkbox"
                  checked={settings.flipped.includes(k.key)}
                  onChange={(e) =>
                    onChange({ flipped: toggle(settings.flipped, k.key, e.target.checked) })
                  }
                />
                lower is better
              </label>
            </div>
          ))}
        </fieldset>
        <label className="check">
          <input
            type="checkbox"
            checked={settings.metrics}
            onChange={(e) => onChange({ metrics: e.target.checked })}
          />
          Latency, tokens and cost line
        </label>
      </div>
    </details>
  );
}

function RangePanel({
  filter,
  setFilter,
  keys,
}: {
  filter: FilterSpec;
  setFilter: (patch: Partial<FilterSpec>) => void;
  keys: FeedbackKeyInfo[];
}) {
  const numeric = keys.filter((k) => k.kind === 'numeric');
  if (numeric.length === 0) return null;
  const rangeOf = (key: string) => filter.ranges.find((r) => r.key === key);
  const setBound = (key: string, bound: 'min' | 'max', raw: string) => {
    const value = raw.trim() === '' ? null : Number(raw);
    if (value !== null && !Number.isFinite(value)) return;
    const current = rangeOf(key) ?? { key, min: null, max: null };
    const next = { ...current, [bound]: value };
    const others = filter.ranges.filter((r) => r.key !== key);
    setFilter({ ranges: next.min === null && next.max === null ? others : [...others, next] });
  };
  return (
    <details className="disclosure">
      <summary className="button">
        Score ranges{filter.ranges.length ? ` (${filter.ranges.length})` : ''}
      </summary>
      <div className="disclosure__panel">
        {numeric.map((k) => (
          <fieldset key={k.key} className="range">
            <legend>{k.key}</legend>
            <label>
              min{' '}
              <input
                type="number"
                step="any"
                className="input input--narrow"
                defaultValue={rangeOf(k.key)?.min ?? ''}
                onBlur={(e) => setBound(k.key, 'min', e.target.value)}
              />
            </label>
            <label>
              max{' '}
              <input
                type="number"
                step="any"
                className="input input--narrow"
                defaultValue={rangeOf(k.key)?.max ?? ''}
                onBlur={(e) => setBound(k.key, 'max', e.target.value)}
              />
            </label>
          </fieldset>
        ))}
      </div>
    </details>
  );
}
