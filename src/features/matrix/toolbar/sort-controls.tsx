import { useId } from 'react';
import type { FeedbackKeyInfo, SortSpec } from '../model/types';

export type SortKind = 'none' | SortSpec['by'];

export interface SortChoices {
  sessions: { id: string; name: string }[];
  keys: string[];
  baseline: string;
}

/**
 * The sort a kind change leads to: it keeps the experiment and key already chosen when they
 * still apply, else takes the first that does (a change is never against the baseline).
 */
export function sortForKind(
  kind: SortKind,
  current: SortSpec | null,
  choices: SortChoices,
): SortSpec | null {
  const dir = current?.dir ?? 'asc';
  if (kind === 'none') return null;
  if (kind === 'example') return { by: 'example', dir };
  const candidates =
    kind === 'delta' ? choices.sessions.filter((s) => s.id !== choices.baseline) : choices.sessions;
  const currentSession = current && current.by !== 'example' ? current.sessionId : null;
  const sessionId = candidates.some((s) => s.id === currentSession)
    ? (currentSession as string)
    : candidates[0]?.id;
  if (!sessionId) return null;
  if (kind === 'latency' || kind === 'cost') return { by: kind, sessionId, dir };
  const currentKey =
    current && (current.by === 'score' || current.by === 'delta') ? current.key : null;
  const key = currentKey && choices.keys.includes(currentKey) ? currentKey : choices.keys[0];
  return key ? { by: kind, sessionId, key, dir } : null;
}

const KIND_LABELS: [SortKind, string][] = [
  ['none', 'Server order'],
  ['example', 'Example name'],
  ['score', 'Score'],
  ['delta', 'Change vs baseline'],
  ['latency', 'Latency'],
  ['cost', 'Cost'],
];

/**
 * Three small selects (what, whose, which key) rather than one listing every combination:
 * 20 experiments x 100 keys would make a select of 4,000 options, slow to lay out and to use.
 */
export function SortControls({
  sort,
  onChange,
  sessions,
  feedbackKeys,
  baseline,
}: {
  sort: SortSpec | null;
  onChange: (sort: SortSpec | null) => void;
  sessions: { id: string; name: string }[];
  feedbackKeys: FeedbackKeyInfo[];
  baseline: string;
}) {
  const ids = { kind: useId(), session: useId(), key: useId() };
  const keys = feedbackKeys
    .filter((k) => k.kind !== 'comment' && k.kind !== 'empty')
    .map((k) => k.key);
  const choices = { sessions, keys, baseline };
  const kind: SortKind = sort?.by ?? 'none';
  const sessionOptions = kind === 'delta' ? sessions.filter((s) => s.id !== baseline) : sessions;
  return (
    <>
      <div className="field">
        <label htmlFor={ids.kind}>Sort by</label>
        <div className="field__row">
          <select
            id={ids.kind}
            className="input"
            value={kind}
            onChange={(e) => onChange(sortForKind(e.target.value as SortKind, sort, choices))}
          >
            {KIND_LABELS.map(([value, label]) => (
              <option
                key={value}
                value={value}
                disabled={(value === 'score' || value === 'delta') && keys.length === 0}
              >
                {label}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button"
            disabled={!sort}
            aria-label={
              sort?.dir === 'desc'
                ? 'Sorted descending; sort ascending'
                : 'Sorted ascending; sort descending'
            }
            onClick={() => sort && onChange({ ...sort, dir: sort.dir === 'asc' ? 'desc' : 'asc' })}
          >
            {sort?.dir === 'desc' ? '↓ Desc' : '↑ Asc'}
          </button>
        </div>
      </div>
      {sort && sort.by !== 'example' ? (
        <div className="field">
          <label htmlFor={ids.session}>Sort experiment</label>
          <select
            id={ids.session}
            className="input"
            value={sort.sessionId}
            onChange={(e) => onChange({ ...sort, sessionId: e.target.value })}
          >
            {sessionOptions.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {sort && (sort.by === 'score' || sort.by === 'delta') ? (
        <div className="field">
          <label htmlFor={ids.key}>Sort key</label>
          <select
            id={ids.key}
            className="input"
            value={sort.key}
            onChange={(e) => onChange({ ...sort, key: e.target.value })}
          >
            {keys.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </div>
      ) : null}
    </>
  );
}
