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
} from './matrix-layout';

/**
 * The columns' widths (the density's defaults until resized; a density change restores
 * them) and what a cell shows at those widths: which key names clip, how much of a preview
 * it lays out.
 */
export function useColumnSizing({
  columns,
  keys,
  flipped,
  showMetrics,
  compact,
}: {
  columns: readonly MatrixColumn[];
  keys: string[];
  flipped: ReadonlySet<string>;
  showMetrics: boolean;
  compact: boolean;
}) {
  const widths = COLUMN_WIDTHS[compact ? 'compact' : 'comfortable'];
  const [columnSizing, setColumnSizing] = useState<ColumnSizingState>({});
  // A density change restores that density's widths (set while rendering: no stale frame).
  const [sizedFor, setSizedFor] = useState(compact);
  if (sizedFor !== compact) {
    setSizedFor(compact);
    setColumnSizing({});
  }
  // The session columns' widths (the default until resized): their extremes size the contents.
  const sessionWidths = columns.map((c) => columnSizing[c.id] ?? widths.session);
  const narrowest = Math.min(widths.session, ...sessionWidths);
  const widest = Math.max(widths.session, ...sessionWidths);
  // A compact cell's popover shows the full cell at its own width.
  const previewLimit = previewChars(compact ? Math.max(widest, CELL_POPOVER_PX) : widest);
  // Keyed on the set's content, so that resizing re-renders cells only when a name's clip changes.
  const clippedList = JSON.stringify([
    ...keysNeedingClip(keys, narrowest, (key) => textWidth(key, CHIP_KEY_FONT_PX)),
  ]);
  const display: CellDisplay = useMemo(
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
  // What a compact cell's popover shows: the full cell.
  const fullDisplay = useMemo(() => ({ ...display, compact: false }), [display]);
  return { widths, columnSizing, setColumnSizing, display, fullDisplay };
}
