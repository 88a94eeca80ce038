import { describe, expect, it } from 'vitest';
import { estimateTextWidth, textWidth } from '../../../lib/text-width';
import {
  CHIP_KEY_FONT_PX,
  cellKeys,
  clipPreview,
  keysNeedingClip,
  MAX_KEYS_IN_CELL,
  previewChars,
  rowHeight,
  sharedSessionWidth,
  spreadsFit,
} from './matrix-layout';

const perChar = (px: number) => (text: string) => text.length * px;

describe('keysNeedingClip', () => {
  it('clips only the names wider than their share of the narrowest column', () => {
    // 232 px column: (232 - 19) * 0.45 = 95.85 px of room; 8 px a character.
    const clipped = keysNeedingClip(['correctness', 'a_much_longer_key_name'], 232, perChar(8));
    expect([...clipped]).toEqual(['a_much_longer_key_name']);
  });

  it('clips more names in a narrower column, none in a wide one', () => {
    const keys = ['correctness', 'helpfulness', 'verdict'];
    expect(keysNeedingClip(keys, 140, perChar(7)).size).toBe(2);
    expect(keysNeedingClip(keys, 640, perChar(7)).size).toBe(0);
  });

  it('clips every name when the column has no room at all', () => {
    expect(keysNeedingClip(['a'], 0, perChar(8)).has('a')).toBe(true);
  });
});

describe('textWidth', () => {
  it('falls back to a generous estimate without a canvas (jsdom)', () => {
    expect(textWidth('correctness', CHIP_KEY_FONT_PX)).toBe(
      estimateTextWidth('correctness', CHIP_KEY_FONT_PX),
    );
    expect(estimateTextWidth('abc', 10)).toBeGreaterThan(3 * 10 * 0.55);
  });
});

describe('cell geometry', () => {
  it('shows at most MAX_KEYS_IN_CELL keys and counts the rest', () => {
    const keys = Array.from({ length: 11 }, (_, i) => `k${i}`);
    expect(cellKeys(keys)).toEqual({ shown: keys.slice(0, MAX_KEYS_IN_CELL), more: 3 });
  });

  it('gives rows a fixed height that grows with keys and the metric lines', () => {
    // table.css: 8 px padding twice, the preview's two lines (38), three 22 px chip rows, the
    // metrics' 2 px margin and two 16 px lines.
    expect(rowHeight(3, true)).toBe(16 + 38 + 3 * 22 + 2 + 2 * 16);
    expect(rowHeight(3, false)).toBeLessThan(rowHeight(3, true));
    expect(rowHeight(20, true)).toBe(rowHeight(MAX_KEYS_IN_CELL + 1, true));
  });
});

describe('output previews', () => {
  it('lays out more characters than two lines of the cell hold in its narrowest glyphs', () => {
    let previous = 0;
    for (let width = 96; width <= 640; width += 1) {
      const chars = previewChars(width);
      expect(chars * 3).toBeGreaterThanOrEqual(2 * (width - 19));
      expect(chars % 20).toBe(0);
      expect(chars).toBeGreaterThanOrEqual(previous);
      previous = chars;
    }
    expect(previewChars(232)).toBeLessThan(300);
  });

  it('cuts only what is longer, marks the cut, and never splits a surrogate pair', () => {
    expect(clipPreview('short', 10)).toBe('short');
    expect(clipPreview('x'.repeat(12), undefined)).toBe('x'.repeat(12));
    expect(clipPreview('abcdefghij', 4)).toBe('abcd…');
    // "😀" is two UTF-16 units: a cut after its first unit keeps neither half.
    expect(clipPreview('abc😀def', 4)).toBe('abc…');
    expect(clipPreview('abc😀def', 5)).toBe('abc😀…');
  });
});

describe('session column widths', () => {
  const shared = (availablePx: number, usedPx: number, unresized: number) =>
    sharedSessionWidth({ availablePx, usedPx, unresized, defaultPx: 232, max: 640 });

  it('share the room the example column leaves, never below the default', () => {
    // 1,398 px inside the matrix at 1440 px, 280 for the examples: four experiments get 279 each.
    expect(shared(1398, 280, 4)).toBe(Math.floor((1398 - 280) / 4));
    expect(shared(1398, 280, 6)).toBe(232);
    // Before the matrix is measured, and with no column left to share.
    expect(shared(0, 280, 4)).toBe(232);
    expect(shared(1398, 1398, 0)).toBe(232);
  });

  it('leave a resized column its width, and stop at the widest a column may be', () => {
    expect(shared(1398, 280 + 400, 3)).toBe(Math.floor((1398 - 680) / 3));
    expect(shared(3000, 280, 2)).toBe(640);
  });
});

describe('spreads of repetitions', () => {
  // 7 px a character: key, then "0.00" + 12 px padding, "±0.00", "↓−0.00✗" + 2 px, three
  // 6 px gaps and 3 px of slack: 77 + 28 + 12 + 35 + 49 + 2 + 18 + 3 = 224 px of a row.
  const measure = (text: string) => text.length * 7;

  it('show beside the score only where the whole chip row fits', () => {
    expect(spreadsFit(['correctness'], 224 + 19, measure)).toBe(true);
    expect(spreadsFit(['correctness'], 224 + 18, measure)).toBe(false);
    expect(spreadsFit(['correctness', 'ok'], 232, measure)).toBe(false);
    expect(spreadsFit(['ok'], 232, measure)).toBe(true);
  });

  it('count a long key at the share of the row it clips to', () => {
    // 29 characters (203 px) clip to 45% of a 400 px column's 381 px of room.
    expect(spreadsFit(['a_very_long_feedback_key_name'], 400, measure)).toBe(true);
    expect(spreadsFit(['a_very_long_feedback_key_name'], 280, measure)).toBe(false);
  });
});
