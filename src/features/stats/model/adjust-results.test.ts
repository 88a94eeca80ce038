import { describe, expect, it } from 'vitest';
import { makeInput } from '../../../testing/stats-fixtures';
import { adjustStats } from './adjust-results';
import { computeAllStats } from './paired-stats';

describe('adjusting every test in the view together', () => {
  // Two keys × two sessions; McNemar p-values chosen by hand (exact binomial, p = ½):
  // 8 of 8 flips one way: 2/256; 5 of 5: 2/32; none discordant: no test; 3 vs 3: 1.
  const a = makeInput(
    [0, 0, 0, 0, 0, 0, 0, 0],
    [
      [1, 1, 1, 1, 1, 1, 1, 1],
      [1, 1, 1, 1, 1, 0, 0, 0],
    ],
    { key: 'a' },
  );
  const b = makeInput(
    [0, 0, 0, 1, 1, 1],
    [
      [0, 0, 0, 1, 1, 1],
      [1, 1, 1, 0, 0, 0],
    ],
    { key: 'b' },
  );
  const results = computeAllStats([a, b]);

  it('counts the tests that ran and adjusts them together (Holm by hand)', () => {
    const adjusted = adjustStats(results, 'holm');
    expect(adjusted.tests).toBe(3);
    expect(adjusted.keys).toBe(2);
    expect(adjusted.sessions).toBe(2);
    const [a1, a2] = adjusted.results[0]?.comparisons ?? [];
    const [b1, b2] = adjusted.results[1]?.comparisons ?? [];
    expect(a1?.pValue).toBeCloseTo(2 / 256, 15);
    // Sorted: 2/256 (×3), 2/32 (×2), 1 (×1).
    expect(a1?.adjustedP).toBeCloseTo(6 / 256, 15);
    expect(a2?.adjustedP).toBeCloseTo(4 / 32, 15);
    expect(b1?.adjustedP).toBeNull();
    expect(b2?.adjustedP).toBe(1);
  });

  it('"none" leaves p as it is; the input is not changed', () => {
    const none = adjustStats(results, 'none');
    expect(none.results[0]?.comparisons[1]?.adjustedP).toBeCloseTo(2 / 32, 15);
    adjustStats(results, 'bh');
    expect(results[0]?.comparisons[0]?.adjustedP).toBe(results[0]?.comparisons[0]?.pValue);
  });
});
