import { describe, expect, it } from 'vitest';
import { assertAllFinite, labelsOf, makeInput } from '../../../testing/stats-fixtures';
import { computeSlices, MAX_SLICE_GROUPS, NO_VALUE_GROUP } from './slices';

describe('slices: the difference against the baseline per metadata group', () => {
  // Group "easy": the session gains about +1; group "hard": it loses about 1.
  const base = [0, 0, 0, 0, 0, 0, 0, 0, 5];
  const cand = [0.9, 1.1, 1.0, 1.0, -0.9, -1.1, -1.0, -1.0, 5];
  const groups = labelsOf('difficulty', [
    'easy',
    'easy',
    'easy',
    'easy',
    'hard',
    'hard',
    'hard',
    'hard',
    null,
  ]);

  it('gives each group its paired difference and interval, groups in natural order', () => {
    const s = computeSlices(makeInput(base, [cand]), groups);
    if (!s) throw new Error('no slices');
    expect(s.groups).toEqual([
      { name: 'easy', examples: 4 },
      { name: 'hard', examples: 4 },
      { name: NO_VALUE_GROUP, examples: 1 },
    ]);
    const [easy, hard, none] = s.cells;
    expect(easy?.n).toBe(4);
    expect(easy?.meanDiff).toBeCloseTo(1, 12);
    expect(hard?.meanDiff).toBeCloseTo(-1, 12);
    // n = 4: t interval, 1 ± t(0.975, 3)·se with se² = (0.01 + 0.01)/3/4 = 1/600.
    // t(0.975, 3) = 3.182446305283708 (mpmath, see distributions.test.ts).
    expect(easy?.ciLow).toBeCloseTo(1 - 3.182446305283708 / Math.sqrt(600), 10);
    expect(easy?.ciHigh).toBeCloseTo(1 + 3.182446305283708 / Math.sqrt(600), 10);
    expect(none).toMatchObject({ n: 1, meanDiff: 0, ciLow: null, ciHigh: null });
    assertAllFinite(s);
  });

  it('notes a session that helps in one group and hurts in another, with Cochran’s Q', () => {
    const s = computeSlices(makeInput(base, [cand]), groups);
    const h = s?.heterogeneity[0];
    expect(h?.helps).toEqual(['easy']);
    expect(h?.hurts).toEqual(['hard']);
    // By hand: both groups have se² = 1/600, weights 600 each, pooled mean 0,
    // Q = 600·1² + 600·(−1)² = 1200 on 1 df (the "(no value)" group has no se).
    expect(h?.q).toBeCloseTo(1200, 8);
    expect(h?.df).toBe(1);
    expect(h?.qP).toBeLessThan(1e-200);
  });

  it('respects direction: for lower-is-better keys the easy group is the one that hurts', () => {
    const s = computeSlices(makeInput(base, [cand], { direction: 'lower' }), groups);
    expect(s?.heterogeneity[0]?.helps).toEqual(['hard']);
    expect(s?.heterogeneity[0]?.hurts).toEqual(['easy']);
  });

  it('keeps the 30 largest groups and counts the rest', () => {
    const n = 80;
    const labels = labelsOf(
      'id',
      Array.from({ length: n }, (_, i) => (i < 20 ? 'big' : `g${i}`)),
    );
    const s = computeSlices(
      makeInput(
        Array.from({ length: n }, (_, i) => i),
        [Array.from({ length: n }, (_, i) => i + 1)],
      ),
      labels,
    );
    expect(s?.groups).toHaveLength(MAX_SLICE_GROUPS);
    expect(s?.groups.some((g) => g.name === 'big')).toBe(true);
    expect(s?.leftOut).toBe(n - 20 + 1 - MAX_SLICE_GROUPS);
  });

  it('categorical keys have no slices; missing scores give n = 0, never NaN', () => {
    expect(
      computeSlices(makeInput([1], [[1]], { kind: 'categorical' }), labelsOf('k', ['a'])),
    ).toBeNull();
    const s = computeSlices(makeInput([null, null], [[null, 1]]), labelsOf('k', ['a', 'a']));
    expect(s?.cells[0]).toMatchObject({ n: 0, meanDiff: null, ciLow: null });
    assertAllFinite(s);
  });
});
