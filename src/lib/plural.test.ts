import { describe, expect, it } from 'vitest';
import { plural, pluralWord } from './plural';

describe('plural', () => {
  it('says one thing in the singular and every other count in the plural', () => {
    expect(plural(1, 'example')).toBe('1 example');
    expect(plural(0, 'example')).toBe('0 examples');
    expect(plural(2, 'example')).toBe('2 examples');
    expect(plural(3, 'entry', 'entries')).toBe('3 entries');
    expect(pluralWord(1, 'is', 'are')).toBe('is');
    expect(pluralWord(5, 'is', 'are')).toBe('are');
  });
});
