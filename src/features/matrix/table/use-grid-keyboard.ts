import type { Virtualizer } from '@tanstack/react-virtual';
import {
  type KeyboardEvent,
  type RefObject,
  useCallback,
  useEffect,
  useRef,
  useState,
} from 'react';
import type { BodyItem } from './matrix-layout';

export interface GridFocus {
  /** The body item (row or section header) that holds the grid's one tab stop. */
  item: number;
  /** Its column: 0 is the example (or section) cell, 1.. the session columns. */
  col: number;
}

/**
 * The ARIA grid's keyboard: one roving tab stop; arrows, Page Up/Down, Home/End (with Ctrl:
 * the grid's corners) move it and scroll the cell into view, even when its row or column is
 * not rendered yet (it is focused once it is); Enter or Space opens a row or folds a section.
 */
export function useGridKeyboard({
  items,
  colCount,
  rowHeight,
  scrollRef,
  rows,
  columns,
  onOpen,
  onToggleSection,
}: {
  items: readonly BodyItem[];
  colCount: number;
  rowHeight: number;
  scrollRef: RefObject<HTMLElement | null>;
  rows: Virtualizer<HTMLDivElement, Element>;
  /** The column virtualizer, when columns are virtualised. */
  columns: Virtualizer<HTMLDivElement, Element> | null;
  onOpen: (exampleId: string) => void;
  onToggleSection: (sectionIndex: number) => void;
}) {
  const [focus, setFocus] = useState<GridFocus>({ item: 0, col: 0 });
  /**
   * The cell a move goes to, until it has the focus. The cell itself, not a flag read against
   * the state: a render committed between the key and the move's own render (the panels'
   * follow-up, say) would otherwise spend the flag on the cell the focus is leaving.
   */
  const focusPending = useRef<GridFocus | null>(null);

  const moveFocus = (item: number, col: number) => {
    const nextItem = Math.max(0, Math.min(items.length - 1, item));
    const maxCol = items[nextItem]?.type === 'section' ? 0 : colCount - 1;
    const next = { item: nextItem, col: Math.max(0, Math.min(maxCol, col)) };
    setFocus(next);
    focusPending.current = next;
    rows.scrollToIndex(nextItem, { align: 'auto' });
    if (columns && col > 0) columns.scrollToIndex(col - 1, { align: 'auto' });
  };

  // After a move, focus the cell as soon as it is rendered (it may scroll in a frame later).
  useEffect(() => {
    const pending = focusPending.current;
    if (!pending) return;
    const el = scrollRef.current?.querySelector<HTMLElement>(
      `[data-item-index="${pending.item}"] [data-col-index="${pending.col}"]`,
    );
    if (el) {
      focusPending.current = null;
      el.focus({ preventScroll: true });
    }
  });

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const target = event.target as HTMLElement;
    if (!target.hasAttribute('data-col-index')) return;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 600) / rowHeight) - 1);
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
      if (item?.type === 'row') onOpen(item.row.exampleId);
      else if (item?.type === 'section') onToggleSection(item.sectionIndex);
    }
  };

  /** A cell took the focus (click, Tab): it holds the tab stop now. Stable for memoised rows. */
  const focusCell = useCallback((item: number, col: number) => setFocus({ item, col }), []);

  return { focus, focusCell, onKeyDown };
}
