import { formatScore } from '../../../lib/format';
import { truncate } from '../../../lib/text';
import { rowKey } from '../model/pivot';
import type { CellScore, MatrixCell, MatrixColumn, MatrixRow } from '../model/types';

/** Body items of the virtual list: example rows, and section headers (example_metadata). */
export type BodyItem =
  | {
      type: 'section';
      id: string;
      sectionKey: string | number;
      sectionIndex: number;
      count: number;
    }
  | { type: 'row'; id: string; row: MatrixRow };

export function bodyItems(
  rows: readonly MatrixRow[],
  sectioned: boolean,
  collapsed: ReadonlySet<number>,
): BodyItem[] {
  if (!sectioned) return rows.map((row) => ({ type: 'row', id: rowKey(row), row }));
  const bySection = new Map<number, { key: string | number; rows: MatrixRow[] }>();
  for (const row of rows) {
    const index = row.sectionIndex ?? -1;
    const entry = bySection.get(index);
    if (entry) entry.rows.push(row);
    else bySection.set(index, { key: row.sectionKey ?? '', rows: [row] });
  }
  const items: BodyItem[] = [];
  for (const [index, { key, rows: sectionRows }] of [...bySection].sort((a, b) => a[0] - b[0])) {
    items.push({
      type: 'section',
      id: `section:${index}`,
      sectionKey: key,
      sectionIndex: index,
      count: sectionRows.length,
    });
    if (collapsed.has(index)) continue;
    for (const row of sectionRows) items.push({ type: 'row', id: rowKey(row), row });
  }
  return items;
}

/** The density's column widths: the example column's, and the least a session column gets. */
export const COLUMN_WIDTHS = {
  comfortable: { example: 280, session: 232 },
  // Eight sessions' scores fit 1440 px without scrolling sideways.
  compact: { example: 200, session: 140 },
} as const;

/**
 * The width of each session column nobody resized: an equal share of the room the example
 * column and the resized columns leave in the matrix, so that a few experiments fill its
 * width; never below the density's default (more experiments scroll sideways) nor above
 * `max`. Whole pixels: the last column may leave a few unused.
 */
export function sharedSessionWidth({
  availablePx,
  usedPx,
  unresized,
  defaultPx,
  max,
}: {
  /** The matrix's inner width; 0 before it is measured. */
  availablePx: number;
  /** The example column's and the resized session columns' widths. */
  usedPx: number;
  /** How many visible session columns take a share. */
  unresized: number;
  defaultPx: number;
  max: number;
}): number {
  if (unresized <= 0 || availablePx <= 0) return defaultPx;
  const share = Math.floor((availablePx - usedPx) / unresized);
  return Math.max(defaultPx, Math.min(max, share));
}

/**
 * A cell shows at most this many feedback keys (the detail panel shows all): rows stay a
 * readable height with 100 keys. Hiding keys brings the others in.
 */
export const MAX_KEYS_IN_CELL = 8;

/** The keys a cell shows, and how many more there are. */
export function cellKeys(keys: readonly string[]): { shown: string[]; more: number } {
  return {
    shown: keys.slice(0, MAX_KEYS_IN_CELL),
    more: Math.max(0, keys.length - MAX_KEYS_IN_CELL),
  };
}

/** What a score chip shows: the score, else the category label, else a dash. */
export function chipValue(score: CellScore): string {
  return score.score !== null ? formatScore(score.score) : (score.label ?? '—');
}

/**
 * A cell at a glance, while the matrix is flung (scroll-pace.ts): one line per chip the full
 * cell shows (same keys, same order, same values; no deltas), as one text node that costs a
 * frame almost nothing to lay out. Compact cells show the values only, as they do in full.
 */
export function glanceText(
  cell: MatrixCell | undefined,
  keys: readonly string[],
  compact: boolean,
): string {
  if (!cell) return 'not run';
  const lines = cell.error ? ['Error'] : [];
  for (const key of cellKeys(keys).shown) {
    const score = cell.scores[key];
    if (!score) continue;
    const value = chipValue(score);
    lines.push(compact ? value : `${key} ${value}`);
  }
  return lines.join('\n');
}

/**
 * The metric lines of a full cell (table.css .cell__metrics): latency and tokens, then cost.
 * One line held them only in a column twice the default width; two lines fit the default.
 */
export const METRIC_LINES = 2;
const METRIC_LINE_PX = 16;

/** Fixed row height per display, so that scrolling never measures the DOM. */
export function rowHeight(allKeys: number, showMetrics: boolean, compact = false): number {
  const keyCount = Math.min(allKeys, MAX_KEYS_IN_CELL) + (allKeys > MAX_KEYS_IN_CELL ? 1 : 0);
  if (compact) return Math.max(44, 16 + keyCount * 22);
  return 16 + 38 + keyCount * 22 + (showMetrics ? 2 + METRIC_LINES * METRIC_LINE_PX : 0);
}

export interface ColumnGroupSpan {
  id: string;
  label: string;
  groupKey: string | number | null;
  start: number;
  span: number;
}

/** Contiguous runs of columns under the same group (run_metadata header row). */
export function columnGroups(columns: readonly MatrixColumn[]): ColumnGroupSpan[] {
  const spans: ColumnGroupSpan[] = [];
  columns.forEach((column, i) => {
    const last = spans[spans.length - 1];
    if (last && last.id === `g${column.groupIndex}`) last.span += 1;
    else
      spans.push({
        id: `g${column.groupIndex}`,
        label: String(column.groupKey),
        groupKey: column.groupKey,
        start: i,
        span: 1,
      });
  });
  return spans;
}

/** Cell geometry the CSS sets (.matrix__cell padding and left border, .chip-row__key). */
const CELL_CHROME_PX = 2 * 8 + 3;
const KEY_SHARE_OF_ROW = 0.45;
export const CHIP_KEY_FONT_PX = 15 * 0.88;

/**
 * The keys whose name does not fit its place in a chip row of the narrowest session column:
 * only those get a clipping, ellipsed label. A clip per chip in every cell made the
 * compositor's work grow with the rows in view, so names that fit are not clipped.
 */
export function keysNeedingClip(
  keys: readonly string[],
  narrowestColumnPx: number,
  measure: (text: string) => number,
): ReadonlySet<string> {
  const room = Math.max(0, narrowestColumnPx - CELL_CHROME_PX) * KEY_SHARE_OF_ROW;
  return new Set(keys.filter((key) => measure(key) > room - 1));
}

/** What a chip row of a mean of repetitions holds: its key, score, spread and change. */
const CHIP_GAP_PX = 6;
const CHIP_PADDING_PX = 12;
/** Wide as they come for scores on 0-1 (digits are tabular): "0.00", "±0.00", "↓−0.00✗". */
const WIDEST = { score: '0.00', spread: '±0.00', delta: '↓−0.00✗' } as const;
/** Canvas widths differ from laid-out text by a fraction of a pixel per run of text. */
const MEASURE_SLACK_PX = 3;

export type MeasureText = (text: string, fontPx: number, weight?: number) => number;

/**
 * Whether every chip row of a mean of repetitions has room for the spread beside the score
 * and its change, in a cell `columnPx` wide: the key (at most its share of the row, past which
 * it clips), the score chip, the spread and the change badge, with the gaps between them.
 * Where they do not fit, the spread goes to the chip's tooltip and the screen-reader text
 * rather than push the change out of the cell.
 */
export function spreadsFit(keys: readonly string[], columnPx: number, measure: MeasureText) {
  const room = Math.max(0, columnPx - CELL_CHROME_PX);
  const rest =
    measure(WIDEST.score, CHIP_KEY_FONT_PX, 700) +
    CHIP_PADDING_PX +
    measure(WIDEST.spread, 15 * 0.8) +
    measure(WIDEST.delta, 15 * 0.82, 600) +
    2 +
    3 * CHIP_GAP_PX +
    MEASURE_SLACK_PX;
  return cellKeys(keys).shown.every(
    (key) => Math.min(measure(key, CHIP_KEY_FONT_PX), room * KEY_SHARE_OF_ROW) + rest <= room,
  );
}

/** Width of a compact cell's popover (styles.css .cell-popover), which shows the full cell. */
export const CELL_POPOVER_PX = 260;
/** The narrowest glyph of the cell font ("i", "l", "." at 0.88rem) and the preview's lines. */
const NARROWEST_GLYPH_PX = 3;
const PREVIEW_LINES = 2;

/**
 * How many characters of an output preview a cell lays out: more than its two clamped lines
 * can hold in the widest cell even in the narrowest glyphs, so what shows is the same, but a
 * 300-character output is not laid out to show 70 (a fifth of a full row's layout cost).
 * Rounded up to twenties, so that resizing a column re-renders the cells only now and then.
 */
export function previewChars(widestCellPx: number): number {
  const room = Math.max(0, widestCellPx - CELL_CHROME_PX);
  return Math.ceil((PREVIEW_LINES * room) / NARROWEST_GLYPH_PX / 20) * 20;
}

/** The preview a cell lays out: its first `chars` characters and a "…" (all of it if unset). */
export function clipPreview(text: string, chars: number | undefined): string {
  return chars === undefined ? text : truncate(text, chars + 1);
}
