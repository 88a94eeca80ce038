// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { decide } from './decision';

describe('decide', () => {
  it('needs the interval to exclude 0 and p below α', () => {
    expect(decide({ low: 0.01, high: 0.2, pValue: 0.01, direction: 'higher' })).toBe('better');
    expect(decide({ low: 0.01, high: 0.2, pValue: 0.01, direction: 'lower' })).toBe('worse');
    expect(decide({ low: -0.3, high: -0.1, pValue: 0.001, direction: 'lower' })).toBe('better');
    expect(decide({ low: -0.01, high: 0.2, pValue: 0.001, direction: 'higher' })).toBe(
      'no clear difference',
    );
    expect(decide({ low: 0.01, high: 0.2, pValue: 0.05, direction: 'higher' })).toBe(
      'no clear difference',
    );
    expect(decide({ low: 0.01, high: 0.2, pValue: null, direction: 'higher' })).toBe(
      'no clear difference',
    );
    expect(decide({ low: 0.01, high: 0.2, pValue: 0.03, direction: 'higher', alpha: 0.01 })).toBe(
      'no clear difference',
    );
  });
});
