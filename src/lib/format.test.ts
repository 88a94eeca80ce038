import { describe, expect, it } from 'vitest';
import { formatPercentChange } from './format';

describe('formatPercentChange', () => {
  it.each([
    // [difference, baseline, text]: 0.5 / 2 = 25 %, 0.07 / 0.8 = 8.75 %, −1 / 3 = −33.3 %.
    [0.5, 2, '+25%'],
    [0.07, 0.8, '+8.8%'],
    [-1, 3, '−33%'],
    [0.00001, 4, '0%'],
    [0, 1, '0%'],
  ])('%s against %s reads %s', (difference, baseline, text) => {
    expect(formatPercentChange(difference, baseline)).toBe(text);
  });

  it('compares a value (not a difference) when asked', () => {
    expect(formatPercentChange(0.19, 0.16, { difference: false })).toBe('+19%');
    expect(formatPercentChange(0.12, 0.16, { difference: false })).toBe('−25%');
  });

  it('is empty without a baseline to divide by', () => {
    expect(formatPercentChange(1, 0)).toBe('');
    expect(formatPercentChange(1, null)).toBe('');
    expect(formatPercentChange(null, 2)).toBe('');
    expect(formatPercentChange(1, -2)).toBe('');
    expect(formatPercentChange(Number.NaN, 2)).toBe('');
  });
});
