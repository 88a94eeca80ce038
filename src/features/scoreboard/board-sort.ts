/** Sorting the scoreboard by any column: missing values last either way, ties in display order. */
import { type BoardSort, METRIC_COLUMNS, type MetricColumn, NAME_COLUMN } from './board-columns';
import { metricValue } from './board-marks';
import type { Board, BoardRow } from './board-types';

/** The column ids the board has: fixed ones, then per key its value and its difference. */
export function boardColumns(board: Board): string[] {
  return [
    NAME_COLUMN,
    'examples',
    ...board.keys.flatMap((k) => [`key:${k.key}`, `diff:${k.key}`]),
    ...Object.keys(METRIC_COLUMNS).filter((c) => c !== 'examples'),
  ];
}

/** A row's sortable value in `column`: a number, a name, or null when it has none. */
function sortValue(board: Board, row: BoardRow, column: string): number | string | null {
  if (column === NAME_COLUMN) return row.name;
  if (Object.hasOwn(METRIC_COLUMNS, column)) return metricValue(row, column as MetricColumn);
  const isDiff = column.startsWith('diff:');
  const key = column.slice(isDiff ? 5 : 4);
  const at = board.keys.findIndex((k) => k.key === key);
  const cell = row.keys[at];
  if (!cell) return null;
  if (isDiff) return cell.comparison?.meanDiff ?? null;
  // Categories sort by the share of the most common category over the board.
  if (cell.distribution) return cell.distribution[0]?.share ?? null;
  return cell.mean?.mean ?? null;
}

/** The rows in the order `sort` asks, or in display order when it names no column. */
export function sortBoardRows(board: Board, sort: BoardSort | null): BoardRow[] {
  if (!sort || !boardColumns(board).includes(sort.column)) return board.rows;
  const sign = sort.dir === 'desc' ? -1 : 1;
  const keyed = board.rows.map((row, index) => ({
    row,
    index,
    value: sortValue(board, row, sort.column),
  }));
  keyed.sort((a, b) => {
    if (a.value === null || b.value === null) {
      if (a.value === b.value) return a.index - b.index;
      return a.value === null ? 1 : -1;
    }
    const order =
      typeof a.value === 'string' || typeof b.value === 'string'
        ? String(a.value).localeCompare(String(b.value))
        : a.value - b.value;
    return sign * order || a.index - b.index;
  });
  return keyed.map((k) => k.row);
}
