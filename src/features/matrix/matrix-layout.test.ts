import { describe, expect, it } from 'vitest';
import { estimateTextWidth, textWidth } from '../../lib/text-width';
import {
  CHIP_KEY_FONT_PX,
  cellKeys,
  keysNeedingClip,
  MAX_KEYS_IN_CELL,
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
