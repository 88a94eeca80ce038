import { describe, expect, it } from 'vitest';
import { truncate } from './text';

describe('truncate', () => {
  it('truncates without splitting a surrogate pair', () => {
    expect(truncate('ab😀cd', 4)).toBe('ab…');
    expect(truncate('abc😀', 5)).toBe('abc😀');
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('abc', 3)).toBe('abc');
  });

  it('cuts to the same text the axis labels, notices and previews used to cut to', () => {
    // The copies it replaced: slice(0, max - 1) + ellipsis past max characters.
    expect(truncate('a'.repeat(41), 40)).toBe(`${'a'.repeat(39)}…`);
    expect(truncate('a'.repeat(40), 40)).toBe('a'.repeat(40));
  });
});
