import './table.css';
import { FlexRender } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { markMatrixPainted } from '../../../lib/perf-marks';
import { usePreferences } from '../../../lib/preferences';
import { useElementWidth } from '../../../lib/use-element-width';
import { useMatrix } from '../matrix-context';
import { MatrixHead } from './matrix-head';
import { type BodyItem, bodyItems, rowHeight } from './matrix-layout';
import { MatrixBodyRow } from './matrix-row';
import { SectionRow } from './section-row';
import { useChangeFilter } from './use-change-filter';
import { useColumnSizing } from './use-column-sizing';
import { useGridKeyboard } from './use-grid-keyboard';
import { type MatrixTableCell, useMatrixColumns } from './use-matrix-columns';
import { useScrollPace } from './use-scroll-pace';

/** Above this many session columns, columns are virtualised too. */
const COLUMN_VIRTUALISATION_THRESHOLD = 6;
/** Height of a section header row (example_metadata). */
const SECTION_ROW_PX = 44;

const NO_CELLS: MatrixTableCell[] = [];
/**
 * One function for every row and render: the table object is new on each render (each scroll
 * frame), and a renderer bound to it would re-render every row in view, not just the new ones.
 */
const renderCell = (cell: MatrixTableCell) => <FlexRender cell={cell} />;

/**
 * The comparison matrix: TanStack Table owns the column model (groups, sizes, visibility),
 * TanStack Virtual renders only the rows in view, and the ARIA grid pattern (roving focus,
 * arrow keys, Enter to open; use-grid-keyboard.ts) makes it usable from the keyboard.
 */
export function MatrixTable() {
  const { model, baseline, settings, openExample, actions, reading, ...parts } = useMatrix();
  const { matrix, rows, counts, keys, flippedSet } = model;
  const [{ density }] = usePreferences();
  const compact = density === 'compact';
  const sectioned = matrix.groupBy === 'example_metadata';
  const hidden = settings.hidden;
  // Memoised (not derived per render): rows compare it by reference.
  const visibleColumns = useMemo(
    () => matrix.columns.filter((c) => !hidden.includes(c.sessionId)),
    [matrix.columns, hidden],
  );
  const scrollRef = useRef<HTMLDivElement>(null);
  const { widths, columnSizing, setColumnSizing, display, fullDisplay } = useColumnSizing({
    columns: visibleColumns,
    keys,
    flipped: flippedSet,
    showMetrics: settings.metrics,
    compact,
    availablePx: useElementWidth(scrollRef),
  });
  const [hovered, setHovered] = useState<string | null>(null);

  const { table, resize } = useMatrixColumns({
    matrix,
    rows,
    baseline,
    hidden,
    display,
    widths,
    columnSizing,
    setColumnSizing,
  });

  const visibleSizes = table.getVisibleLeafColumns().map((c) => c.getSize());
  const template = visibleSizes.map((size) => `${size}px`).join(' ');
  const sizes = useMemo(() => template.split(' ').map((w) => Number.parseFloat(w)), [template]);

  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(new Set());
  const toggleSection = (index: number) =>
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (next.has(index)) next.delete(index);
      else next.add(index);
      return next;
    });
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

  // Before the virtualizer: its scroll listener must run first (see useScrollPace).
  const fling = useScrollPace(scrollRef);
  const height = rowHeight(keys.length, settings.metrics, compact);
  const popoverHeight = rowHeight(keys.length, settings.metrics);
  // Stable between scroll frames: the virtualizer re-derives every item's position (10,000
  // objects for a large page) whenever its key function changes.
  const estimateSize = useCallback(
    (i: number) => (items[i]?.type === 'section' ? SECTION_ROW_PX : height),
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
    estimateSize: (i) => sizes[i + 1] ?? widths.session,
    paddingStart: sizes[0] ?? widths.example,
    // One column beyond the view: every row that scrolls in renders each column it holds.
    overscan: 1,
    enabled: virtualColumns,
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-measure when widths change
  useEffect(() => columnVirtualizer.measure(), [template]);
  const virtualColumnItems = columnVirtualizer.getVirtualItems();
  // A range of primitives, so that rows (memoised) re-render only when it really moves.
  const from = virtualColumns ? (virtualColumnItems[0]?.index ?? 0) : 0;
  const to = virtualColumns
    ? (virtualColumnItems[virtualColumnItems.length - 1]?.index ?? -1)
    : visibleColumns.length - 1;

  // Row heights change with the visible keys and the metric line.
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-measure when the geometry changes
  useEffect(() => virtualizer.measure(), [height, items]);

  // The benchmark and DevTools read this mark: the matrix for new data is on screen.
  // biome-ignore lint/correctness/useExhaustiveDependencies: marks once per new matrix
  useEffect(() => markMatrixPainted(reading?.from ?? 'complete'), [matrix]);

  const colCount = visibleColumns.length + 1;
  const { focus, focusCell, onKeyDown } = useGridKeyboard({
    items,
    colCount,
    rowHeight: height,
    scrollRef,
    rows: virtualizer,
    columns: virtualColumns ? columnVirtualizer : null,
    onOpen: actions.open,
    onToggleSection: toggleSection,
  });
  const headerRows = sectioned ? 1 : 2;
  const { active, showChanges } = useChangeFilter(settings.filter, actions.change);

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
        <MatrixHead
          sectioned={sectioned}
          columns={visibleColumns}
          from={from}
          to={to}
          sizes={sizes}
          baseline={baseline}
          counts={counts}
          keys={keys}
          lastSessionIndex={matrix.columns.reduce((m, c) => Math.max(m, c.sessionIndex), 0)}
          marker={parts.headerMarker}
          actions={actions}
          resize={resize}
          active={active}
          onShowChanges={showChanges}
        />
        <tbody className="matrix__body" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((virtualItem) => {
            const item = items[virtualItem.index] as BodyItem;
            const rowIndex = virtualItem.index + headerRows + 1;
            const focused = focus.item === virtualItem.index;
            if (item.type === 'section') {
              return (
                <SectionRow
                  key={item.id}
                  sectionKey={item.sectionKey}
                  count={item.count}
                  summary={parts.sectionSummary?.(item.sectionIndex) ?? null}
                  open={!collapsed.has(item.sectionIndex)}
                  itemIndex={virtualItem.index}
                  rowIndex={rowIndex}
                  colCount={colCount}
                  style={{
                    transform: `translateY(${virtualItem.start}px)`,
                    height: virtualItem.size,
                  }}
                  focused={focused && focus.col === 0}
                  onToggle={() => toggleSection(item.sectionIndex)}
                  onFocus={() => focusCell(virtualItem.index, 0)}
                />
              );
            }
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
                columnsFrom={from}
                columnsTo={to}
                baseline={baseline}
                allColumns={matrix.columns}
                compact={compact}
                fullDisplay={fullDisplay}
                selected={openExample === item.row.exampleId}
                changed={parts.changedRows?.has(item.row.exampleId) ?? false}
                focusedCol={focused ? focus.col : null}
                hoveredCell={hovered?.startsWith(`${item.id}_`) ? hovered : null}
                onFocusCell={focusCell}
                onOpen={actions.open}
                onHover={setHovered}
                glance={fling}
                popoverHeight={popoverHeight}
              />
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
