// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clusteredMean, meanSummary, summariseClusters } from './clustered';

describe('cluster-robust standard error of a mean', () => {
  // 12 values in 5 clusters. Reference: statsmodels 0.13.5,
  //   OLS(y, ones).fit(cov_type='cluster', cov_kwds={'groups': g}).bse[0] = 0.6179814250175056
  //   OLS(y, ones).fit().bse[0] = 0.49053542175871473, params[0] = 2.975
  const y = [3.1, 2.4, 2.9, 4.0, 5.2, 4.8, 1.1, 0.7, 1.9, 1.4, 6.0, 2.2];
  const g = [0, 0, 0, 1, 1, 1, 2, 2, 3, 3, 3, 4];

  it('matches statsmodels (CR1: the G/(G−1) small-sample factor)', () => {
    const r = clusteredMean(y, summariseClusters(y, g));
    expect(r?.mean).toBeCloseTo(2.975, 12);
    expect(r?.se).toBeCloseTo(0.49053542175871473, 12);
    expect(r?.clusterSe).toBeCloseTo(0.6179814250175056, 12);
    expect(r?.clusters).toBe(5);
    // (0.6179814250175056 / 0.49053542175871473)² from the same statsmodels fits.
    expect(r?.designEffect).toBeCloseTo(1.5871212121212124, 12);
  });

  it('labels only group: renaming clusters changes nothing', () => {
    const renamed = g.map((c) => 1000 - 7 * c);
    expect(clusteredMean(y, summariseClusters(y, renamed))).toEqual(
      clusteredMean(y, summariseClusters(y, g)),
    );
  });

  it('equal clusters of identical values: design effect (n − 1)/(G − 1), about the cluster size', () => {
    // All of a cluster's m values equal: the n = G·m values carry G values' information.
    // CR1 variance / plain variance = G·m·(n − 1)/((G − 1)·n) = (n − 1)/(G − 1) by algebra.
    const G = 8;
    const m = 5;
    const values = Array.from({ length: G * m }, (_, i) => Math.floor(i / m) ** 1.5);
    const labels = values.map((_, i) => Math.floor(i / m));
    const r = clusteredMean(values, summariseClusters(values, labels));
    expect(r?.designEffect).toBeCloseTo((G * m - 1) / (G - 1), 10);
  });

  it('clustering with one example per cluster equals unclustered', () => {
    const value = fc.integer({ min: -10_000, max: 10_000 }).map((v) => v / 100);
    fc.assert(
      fc.property(fc.array(value, { minLength: 2, maxLength: 80 }), (xs) => {
        const ids = xs.map((_, i) => i);
        const r = clusteredMean(xs, summariseClusters(xs, ids));
        const plain = meanSummary(xs);
        if (!r || !plain) throw new Error('no summary');
        expect(r.clusterSe).toBeCloseTo(plain.se, 12);
        if (plain.se > 0) expect(r.designEffect).toBeCloseTo(1, 10);
      }),
      { numRuns: 200 },
    );
  });

  it('one cluster, or fewer than 2 values: no clustered standard error, never NaN', () => {
    const one = clusteredMean([1, 2, 3], summariseClusters([1, 2, 3], [7, 7, 7]));
    expect(one?.clusterSe).toBeNull();
    expect(one?.designEffect).toBeNull();
    expect(clusteredMean([1], summariseClusters([1], [0]))).toBeNull();
    const ties = clusteredMean([2, 2, 2, 2], summariseClusters([2, 2, 2, 2], [0, 0, 1, 1]));
    expect(ties?.clusterSe).toBe(0);
    expect(ties?.designEffect).toBe(1);
  });
});
