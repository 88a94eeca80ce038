import './pickers.css';
import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { useExplainError } from '../../api/explain-error';
import { datasetSessionsQuery, type Session } from '../../api/sessions';
import { ErrorMessage } from '../../components/error-message';
import { plural } from '../../lib/plural';
import { formatTimestamp } from '../../lib/timestamps';
import { filterSessions, headlineFeedback, moveInOrder } from './experiment-options';

/**
 * Experiments of a dataset as native checkboxes (accessible without a custom widget), plus
 * the chosen ones in display order with move and remove buttons.
 */
export function ExperimentPicker({
  datasetId,
  selected,
  maxSelected,
  onChange,
}: {
  datasetId: string;
  selected: string[];
  maxSelected: number;
  onChange: (sessionIds: string[]) => void;
}) {
  const sessions = useQuery(datasetSessionsQuery(datasetId));
  const explain = useExplainError();
  const [filter, setFilter] = useState('');
  const filterId = useId();
  const byId = useMemo(
    () => new Map((sessions.data ?? []).map((s) => [s.id, s] as const)),
    [sessions.data],
  );
  const visible = useMemo(
    () => filterSessions(sessions.data ?? [], filter),
    [sessions.data, filter],
  );
  const full = selected.length >= maxSelected;

  const toggle = (id: string, checked: boolean) =>
    onChange(checked ? [...selected, id] : selected.filter((s) => s !== id));

  return (
    <fieldset className="picker picker--experiments">
      <legend className="picker__label">Experiments</legend>
      {sessions.isPending ? <p className="picker__hint">Loading experiments…</p> : null}
      {sessions.isError ? (
        <ErrorMessage
          {...explain(sessions.error, 'the experiments of this dataset')}
          onRetry={() => sessions.refetch()}
        />
      ) : null}
      {sessions.isSuccess && sessions.data.length === 0 ? (
        <p className="empty-state">
          This dataset has no experiments yet. Run one with the LangSmith SDK's{' '}
          <code>evaluate()</code>, then reload.
        </p>
      ) : null}
      {sessions.isSuccess && sessions.data.length > 0 ? (
        <>
          <div className="experiment-tools">
            <label htmlFor={filterId} className="visually-hidden">
              Filter experiments
            </label>
            <input
              id={filterId}
              type="search"
              className="input"
              placeholder="Filter experiments"
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
            />
            <button
              type="button"
              className="button button--quiet"
              onClick={() =>
                onChange(
                  [
                    ...selected,
                    ...visible.map((s) => s.id).filter((id) => !selected.includes(id)),
                  ].slice(0, maxSelected),
                )
              }
            >
              Select all shown
            </button>
            <button
              type="button"
              className="button button--quiet"
              disabled={selected.length === 0}
              onClick={() => onChange([])}
            >
              Clear
            </button>
          </div>
          <ul className="experiment-list">
            {visible.map((session) => (
              <ExperimentOption
                key={session.id}
                session={session}
                checked={selected.includes(session.id)}
                disabled={full && !selected.includes(session.id)}
                onToggle={toggle}
              />
            ))}
          </ul>
          {full ? (
            <p className="picker__hint">
              At most {maxSelected} experiments can be compared at once.
            </p>
          ) : null}
        </>
      ) : null}
      {selected.length > 0 ? (
        <SelectedOrder selected={selected} byId={byId} onChange={onChange} />
      ) : null}
    </fieldset>
  );
}

function ExperimentOption({
  session,
  checked,
  disabled,
  onToggle,
}: {
  session: Session;
  checked: boolean;
  disabled: boolean;
  onToggle: (id: string, checked: boolean) => void;
}) {
  const detailId = useId();
  const headline = headlineFeedback(session);
  return (
    <li className="experiment-option">
      <input
        type="checkbox"
        id={`${detailId}-box`}
        checked={checked}
        disabled={disabled}
        aria-describedby={detailId}
        onChange={(e) => onToggle(session.id, e.target.checked)}
      />
      <label htmlFor={`${detailId}-box`} className="experiment-option__name">
        {session.name}
      </label>
      <span id={detailId} className="experiment-option__meta">
        {formatTimestamp(session.startTime)} · {plural(session.runCount, 'run')}
        {headline ? ` · ${headline}` : ''}
      </span>
    </li>
  );
}

function SelectedOrder({
  selected,
  byId,
  onChange,
}: {
  selected: string[];
  byId: Map<string, Session>;
  onChange: (ids: string[]) => void;
}) {
  return (
    <div className="selected-order">
      <h3 className="selected-order__title">Display order</h3>
      <ol aria-label="Selected experiments in display order">
        {selected.map((id, index) => {
          const name = byId.get(id)?.name ?? id;
          return (
            <li key={id} className="selected-order__item">
              <span className="selected-order__name">
                {name}
                {index === 0 ? <span className="tag"> first</span> : null}
              </span>
              <button
                type="button"
                className="icon-button"
                aria-label={`Move ${name} up`}
                disabled={index === 0}
                onClick={() => onChange(moveInOrder(selected, id, -1))}
              >
                ↑
              </button>
              <button
                type="button"
                className="icon-button"
                aria-label={`Move ${name} down`}
                disabled={index === selected.length - 1}
                onClick={() => onChange(moveInOrder(selected, id, 1))}
              >
                ↓
              </button>
              <button
                type="button"
                className="icon-button"
                aria-label={`Remove ${name}`}
                onClick={() => onChange(selected.filter((s) => s !== id))}
              >
                ×
              </button>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
