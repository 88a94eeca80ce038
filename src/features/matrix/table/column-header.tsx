import type { ReactNode } from 'react';
import type { MatrixColumn } from '../model/types';
import { cellKeys } from './matrix-layout';

export type KeyCounts = Record<string, { improved: number; regressed: number; unchanged: number }>;
export type HeaderCounts = Record<string, KeyCounts>;

/** A session column's header: colour, name, baseline, and per key ▲ improved / ▼ regressed. */
export function ColumnHeader({
  column,
  colIndex,
  color,
  isBaseline,
  counts,
  keys,
  onSetBaseline,
  onMove,
  canMove,
  resizeHandle,
  marker,
}: {
  column: MatrixColumn;
  colIndex: number;
  color: string;
  isBaseline: boolean;
  counts: KeyCounts | undefined;
  keys: string[];
  onSetBaseline: (sessionId: string) => void;
  onMove: (sessionId: string, delta: -1 | 1) => void;
  canMove: { left: boolean; right: boolean };
  resizeHandle: ReactNode;
  marker?: ReactNode;
}) {
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
        <span className="matrix__column-name" title={column.sessionName}>
          {column.sessionName}
        </span>
        <button
          type="button"
          className="icon-button icon-button--small"
          aria-label={`Move ${column.sessionName} left`}
          disabled={!canMove.left}
          onClick={() => onMove(column.sessionId, -1)}
        >
          ←
        </button>
        <button
          type="button"
          className="icon-button icon-button--small"
          aria-label={`Move ${column.sessionName} right`}
          disabled={!canMove.right}
          onClick={() => onMove(column.sessionId, 1)}
        >
          →
        </button>
      </div>
      {isBaseline ? (
        <span className="tag tag--baseline">Baseline</span>
      ) : (
        <button
          type="button"
          className="button button--tiny"
          onClick={() => onSetBaseline(column.sessionId)}
          aria-label={`Use ${column.sessionName} as baseline`}
        >
          Set as baseline
        </button>
      )}
      {marker}
      {!isBaseline && counts ? (
        <ul className="matrix__counts" aria-label={`Changes of ${column.sessionName} vs baseline`}>
          {cellKeys(keys).shown.map((key) => {
            const c = counts[key];
            if (!c) return null;
            return (
              <li
                key={key}
                title={`${key}: ${c.improved} improved, ${c.regressed} regressed, ${c.unchanged} unchanged`}
              >
                <span className="matrix__counts-key">{key}</span>{' '}
                <span className="delta delta--improved">▲{c.improved}</span>{' '}
                <span className="delta delta--regressed">▼{c.regressed}</span>{' '}
                <span className="delta delta--unchanged">={c.unchanged}</span>
                <span className="visually-hidden">
                  {' '}
                  ({c.improved} improved, {c.regressed} regressed, {c.unchanged} unchanged)
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
