import { describe, expect, it } from 'vitest';
import { plural, pluralWord } from './plural';

describe('plural', () => {
  it('uses the singular for exactly one, the plural otherwise', () => {
    expect(plural(1, 'experiment')).toBe('1 experiment');
    expect(plural(0, 'experiment')).toBe('0 experiments');
    expect(plural(2, 'experiment')).toBe('2 experiments');
    expect(pluralWord(1, 'is', 'are')).toBe('is');
    expect(pluralWord(5, 'is', 'are')).toBe('are');
  });

  it('takes an irregular plural and groups thousands', () => {
    expect(plural(1, 'loss', 'losses')).toBe('1 loss');
    expect(plural(3, 'entry', 'entries')).toBe('3 entries');
    expect(plural(10_000, 'example')).toBe('10,000 examples');
  });

  it('says when the count is unknown instead of showing a number', () => {
    expect(plural(null, 'run')).toBe('runs: no data');
    expect(plural(Number.NaN, 'run')).toBe('runs: no data');
  });
});
