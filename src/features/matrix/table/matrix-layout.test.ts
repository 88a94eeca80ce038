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

  it('gives rows a fixed height that grows with keys and the metric line', () => {
    expect(rowHeight(3, true)).toBe(140);
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
