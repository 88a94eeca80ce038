import type { ColumnSizingState } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { textWidth } from '../../../lib/text-width';
import type { MatrixColumn } from '../model/types';
import type { CellDisplay } from './matrix-cell';
import {
  CELL_POPOVER_PX,
  CHIP_KEY_FONT_PX,
  COLUMN_WIDTHS,
  keysNeedingClip,
  previewChars,
  sharedSessionWidth,
  spreadsFit,
} from './matrix-layout';
import { MAX_COLUMN_PX } from './resize-handle';

/**
 * The columns' widths (the density's defaults, or a share of the matrix's width when a few
 * experiments leave room, until resized; a density change restores them) and what a cell
 * shows at those widths: which key names clip, how much of a preview it lays out, whether a
 * mean of repetitions has room for its spread.
 */
export function useColumnSizing({
  columns,
  keys,
  flipped,
  showMetrics,
  compact,
  availablePx,
}: {
  /** The visible session columns. */
  columns: readonly MatrixColumn[];
  keys: string[];
  flipped: ReadonlySet<string>;
  showMetrics: boolean;
  compact: boolean;
  /** The matrix's inner width (0 until measured). */
  availablePx: number;
}) {
  const density = COLUMN_WIDTHS[compact ? 'compact' : 'comfortable'];
  const [columnSizing, setColumnSizing] = useState<ColumnSizingState>({});
  // A density change restores that density's widths (set while rendering: no stale frame).
  const [sizedFor, setSizedFor] = useState(compact);
  if (sizedFor !== compact) {
    setSizedFor(compact);
    setColumnSizing({});
  }
  const resized = columns.flatMap((c) => {
    const size = columnSizing[c.id];
    return size === undefined ? [] : [size];
  });
  const session = sharedSessionWidth({
    availablePx,
    usedPx: (columnSizing.example ?? density.example) + resized.reduce((a, b) => a + b, 0),
    unresized: columns.length - resized.length,
    defaultPx: density.session,
    max: MAX_COLUMN_PX,
  });
  const widths = useMemo(() => ({ example: density.example, session }), [density, session]);
  // The session columns' widths: their extremes size the contents.
  const sessionWidths = columns.map((c) => columnSizing[c.id] ?? session);
  const narrowest = Math.min(session, ...sessionWidths);
  const widest = Math.max(session, ...sessionWidths);
  // A compact cell's popover shows the full cell at its own width.
  const previewLimit = previewChars(compact ? Math.max(widest, CELL_POPOVER_PX) : widest);
  // Keyed on the set's content, so that resizing re-renders cells only when a name's clip changes.
  const clippedList = JSON.stringify([
    ...keysNeedingClip(keys, narrowest, (key) => textWidth(key, CHIP_KEY_FONT_PX)),
  ]);
  const spreads = spreadsFit(keys, narrowest, textWidth);
  const popoverSpreads = spreadsFit(keys, CELL_POPOVER_PX, textWidth);
  const display: CellDisplay = useMemo(
    () => ({
      keys,
      flipped,
      showMetrics,
      compact,
      clippedKeys: new Set(JSON.parse(clippedList) as string[]),
      previewChars: previewLimit,
      spreads,
    }),
    [keys, flipped, showMetrics, compact, clippedList, previewLimit, spreads],
  );
  // What a compact cell's popover shows: the full cell, at the popover's width.
  const fullDisplay = useMemo(
    () => (compact ? { ...display, compact: false, spreads: popoverSpreads } : display),
    [display, compact, popoverSpreads],
  );
  return { widths, columnSizing, setColumnSizing, display, fullDisplay };
}
