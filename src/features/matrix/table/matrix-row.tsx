import { type CSSProperties, memo, type ReactNode } from 'react';
import { inputPreview } from '../../../lib/input-preview';
import { sessionColor } from '../../../lib/session-colors';
import { baselineCell } from '../model/compare';
import type { MatrixColumn, MatrixRow } from '../model/types';
import { type CellDisplay, MatrixCellContent } from './matrix-cell';
import { CELL_POPOVER_PX, glanceText } from './matrix-layout';

/** The few things a body row needs from TanStack's cell: its id (the renderer takes the rest). */
interface TableCell {
  id: string;
}

export interface MatrixBodyRowProps<C extends TableCell> {
  row: MatrixRow;
  /** TanStack's visible cells of the row, the example column first. */
  cells: readonly C[];
  renderCell: (cell: C) => ReactNode;
  itemIndex: number;
  start: number;
  size: number;
  rowIndex: number;
  columns: MatrixColumn[];
  /** The visible columns in view (all of them unless columns are virtualised). */
  columnsFrom: number;
  columnsTo: number;
  baseline: string;
  allColumns: MatrixColumn[];
  compact: boolean;
  fullDisplay: CellDisplay;
  selected: boolean;
  /** Its runs or scores changed at the last refresh: the row flashes once. */
  changed?: boolean;
  /** The focused column when the focus is in this row, else null. */
  focusedCol: number | null;
  hoveredCell: string | null;
  onFocusCell: (item: number, col: number) => void;
  onOpen: (exampleId: string) => void;
  onHover: (cellId: string | null) => void;
  /** The matrix is being flung (scroll-pace.ts): cells show their scores at a glance. */
  glance: boolean;
  /** Height of the full cell a compact cell opens (its popover), to place it where it fits. */
  popoverHeight: number;
}

/**
 * Opens a compact cell's popover towards the room the matrix has: leftwards from a cell near
 * its right edge, upwards from one near its bottom, so that the full cell is never cut off.
 * Set on the cell as data attributes (table.css), read once per hover or focus.
 */
function placePopover(td: HTMLElement, height: number) {
  const view = td.closest('[data-scroll-pace]')?.getBoundingClientRect();
  if (!view) return;
  const cell = td.getBoundingClientRect();
  td.dataset.popoverX = cell.left + CELL_POPOVER_PX > view.right ? 'end' : 'start';
  const below = view.bottom - cell.top;
  td.dataset.popoverY = below < height && cell.bottom - view.top > below ? 'up' : 'down';
}

/**
 * One example row. Memoised on primitives and stable references: while scrolling only the
 * rows that enter the view render; the others just move.
 */
function BodyRow<C extends TableCell>(props: MatrixBodyRowProps<C>) {
  const { row, itemIndex, focusedCol, compact, baseline } = props;
  const style: CSSProperties = { transform: `translateY(${props.start}px)`, height: props.size };
  const tabIndex = (col: number) => (focusedCol === col ? 0 : -1);
  const expandedCol = compact ? focusedCol : null;
  return (
    <tr
      className={`matrix__row${props.selected ? ' is-selected' : ''}${props.changed ? ' is-changed' : ''}${compact && (focusedCol !== null || props.hoveredCell) ? ' has-expanded' : ''}`}
      style={style}
      aria-rowindex={props.rowIndex}
      aria-selected={props.selected}
      data-example-id={row.exampleId}
      data-item-index={itemIndex}
    >
      <th
        scope="row"
        aria-colindex={1}
        className="matrix__example"
        data-col-index={0}
        tabIndex={tabIndex(0)}
        onFocus={() => props.onFocusCell(itemIndex, 0)}
        onClick={() => props.onOpen(row.exampleId)}
      >
        <span className="matrix__example-name" title={row.example.name}>
          {row.example.name}
        </span>
        {props.glance ? null : (
          <span className="matrix__example-input">{inputPreview(row.example.inputs)}</span>
        )}
      </th>
      {props.cells.slice(1).map((cell, i) => {
        const column = props.columns[i];
        if (!column || i < props.columnsFrom || i > props.columnsTo) return null;
        const colIndex = i + 1;
        const expanded =
          !props.glance && compact && (props.hoveredCell === cell.id || expandedCol === colIndex);
        return (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the grid's onKeyDown opens the focused cell on Enter
          <td
            key={cell.id}
            aria-colindex={colIndex + 1}
            className={`matrix__cell${column.sessionId === baseline ? ' is-baseline' : ''}${expanded ? ' is-expanded' : ''}${props.glance ? ` is-glance${compact ? ' is-glance-compact' : ''}` : ''}`}
            data-session-id={column.sessionId}
            data-col-index={colIndex}
            tabIndex={tabIndex(colIndex)}
            onFocus={(event) => {
              if (compact) placePopover(event.currentTarget, props.popoverHeight);
              props.onFocusCell(itemIndex, colIndex);
            }}
            onClick={() => props.onOpen(row.exampleId)}
            onMouseEnter={
              compact
                ? (event) => {
                    placePopover(event.currentTarget, props.popoverHeight);
                    props.onHover(cell.id);
                  }
                : undefined
            }
            onMouseLeave={compact ? () => props.onHover(null) : undefined}
            style={{
              ['--session-color' as string]: sessionColor(column.sessionIndex),
              gridColumn: colIndex + 1,
            }}
          >
            {props.glance
              ? glanceText(row.cells[column.id], props.fullDisplay.keys, compact)
              : props.renderCell(cell)}
            {expanded ? (
              <div className="cell-popover" role="tooltip">
                <MatrixCellContent
                  cell={row.cells[column.id]}
                  base={
                    column.sessionId === baseline
                      ? null
                      : baselineCell(row, column, baseline, props.allColumns)
                  }
                  display={props.fullDisplay}
                />
              </div>
            ) : null}
          </td>
        );
      })}
    </tr>
  );
}

export const MatrixBodyRow = memo(BodyRow) as typeof BodyRow;
