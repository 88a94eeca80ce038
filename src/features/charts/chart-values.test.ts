import { describe, expect, it } from 'vitest';
import { axisFormatter } from './chart-values';

describe('axisFormatter (an axis in one unit)', () => {
  it('labels every tick of a latency axis that reaches a second in seconds', () => {
    const label = axisFormatter('seconds', [0, 2.5, 5, 7.5, 10]);
    expect([0, 2.5, 5, 7.5, 10].map(label)).toEqual([
      '0 s',
      '2.50 s',
      '5.00 s',
      '7.50 s',
      '10.0 s',
    ]);
    expect(axisFormatter('seconds', [0, 0.5, 1])(0.5)).toBe('0.50 s');
  });

  it('keeps milliseconds for an axis under a second, and other units as they are', () => {
    expect([0, 0.25, 0.5].map(axisFormatter('seconds', [0, 0.25, 0.5]))).toEqual([
      '0 ms',
      '250 ms',
      '500 ms',
    ]);
    expect(axisFormatter('usd', [0, 1])(0.5)).toBe('$0.50');
    expect(axisFormatter('fraction', [0, 1])(0.5)).toMatch(/^50(\.0)?%$/);
  });
});
