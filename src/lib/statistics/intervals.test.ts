// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bootstrapMeanInterval,
  clusterBootstrapMeanInterval,
  DEFAULT_SEED,
  tInterval,
  wilsonInterval,
} from './intervals';
import { mulberry32 } from './prng';

describe('Wilson interval', () => {
  it('81 of 263 at 95 % is 0.2553 to 0.3662', () => {
    // statsmodels 0.13.5: proportion_confint(81, 263, method='wilson')
    // = (0.2552885198782742, 0.36620957698280004); the worked example.
    const w = wilsonInterval(81, 263);
    expect(w?.low).toBeCloseTo(0.2552885198782742, 12);
    expect(w?.high).toBeCloseTo(0.36620957698280004, 12);
  });

  it('stays inside [0, 1] at 0 and n successes', () => {
    // statsmodels 0.13.5: proportion_confint(0, 10, method='wilson') = (0.0, 0.27753279986288926)
    const none = wilsonInterval(0, 10);
    expect(none?.low).toBe(0);
    expect(none?.high).toBeCloseTo(0.27753279986288926, 12);
    const all = wilsonInterval(10, 10);
    expect(all?.low).toBeCloseTo(0.7224672001371106, 12);
    expect(all?.high).toBe(1);
  });

  it('refuses bad input (n = 0, negative or fractional counts) with null, never NaN', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(wilsonInterval(-1, 10)).toBeNull();
    expect(wilsonInterval(11, 10)).toBeNull();
    expect(wilsonInterval(1, 2.5)).toBeNull();
    expect(wilsonInterval(Number.NaN, 10)).toBeNull();
  });
});

describe('t interval', () => {
  it('is mean ± t(df)·se: the cluster example with 5 clusters uses t with 4 df', () => {
    // se from statsmodels 0.13.5 (see clustered.test.ts); t(0.975, 4) = 2.7764451051977935.
    const i = tInterval(2.975, 0.6179814250175056, 4);
    expect(i?.low).toBeCloseTo(2.975 - 2.7764451051977934 * 0.6179814250175056, 12);
    expect(i?.high).toBeCloseTo(2.975 + 2.7764451051977934 * 0.6179814250175056, 12);
  });

  it('with infinite df is the z interval; bad input gives null', () => {
    const i = tInterval(0, 1, Number.POSITIVE_INFINITY);
    expect(i?.high).toBeCloseTo(1.959963984540054, 13);
    expect(tInterval(Number.NaN, 1, 3)).toBeNull();
    expect(tInterval(0, Number.POSITIVE_INFINITY, 3)).toBeNull();
    expect(tInterval(0, 1, 0)).toBeNull();
  });
});

describe('bootstrap intervals', () => {
  const values = Float64Array.from({ length: 120 }, (_, i) => Math.sin(i) + 0.1);

  it('replays the mulberry32 sequence of prng.ts (the inlined generator must not drift)', () => {
    const random = mulberry32(DEFAULT_SEED);
    const n = values.length;
    const means = new Float64Array(2000);
    for (let b = 0; b < 2000; b++) {
      let sum = 0;
      for (let j = 0; j < n; j++) sum += values[Math.floor(random() * n)] ?? 0;
      means[b] = sum / n;
    }
    means.sort();
    // Order statistics 50 and 1949 of 2000 (0-based): round(0.025 · 1999) and its mirror.
    expect(bootstrapMeanInterval(values)).toEqual({ low: means[50], high: means[1949] });
  });

  it('with fewer than 2 values there is no interval', () => {
    expect(bootstrapMeanInterval(new Float64Array([1]))).toBeNull();
    expect(clusterBootstrapMeanInterval(new Float64Array([3]), new Float64Array([2]))).toBeNull();
  });

  it('clustering with one example per cluster equals the unclustered bootstrap', () => {
    const grid = fc.integer({ min: -1000, max: 1000 }).map((v) => v / 100);
    fc.assert(
      fc.property(fc.array(grid, { minLength: 2, maxLength: 60 }), fc.nat(), (xs, seed) => {
        const v = Float64Array.from(xs);
        const ones = new Float64Array(xs.length).fill(1);
        expect(clusterBootstrapMeanInterval(v, ones, { seed })).toEqual(
          bootstrapMeanInterval(v, { seed }),
        );
      }),
      { numRuns: 100 },
    );
  });

  it('resampling whole clusters widens the interval when clusters share their values', () => {
    // 20 clusters of 10 identical values: really only 20 independent values, not 200.
    const clusterValues = Array.from({ length: 20 }, (_, g) => Math.cos(g * 1.7));
    const flat = Float64Array.from(clusterValues.flatMap((v) => Array(10).fill(v)));
    const plain = bootstrapMeanInterval(flat);
    const clustered = clusterBootstrapMeanInterval(
      Float64Array.from(clusterValues, (v) => v * 10),
      new Float64Array(20).fill(10),
    );
    if (!plain || !clustered) throw new Error('no interval');
    const ratio = (clustered.high - clustered.low) / (plain.high - plain.low);
    // The variance of the mean grows by about the cluster size, so the width by about √10.
    expect(ratio).toBeGreaterThan(2.5);
    expect(ratio).toBeLessThan(3.8);
  });
});
