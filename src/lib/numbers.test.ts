import { describe, expect, it } from 'vitest';
import { toFiniteNumber } from './numbers';

describe('toFiniteNumber', () => {
  it.each([
    [0.206485, 0.206485],
    ['0.00052065', 0.00052065],
    [0, 0],
    ['0', 0],
    [' 1.5 ', 1.5],
  ])('reads %j as %j', (input, expected) => {
    expect(toFiniteNumber(input)).toBe(expected);
  });

  it.each([null, undefined, '', 'abc', Number.NaN, Number.POSITIVE_INFINITY, 'Infinity', true, {}])(
    'returns null for %j',
    (input) => {
      expect(toFiniteNumber(input)).toBeNull();
    },
  );
});
