import {
  type Cell,
  type ColumnSizingState,
  columnResizingFeature,
  columnSizingFeature,
  columnVisibilityFeature,
  createColumnHelper,
  FlexRender,
  tableFeatures,
  useTable,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  type KeyboardEvent,
  type ReactNode,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { formatGroupKey } from '../../../lib/format';
import { type MatrixHolds, markMatrixPainted } from '../../../lib/perf-marks';
import { plural } from '../../../lib/plural';
import { sessionColor } from '../../../lib/session-colors';
import { textWidth } from '../../../lib/text-width';
import { baselineCell } from '../model/compare';
import { rowKey } from '../model/pivot';
import type { Matrix, MatrixColumn, MatrixRow } from '../model/types';
import { MatrixCellContent } from './matrix-cell';
import { ColumnHeader, type HeaderCounts } from './matrix-header';
import {
  type BodyItem,
  bodyItems,
  CELL_POPOVER_PX,
  CHIP_KEY_FONT_PX,
  COLUMN_WIDTHS,
  columnGroups,
  keysNeedingClip,
  previewChars,
  rowHeight,
} from './matrix-layout';
import { MatrixBodyRow } from './matrix-row';
import { useScrollPace } from './use-scroll-pace';

/** Above this many session columns, columns are virtualised too. */
const COLUMN_VIRTUALISATION_THRESHOLD = 6;

const features = tableFeatures({
  columnSizingFeature,
  columnResizingFeature,
  columnVisibilityFeature,
});
const helper = createColumnHelper<typeof features, MatrixRow>();
type MatrixTableCell = Cell<typeof features, MatrixRow, unknown>;
const NO_CELLS: MatrixTableCell[] = [];
/**
 * One function for every row and render: the table object is new on each render (each scroll
 * frame), and a renderer bound to it would re-render every row in view, not just the new ones.
 */
const renderCell = (cell: MatrixTableCell) => <FlexRender cell={cell} />;

export interface MatrixTableProps {
  matrix: Matrix;
  rows: MatrixRow[];
  baseline: string;
  hidden: string[];
  keys: string[];
  flipped: ReadonlySet<string>;
  showMetrics: boolean;
  counts: HeaderCounts;
  openExample: string | null;
  onOpen: (exampleId: string) => void;
  onSetBaseline: (sessionId: string) => void;
  /** Moves a session one place in the display order (reorders its columns). */
  onMoveSession: (sessionId: string, delta: -1 | 1) => void;
  headerMarker?: (sessionId: string) => ReactNode;
  compact: boolean;
  /** Section aggregates line, for example_metadata grouping. */
  sectionSummary?: (sectionIndex: number) => string;
  /**
   * What the matrix holds, for the performance marks: the first-screen request's rows, the
   * first rows of the page's response, or all of it.
   */
  holds?: MatrixHolds;
}

/**
 * The comparison matrix: TanStack Table owns the column model (groups, sizes, visibility),
 * TanStack Virtual renders only the rows in view, and the ARIA grid pattern (roving focus,
 * arrow keys, Enter to open) makes it usable from the keyboard.
 */
export function MatrixTable(props: MatrixTableProps) {
  const { matrix, rows, baseline, hidden, keys, flipped, showMetrics, counts, compact } = props;
  const sectioned = matrix.groupBy === 'example_metadata';
  const widths = COLUMN_WIDTHS[compact ? 'compact' : 'comfortable'];
  const [columnSizing, setColumnSizing] = useState<ColumnSizingState>({});
  // The session columns' widths (the default until resized): their extremes size the contents.
  const sessionWidths = matrix.columns.map((c) => columnSizing[c.id] ?? widths.session);
  const narrowest = Math.min(widths.session, ...sessionWidths);
  const widest = Math.max(widths.session, ...sessionWidths);
  // A compact cell's popover shows the full cell at its own width.
  const previewLimit = previewChars(compact ? Math.max(widest, CELL_POPOVER_PX) : widest);
  // Keyed on the set's content, so that resizing re-renders cells only when a name's clip changes.
  const clippedList = JSON.stringify([
    ...keysNeedingClip(keys, narrowest, (key) => textWidth(key, CHIP_KEY_FONT_PX)),
  ]);
  const display = useMemo(
    () => ({
      keys,
      flipped,
      showMetrics,
      compact,
      clippedKeys: new Set(JSON.parse(clippedList) as string[]),
      previewChars: previewLimit,
    }),
    [keys, flipped, showMetrics, compact, clippedList, previewLimit],
  );
  const fullDisplay = useMemo(() => ({ ...display, compact: false }), [display]);
  // A density change restores that density's widths.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset keyed on density only
  useEffect(() => setColumnSizing({}), [compact]);
  const [hovered, setHovered] = useState<string | null>(null);

  const columns = useMemo(() => {
    const sessionColumn = (column: MatrixColumn) =>
      helper.display({
        id: column.id,
        size: widths.session,
        minSize: 96,
        maxSize: 640,
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
      maxSize: 640,
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
  const resizeBy = (columnId: string, delta: number) =>
    setColumnSizing((prev) => {
      const column = table.getColumn(columnId);
      const size = prev[columnId] ?? column?.getSize() ?? widths.session;
      return { ...prev, [columnId]: Math.max(96, Math.min(640, size + delta)) };
    });

  const visibleLeaf = table.getVisibleLeafColumns();
  // Memoised (not derived per render): rows compare it by reference.
  const visibleColumns = useMemo(
    () => matrix.columns.filter((c) => !hidden.includes(c.sessionId)),
    [matrix.columns, hidden],
  );
  const template = visibleLeaf.map((c) => `${c.getSize()}px`).join(' ');

  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(new Set());
  const tableRows = table.getRowModel().rows;
  const items = useMemo(
    () =>
      bodyItems(
        tableRows.map((r) => r.original),
        sectioned,
        collapsed,
      ),
    [tableRows, sectioned, collapsed],
  );
  // TanStack's own index of the row model: no second map of every row per new result.
  const rowsById = table.getRowModel().rowsById;

  const scrollRef = useRef<HTMLDivElement>(null);
  // Before the virtualizer: its scroll listener must run first (see useScrollPace).
  const fling = useScrollPace(scrollRef);
  const height = rowHeight(keys.length, showMetrics, compact);
  // Stable between scroll frames: the virtualizer re-derives every item's position (10,000
  // objects for a large page) whenever its key function changes.
  const estimateSize = useCallback(
    (i: number) => (items[i]?.type === 'section' ? 44 : height),
    [items, height],
  );
  const getItemKey = useCallback((i: number) => items[i]?.id ?? i, [items]);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    getItemKey,
    // Rows are a fixed height and render in one frame: a short overscan keeps the DOM (and
    // each frame's style, layout and paint) small.
    overscan: 2,
  });
  // Many sessions: only the columns in view are rendered (the grid template keeps the rest
  // of the width, so each rendered cell is placed by its grid column).
  const virtualColumns = visibleColumns.length > COLUMN_VIRTUALISATION_THRESHOLD;
  const columnVirtualizer = useVirtualizer({
    horizontal: true,
    count: visibleColumns.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => table.getColumn(visibleColumns[i]?.id ?? '')?.getSize() ?? widths.session,
    paddingStart: table.getColumn('example')?.getSize() ?? widths.example,
    // One column beyond the view: every row that scrolls in renders each column it holds.
    overscan: 1,
    enabled: virtualColumns,
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-measure when widths change
  useEffect(() => columnVirtualizer.measure(), [template]);
  const virtualColumnItems = columnVirtualizer.getVirtualItems();
  // A range of primitives, so that rows (memoised) re-render only when it really moves.
  const columnRange = virtualColumns
    ? {
        from: virtualColumnItems[0]?.index ?? 0,
        to: virtualColumnItems[virtualColumnItems.length - 1]?.index ?? -1,
      }
    : { from: 0, to: visibleColumns.length - 1 };
  const renderedColumns = {
    has: (i: number) => i >= columnRange.from && i <= columnRange.to,
  };
  const focusCell = useCallback((item: number, col: number) => setFocus({ item, col }), []);

  // Row heights change with the visible keys and the metric line.
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-measure when the geometry changes
  useEffect(() => virtualizer.measure(), [height, items]);

  // The benchmark and DevTools read this mark: the matrix for new data is on screen.
  // biome-ignore lint/correctness/useExhaustiveDependencies: marks once per new matrix
  useEffect(() => markMatrixPainted(props.holds ?? 'complete'), [matrix]);

  const [focus, setFocus] = useState({ item: 0, col: 0 });
  const focusPending = useRef(false);
  const colCount = visibleColumns.length + 1;

  const moveFocus = useCallback(
    (item: number, col: number) => {
      const nextItem = Math.max(0, Math.min(items.length - 1, item));
      const maxCol = items[nextItem]?.type === 'section' ? 0 : colCount - 1;
      setFocus({ item: nextItem, col: Math.max(0, Math.min(maxCol, col)) });
      focusPending.current = true;
      virtualizer.scrollToIndex(nextItem, { align: 'auto' });
      if (virtualColumns && col > 0) columnVirtualizer.scrollToIndex(col - 1, { align: 'auto' });
    },
    [items, colCount, virtualizer, virtualColumns, columnVirtualizer],
  );

  useEffect(() => {
    if (!focusPending.current) return;
    const el = scrollRef.current?.querySelector<HTMLElement>(
      `[data-item-index="${focus.item}"] [data-col-index="${focus.col}"]`,
    );
    if (el) {
      focusPending.current = false;
      el.focus({ preventScroll: true });
    }
  });

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    if (!target.hasAttribute('data-col-index')) return;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 600) / height) - 1);
    const moves: Record<string, [number, number]> = {
      ArrowDown: [focus.item + 1, focus.col],
      ArrowUp: [focus.item - 1, focus.col],
      ArrowRight: [focus.item, focus.col + 1],
      ArrowLeft: [focus.item, focus.col - 1],
      PageDown: [focus.item + page, focus.col],
      PageUp: [focus.item - page, focus.col],
      Home: event.ctrlKey ? [0, 0] : [focus.item, 0],
      End: event.ctrlKey ? [items.length - 1, colCount - 1] : [focus.item, colCount - 1],
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      moveFocus(move[0], move[1]);
      return;
    }
    const item = items[focus.item];
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      if (item?.type === 'row') props.onOpen(item.row.exampleId);
      else if (item?.type === 'section') toggleSection(item.sectionIndex);
    }
  };

  const toggleSection = (index: number) =>
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (next.has(index)) next.delete(index);
      else next.add(index);
      return next;
    });

  const headerRows = sectioned ? 1 : 2;

  // The header does not change while the rows scroll: built again only when what it shows does.
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the header's inputs, not on the scroll
  const head = useMemo(() => {
    const headerById = new Map(table.getFlatHeaders().map((h) => [h.column.id, h]));
    const groups = sectioned ? [] : columnGroups(visibleColumns);
    return (
      <thead className="matrix__head">
        {!sectioned ? (
          <tr className="matrix__row matrix__row--groups" aria-rowindex={1}>
            <th className="matrix__corner" aria-colindex={1}>
              <span className="visually-hidden">Group</span>
            </th>
            {groups.map((g) => (
              <th
                key={g.id}
                aria-colindex={g.start + 2}
                colSpan={g.span}
                className="matrix__group-header"
                style={{ gridColumn: `${g.start + 2} / span ${g.span}` }}
                title={formatGroupKey(g.groupKey ?? '')}
              >
                {formatGroupKey(g.groupKey ?? '')}
              </th>
            ))}
          </tr>
        ) : null}
        <tr className="matrix__row matrix__row--columns" aria-rowindex={headerRows}>
          <th className="matrix__corner" aria-colindex={1}>
            Example
            <ResizeHandle
              label="Example"
              size={table.getColumn('example')?.getSize() ?? widths.example}
              onPointerDown={headerById.get('example')?.getResizeHandler()}
              onResize={(delta) => resizeBy('example', delta)}
            />
          </th>
          {visibleColumns.map((column, i) =>
            !renderedColumns.has(i) ? null : (
              <ColumnHeader
                key={column.id}
                column={column}
                colIndex={i + 2}
                color={sessionColor(column.sessionIndex)}
                isBaseline={column.sessionId === baseline}
                counts={counts[column.id]}
                keys={keys}
                onSetBaseline={props.onSetBaseline}
                onMove={props.onMoveSession}
                marker={
                  column.sessionId === baseline ? null : props.headerMarker?.(column.sessionId)
                }
                canMove={{
                  left: column.sessionIndex > 0,
                  right:
                    column.sessionIndex <
                    matrix.columns.reduce((m, c) => Math.max(m, c.sessionIndex), 0),
                }}
                resizeHandle={
                  <ResizeHandle
                    label={column.sessionName}
                    size={table.getColumn(column.id)?.getSize() ?? widths.session}
                    onPointerDown={headerById.get(column.id)?.getResizeHandler()}
                    onResize={(delta) => resizeBy(column.id, delta)}
                  />
                }
              />
            ),
          )}
        </tr>
      </thead>
    );
  }, [
    visibleColumns,
    columnRange.from,
    columnRange.to,
    columnSizing,
    widths,
    sectioned,
    baseline,
    counts,
    keys,
    matrix.columns,
    props.onSetBaseline,
    props.onMoveSession,
    props.headerMarker,
  ]);

  return (
    <div ref={scrollRef} className="matrix" data-scroll-pace={fling ? 'fling' : 'normal'}>
      <table
        className="matrix__table"
        // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: an ARIA grid; arrow keys move between cells
        role="grid"
        aria-label="Comparison matrix"
        aria-rowcount={items.length + headerRows}
        aria-colcount={colCount}
        style={{ ['--matrix-template' as string]: template }}
        onKeyDown={onKeyDown}
      >
        {head}
        <tbody className="matrix__body" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((virtualItem) => {
            const item = items[virtualItem.index] as BodyItem;
            const style = {
              transform: `translateY(${virtualItem.start}px)`,
              height: virtualItem.size,
            };
            const rowIndex = virtualItem.index + headerRows + 1;
            const focusable = (col: number) =>
              focus.item === virtualItem.index && focus.col === col ? 0 : -1;
            if (item.type === 'section') {
              const open = !collapsed.has(item.sectionIndex);
              return (
                <tr
                  key={item.id}
                  className="matrix__row matrix__section"
                  style={style}
                  aria-rowindex={rowIndex}
                  data-item-index={virtualItem.index}
                >
                  <th
                    scope="rowgroup"
                    aria-colindex={1}
                    colSpan={colCount}
                    aria-expanded={open}
                    tabIndex={focusable(0)}
                    data-col-index={0}
                    className="matrix__section-header"
                    onClick={() => toggleSection(item.sectionIndex)}
                    onFocus={() => setFocus({ item: virtualItem.index, col: 0 })}
                  >
                    <span aria-hidden="true">{open ? '▾' : '▸'}</span>{' '}
                    <strong>{formatGroupKey(item.sectionKey)}</strong>{' '}
                    <span className="matrix__section-meta">
                      {plural(item.count, 'example')}
                      {props.sectionSummary ? ` · ${props.sectionSummary(item.sectionIndex)}` : ''}
                    </span>
                  </th>
                </tr>
              );
            }
            const selected = props.openExample === item.row.exampleId;
            const rowFocused = focus.item === virtualItem.index;
            return (
              <MatrixBodyRow
                key={item.id}
                row={item.row}
                cells={rowsById[item.id]?.getVisibleCells() ?? NO_CELLS}
                renderCell={renderCell}
                itemIndex={virtualItem.index}
                start={virtualItem.start}
                size={virtualItem.size}
                rowIndex={rowIndex}
                columns={visibleColumns}
                columnsFrom={columnRange.from}
                columnsTo={columnRange.to}
                baseline={baseline}
                allColumns={matrix.columns}
                compact={compact}
                fullDisplay={fullDisplay}
                selected={selected}
                focusedCol={rowFocused ? focus.col : null}
                hoveredCell={hovered?.startsWith(`${item.id}_`) ? hovered : null}
                onFocusCell={focusCell}
                onOpen={props.onOpen}
                onHover={setHovered}
                glance={fling}
              />
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Drag (pointer) or arrow keys (keyboard) to resize a column. */
function ResizeHandle({
  label,
  size,
  onPointerDown,
  onResize,
}: {
  label: string;
  size: number;
  onPointerDown: ((event: unknown) => void) | undefined;
  onResize: (delta: number) => void;
}) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a focusable separator is the ARIA pattern for a resizer
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={`Resize ${label}`}
      aria-valuenow={Math.round(size)}
      aria-valuemin={96}
      aria-valuemax={640}
      tabIndex={0}
      className="resize-handle"
      onMouseDown={onPointerDown}
      onTouchStart={onPointerDown}
      onClick={(e) => e.stopPropagation()}
      onKeyDown={(e) => {
        if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
          e.preventDefault();
          e.stopPropagation();
          onResize(e.key === 'ArrowLeft' ? -16 : 16);
        }
      }}
    />
  );
}
