import type { ReactNode } from 'react';
import type { MatrixColumn } from '../model/types';
import { cellKeys } from './matrix-layout';

export type KeyCounts = Record<string, { improved: number; regressed: number; unchanged: number }>;
export type HeaderCounts = Record<string, KeyCounts>;
export type ChangeFilter = 'regressions' | 'improvements';

/** The "only" filter in effect, as a header's count buttons compare with it. */
export interface ActiveChanges {
  only: ChangeFilter | null;
  sessionId: string | null;
  key: string | null;
}

/**
 * A session column's header: colour, the part of the name that tells it apart (the full name
 * on hover and whenever focus is in the header), baseline and moves, and per key ▲ improved /
 * ▼ regressed counts, each a button that shows just those examples.
 */
export function ColumnHeader({
  column,
  label,
  colIndex,
  color,
  isBaseline,
  counts,
  keys,
  active,
  onSetBaseline,
  onMove,
  onShowChanges,
  canMove,
  resizeHandle,
  marker,
  link,
}: {
  column: MatrixColumn;
  /** The name as it fits the column (distinct-names.ts). */
  label: string;
  colIndex: number;
  color: string;
  isBaseline: boolean;
  counts: KeyCounts | undefined;
  keys: string[];
  active: ActiveChanges;
  onSetBaseline: (sessionId: string) => void;
  onMove: (sessionId: string, delta: -1 | 1) => void;
  onShowChanges: (sessionId: string, key: string, only: ChangeFilter) => void;
  canMove: { left: boolean; right: boolean };
  resizeHandle: ReactNode;
  marker?: ReactNode;
  /** The experiment's page elsewhere (LangSmith). */
  link?: ReactNode;
}) {
  const name = column.sessionName;
  return (
    <th
      scope="col"
      aria-colindex={colIndex}
      className={`matrix__column-header${isBaseline ? ' is-baseline' : ''}`}
      data-session-id={column.sessionId}
      style={{ ['--session-color' as string]: color, gridColumn: colIndex }}
    >
      <div className="matrix__column-title">
        <span className="swatch" aria-hidden="true" />
        <span className="matrix__column-name" aria-hidden="true">
          {label}
        </span>
        <span className="visually-hidden">{name}</span>
        {/* Shown on hover and while the keyboard is in the header (table.css). */}
        <span role="tooltip" className="matrix__column-tooltip">
          {name}
        </span>
      </div>
      <div className="matrix__column-actions">
        {isBaseline ? (
          <span className="tag tag--baseline">Baseline</span>
        ) : (
          <button
            type="button"
            className="button button--tiny"
            onClick={() => onSetBaseline(column.sessionId)}
            aria-label={`Use ${name} as baseline`}
          >
            Set as baseline
          </button>
        )}
        <button
          type="button"
          className="icon-button icon-button--small"
          aria-label={`Move ${name} left`}
          disabled={!canMove.left}
          onClick={() => onMove(column.sessionId, -1)}
        >
          ←
        </button>
        <button
          type="button"
          className="icon-button icon-button--small"
          aria-label={`Move ${name} right`}
          disabled={!canMove.right}
          onClick={() => onMove(column.sessionId, 1)}
        >
          →
        </button>
        {link}
      </div>
      {marker}
      {!isBaseline && counts ? (
        <ul className="matrix__counts" aria-label={`Changes of ${name} vs baseline`}>
          {cellKeys(keys).shown.map((key) => {
            const c = counts[key];
            if (!c) return null;
            const pressed = (only: ChangeFilter) =>
              active.only === only && active.sessionId === column.sessionId && active.key === key;
            return (
              <li
                key={key}
                title={`${key}: ${c.improved} improved, ${c.regressed} regressed, ${c.unchanged} unchanged`}
              >
                <span className="matrix__counts-key">{key}</span>{' '}
                <span className="matrix__counts-values">
                  <CountButton
                    count={c.improved}
                    kind="improvements"
                    of={`${name} on ${key}`}
                    pressed={pressed('improvements')}
                    onClick={() => onShowChanges(column.sessionId, key, 'improvements')}
                  />{' '}
                  <CountButton
                    count={c.regressed}
                    kind="regressions"
                    of={`${name} on ${key}`}
                    pressed={pressed('regressions')}
                    onClick={() => onShowChanges(column.sessionId, key, 'regressions')}
                  />{' '}
                  <span className="delta delta--unchanged" aria-hidden="true">
                    ={c.unchanged}
                  </span>
                  <span className="visually-hidden">{c.unchanged} unchanged</span>
                </span>
              </li>
            );
          })}
        </ul>
      ) : null}
      {resizeHandle}
    </th>
  );
}

const COUNTED = {
  improvements: { one: 'improvement', symbol: '▲', className: 'delta delta--improved' },
  regressions: { one: 'regression', symbol: '▼', className: 'delta delta--regressed' },
} as const;

/** "▼12": pressed, it narrows the matrix to those examples; pressed again, it shows all. */
function CountButton({
  count,
  kind,
  of,
  pressed,
  onClick,
}: {
  count: number;
  kind: ChangeFilter;
  /** Whose changes, on which key: "gpt-4o-v2 on correctness". */
  of: string;
  pressed: boolean;
  onClick: () => void;
}) {
  const { one, symbol, className } = COUNTED[kind];
  if (count === 0 && !pressed) {
    return (
      <span className={className} title={`No ${kind} of ${of}`}>
        <span aria-hidden="true">{symbol}0</span>
        <span className="visually-hidden">no {kind}</span>
      </span>
    );
  }
  const label = `Show the ${count} ${count === 1 ? one : kind} of ${of}`;
  return (
    <button
      type="button"
      className={`count-button ${className}`}
      aria-label={label}
      aria-pressed={pressed}
      title={pressed ? 'Showing these examples; press again to show all' : label}
      onClick={onClick}
    >
      {symbol}
      {count}
    </button>
  );
}
