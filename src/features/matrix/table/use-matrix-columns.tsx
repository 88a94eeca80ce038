import {
  type Cell,
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

const features = tableFeatures({
  columnSizingFeature,
  columnResizingFeature,
  columnVisibilityFeature,
});
const helper = createColumnHelper<typeof features, MatrixRow>();
export type MatrixTableCell = Cell<typeof features, MatrixRow, unknown>;

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
        cell: ({ row }) => {
          const cell = row.original.cells[column.id];
          const base =
            column.sessionId === baseline
              ? null
              : baselineCell(row.original, column, baseline, matrix.columns);
          return <MatrixCellContent cell={cell} base={base} display={display} />;
        },
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
