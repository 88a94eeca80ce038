import './toolbar.css';
import { useEffect, useId, useState } from 'react';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useMatrix } from '../matrix-context';
import type { FilterSpec } from '../model/types';
import { RangePanel } from './range-panel';
import { ShowHidePanel } from './show-hide-panel';
import { SortControls } from './sort-controls';

/** Search, "only" filters, sort, baseline, and what to show. Every control writes the URL. */
export function MatrixToolbar() {
  const { settings, actions, sessions, baseline, model } = useMatrix();
  const onChange = actions.change;
  const { feedbackKeys, columns } = model.matrix;
  const ids = {
    search: useId(),
    only: useId(),
    onlyKey: useId(),
    onlySession: useId(),
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
          onChange={(e) => {
            const only = (e.target.value || null) as FilterSpec['only'];
            const changes = only === 'regressions' || only === 'improvements';
            setFilter({
              only,
              onlyKey: changes ? filter.onlyKey : null,
              onlySession: changes ? filter.onlySession : null,
            });
          }}
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
      {filter.only === 'regressions' || filter.only === 'improvements' ? (
        <div className="field">
          <label htmlFor={ids.onlySession}>Of experiment</label>
          <select
            id={ids.onlySession}
            className="input"
            value={filter.onlySession ?? ''}
            onChange={(e) => setFilter({ onlySession: e.target.value || null })}
          >
            <option value="">Any experiment</option>
            {sessionsWithColumns
              .filter((s) => s.id !== baseline || s.id === filter.onlySession)
              .map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
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
          onChange={(e) => actions.setBaseline(e.target.value)}
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
            onChange({
              sort: null,
              filter: { text: '', only: null, onlyKey: null, onlySession: null, ranges: [] },
            })
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
