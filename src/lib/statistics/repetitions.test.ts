// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { mulberry32 } from './prng';
import { pooledWithinVariance, repetitionNarrowing } from './repetitions';

describe('within-example spread and what repetitions buy', () => {
  it('pools variances by their degrees of freedom and skips single runs', () => {
    // (2·0.04 + 1·0.01) / 3 by hand; the 1-run and null examples carry nothing.
    const pooled = pooledWithinVariance([0.04, 0.01, 0.5, null], [3, 2, 1, 3]);
    expect(pooled?.variance).toBeCloseTo(0.09 / 3, 12);
    expect(pooled?.df).toBe(3);
    expect(pooledWithinVariance([null, 0.2], [3, 1])).toBeNull();
  });

  it('narrowing by hand: σ²_d = 0.05 with one side at 3 runs and σ²_w = 0.03', () => {
    // Between part 0.05 − 0.03/3 = 0.04; with one run it would be 0.04 + 0.03 = 0.07.
    expect(
      repetitionNarrowing(0.05, [{ withinVariance: 0.03, meanInverseRuns: 1 / 3 }]),
    ).toBeCloseTo(Math.sqrt(0.05 / 0.07), 12);
  });

  it('recovers the one-run variance of simulated data (σ²_b = 0.04, σ²_w = 0.09, K = 4)', () => {
    const random = mulberry32(12);
    const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    const n = 4000;
    const K = 4;
    const means: number[] = [];
    const variances: number[] = [];
    for (let i = 0; i < n; i++) {
      const centre = 0.2 * normal();
      const runs = Array.from({ length: K }, () => centre + 0.3 * normal());
      const m = runs.reduce((a, b) => a + b, 0) / K;
      means.push(m);
      variances.push(runs.reduce((a, b) => a + (b - m) ** 2, 0) / (K - 1));
    }
    const pooled = pooledWithinVariance(variances, Array(n).fill(K));
    const mean = means.reduce((a, b) => a + b, 0) / n;
    const diffVariance = means.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
    const factor = repetitionNarrowing(diffVariance, [
      { withinVariance: pooled?.variance ?? 0, meanInverseRuns: 1 / K },
    ]);
    // True factor √((0.04 + 0.09/4) / (0.04 + 0.09)) = 0.6934; sampling error ~1 %.
    expect(pooled?.variance).toBeCloseTo(0.09, 2);
    expect(factor).toBeGreaterThan(0.6934 - 0.02);
    expect(factor).toBeLessThan(0.6934 + 0.02);
  });

  it('no spread or no repeated side gives null, and the factor never exceeds 1', () => {
    expect(repetitionNarrowing(0, [{ withinVariance: 0.1, meanInverseRuns: 0.5 }])).toBeNull();
    expect(repetitionNarrowing(0.1, [])).toBeNull();
    // Within-variance larger than the observed total: the between part is clamped at 0.
    expect(repetitionNarrowing(0.01, [{ withinVariance: 0.5, meanInverseRuns: 0.5 }])).toBeCloseTo(
      Math.sqrt((0.5 * 0.5) / 0.5),
      12,
    );
  });
});
