import {
  type Cell,
  type CellContext,
  type ColumnSizingState,
  columnResizingFeature,
  columnSizingFeature,
  columnVisibilityFeature,
  createColumnHelper,
  tableFeatures,
  type Updater,
  useTable,
} from '@tanstack/react-table';
import { useMemo, useRef } from 'react';
import { baselineCell } from '../model/compare';
import { rowKey } from '../model/pivot';
import type { Matrix, MatrixColumn, MatrixRow } from '../model/types';
import { type CellDisplay, MatrixCellContent } from './matrix-cell';
import type { ColumnResizer } from './matrix-head';
import { MAX_COLUMN_PX, MIN_COLUMN_PX } from './resize-handle';

/** What a session column's cells show: its (group, session) and how the matrix shows cells. */
interface SessionColumnMeta {
  column: MatrixColumn;
  baseline: string;
  allColumns: MatrixColumn[];
  display: CellDisplay;
}

const features = tableFeatures({
  columnSizingFeature,
  columnResizingFeature,
  columnVisibilityFeature,
  columnMeta: {} as SessionColumnMeta,
});
const helper = createColumnHelper<typeof features, MatrixRow>();
export type MatrixTableCell = Cell<typeof features, MatrixRow, unknown>;

/**
 * A session column's cell. One component for every column and every render (TanStack renders
 * a column's `cell` as a component): a new baseline or display updates the cells in place,
 * where a renderer made per render would be a new component type and remount every cell.
 */
function SessionCell({ row, column }: CellContext<typeof features, MatrixRow, unknown>) {
  const meta = column.columnDef.meta;
  if (!meta) return null;
  const base =
    meta.column.sessionId === meta.baseline
      ? null
      : baselineCell(row.original, meta.column, meta.baseline, meta.allColumns);
  return (
    <MatrixCellContent
      cell={row.original.cells[meta.column.id]}
      base={base}
      display={meta.display}
    />
  );
}

/**
 * The matrix's column model in TanStack Table: the example column and one column per
 * (group, session), their sizes and visibility; and the resizer the header uses.
 */
export function useMatrixColumns({
  matrix,
  rows,
  baseline,
  hidden,
  display,
  widths,
  columnSizing,
  setColumnSizing,
}: {
  matrix: Matrix;
  rows: MatrixRow[];
  baseline: string;
  hidden: string[];
  display: CellDisplay;
  /** The example column's width and the session columns' (until resized). */
  widths: { example: number; session: number };
  columnSizing: ColumnSizingState;
  setColumnSizing: (updater: Updater<ColumnSizingState>) => void;
}) {
  const columns = useMemo(() => {
    const sessionColumn = (column: MatrixColumn) =>
      helper.display({
        id: column.id,
        size: widths.session,
        minSize: MIN_COLUMN_PX,
        maxSize: MAX_COLUMN_PX,
        header: () => null,
        cell: SessionCell,
        meta: { column, baseline, allColumns: matrix.columns, display },
      });
    const exampleColumn = helper.display({
      id: 'example',
      size: widths.example,
      minSize: 120,
      maxSize: MAX_COLUMN_PX,
      header: 'Example',
    });
    return [exampleColumn, ...matrix.columns.map(sessionColumn)];
  }, [matrix.columns, baseline, display, widths]);

  const columnVisibility = useMemo(
    () => Object.fromEntries(matrix.columns.map((c) => [c.id, !hidden.includes(c.sessionId)])),
    [matrix.columns, hidden],
  );

  const table = useTable({
    features,
    columns,
    data: rows,
    getRowId: rowKey,
    state: { columnVisibility, columnSizing },
    onColumnSizingChange: setColumnSizing,
    columnResizeMode: 'onChange',
  });
  // The header's resize callbacks reach the table as it is now, yet stay the same functions.
  const tableRef = useRef(table);
  tableRef.current = table;
  const resize: ColumnResizer = useMemo(
    () => ({
      start: (columnId, event) =>
        tableRef.current
          .getFlatHeaders()
          .find((h) => h.column.id === columnId)
          ?.getResizeHandler()(event),
      by: (columnId, delta) =>
        setColumnSizing((prev) => {
          const size = prev[columnId] ?? tableRef.current.getColumn(columnId)?.getSize() ?? 0;
          const next = Math.max(MIN_COLUMN_PX, Math.min(MAX_COLUMN_PX, size + delta));
          return { ...prev, [columnId]: next };
        }),
    }),
    [setColumnSizing],
  );
  return { table, resize };
}
