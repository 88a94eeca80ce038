import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCount, formatPercentChange } from './format';

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

describe('formatCount', () => {
  // The reference is the browser's own formatter, which formatCount must match byte for byte.
  const intl = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

  it.each([
    0,
    -0,
    1,
    -1,
    0.5,
    -0.5,
    1.5,
    -1.5,
    2.5,
    -2.5,
    0.49999999999999994,
    -0.49999999999999994,
    0.3,
    -0.3,
    999.5,
    999,
    1000,
    -1000,
    12_345.5,
    1_234_567,
    -1_234_567.5,
    2 ** 52 - 0.5,
    2 ** 52,
    2 ** 53,
    2 ** 53 + 2,
    2 ** 60,
    1e20,
    1e21,
    1.5e21,
    -1e21,
    1e23,
    123456789e20,
    Number.MAX_SAFE_INTEGER,
    Number.MAX_VALUE,
    -Number.MAX_VALUE,
    Number.MIN_VALUE,
    -Number.MIN_VALUE,
    Number.EPSILON,
  ])('%s reads as Intl reads it', (value) => {
    expect(formatCount(value)).toBe(intl.format(value));
  });

  it('matches Intl for any finite double, whole or not, small or huge', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        expect(formatCount(value)).toBe(intl.format(value));
      }),
      { numRuns: 20_000 },
    );
  });

  it('matches Intl on the halves and near-halves where rounding decides', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -(2 ** 51), max: 2 ** 51 }),
        fc.integer({ min: -3, max: 3 }),
        (n, nudge) => {
          let value = n + 0.5;
          for (let i = 0; i < Math.abs(nudge); i++) value = nextAfter(value, nudge > 0);
          expect(formatCount(value)).toBe(intl.format(value));
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it('says "no data" for what is not a number', () => {
    for (const value of [null, undefined, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(formatCount(value)).toBe('no data');
    }
  });
});

/** The next double above (or below) `value`, by its bit pattern. */
function nextAfter(value: number, up: boolean): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const bits = view.getBigInt64(0);
  const step = value >= 0 === up ? 1n : -1n;
  view.setBigInt64(0, value === 0 ? (up ? 1n : -(2n ** 63n) + 1n) : bits + step);
  return view.getFloat64(0);
}
