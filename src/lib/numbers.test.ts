import { describe, expect, it } from 'vitest';
import { decimalDifference, toFiniteNumber, withoutFloatNoise } from './numbers';

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

describe('withoutFloatNoise', () => {
  it.each([
    // Each left side is what IEEE-754 doubles give for the arithmetic in the comment.
    [0.7 - 1, -0.3], // -0.30000000000000004
    [0.1 + 0.2, 0.3], // 0.30000000000000004
    [(0.1 + 0.2) / 2, 0.15], // 0.15000000000000002
    [1.1 * 3, 3.3], // 3.3000000000000003
    [0.000123, 0.000123],
    [2 / 3, 0.666666666666667],
    [1e-20, 1e-20],
    [-0, 0],
  ])('writes %s as %s', (input, expected) => {
    expect(withoutFloatNoise(input)).toBe(expected);
  });

  it('keeps non-finite values for the caller to drop', () => {
    expect(withoutFloatNoise(Number.NaN)).toBeNaN();
    expect(withoutFloatNoise(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
  });

  it('never changes what two decimals show', () => {
    for (let i = 0; i < 1000; i++) {
      const x = (i * 0.37 - 180) / 7;
      expect(withoutFloatNoise(x).toFixed(2)).toBe(x.toFixed(2));
    }
  });
});

describe('decimalDifference', () => {
  it.each([
    [0.7, 1, -0.3],
    [1, 0.7, 0.3],
    [0.3, 0.1, 0.2], // floating point: 0.19999999999999998
    [1000000.1, 1000000, 0.1], // floating point: 0.10000000009313226
    [0.5, 0.5, 0],
    [1.5e-7, 1e-7, 5e-8],
    [3, 1, 2],
  ])('%s − %s = %s', (a, b, expected) => {
    expect(decimalDifference(a, b)).toBe(expected);
  });

  it('falls back to 15 significant digits for operands past a double’s precision', () => {
    expect(decimalDifference(2 / 3, 1)).toBe(-0.333333333333333);
  });
});
