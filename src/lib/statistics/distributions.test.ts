// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  chiSquareSf,
  logGamma,
  normalCdf,
  normalQuantile,
  regularizedBeta,
  studentTCdf,
  studentTQuantile,
} from './distributions';

/** |actual − expected| ≤ rel·|expected| (plus a tiny absolute floor near 0). */
function close(actual: number, expected: number, rel = 1e-12) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.abs(expected) + 1e-300);
}

// Expected values: scipy 1.10.1, `scipy.stats.norm.cdf(x)`.
const NORMAL_CDF: [number, number][] = [
  [-8, 6.22096057427174e-16],
  [-3, 0.0013498980316300933],
  [-1.96, 0.024997895148220435],
  [-0.5, 0.3085375387259869],
  [0, 0.5],
  [0.3, 0.6179114221889526],
  [1.2, 0.8849303297782918],
  [2.5, 0.9937903346742238],
  [5, 0.9999997133484281],
];

// scipy 1.10.1, `scipy.stats.norm.ppf(p)`.
const NORMAL_PPF: [number, number][] = [
  [1e-12, -7.034483825301131],
  [1e-5, -4.264890793922825],
  [0.001, -3.090232306167813],
  [0.025, -1.9599639845400545],
  [0.2, -0.8416212335729142],
  [0.8, 0.8416212335729143],
  [0.975, 1.959963984540054],
  [0.999, 3.090232306167813],
  [1 - 1e-9, 5.997807019601637],
];

// mpmath 1.2.1 at 40 digits: `findroot(lambda t: tcdf(t, df) - p)` with the t CDF written
// through `betainc` (scipy 1.10.1's `t.ppf` is itself off by up to 2e-9 here, so it is not
// the reference). Columns: df, the 0.975, 0.995 and 0.1 quantiles.
const T_PPF: [number, number, number, number][] = [
  [1, 12.706204736174692, 63.656741162871526, -3.077683537175253],
  [2, 4.302652729749462, 9.92484320091829, -1.8856180831641267],
  [3, 3.182446305283708, 5.840909309733355, -1.6377443536962102],
  [4, 2.7764451051977934, 4.604094871349992, -1.5332062740589438],
  [9, 2.262157162798205, 3.249835541592126, -1.3830287383966322],
  [29, 2.045229642132704, 2.7563859036706053, -1.311433647301551],
  [79, 1.9904502102301285, 2.63950462745322, -1.2923598283954365],
  [1000, 1.962339080826408, 2.5807546980659506, -1.2823987214609245],
];

// scipy 1.10.1, `scipy.stats.t.cdf(t, df)`.
const T_CDF: [number, number, number][] = [
  [1, 1.0, 0.7500000000000002],
  [2, -2.5, 0.0648058601107554],
  [4, 2.776, 0.9749886108400118],
  [10, 0.7, 0.7500562149135578],
  [29, -3.1, 0.002139091186777785],
  [200, 1.97, 0.9748906977409375],
  [5, 12.0, 0.9999645525374142],
];

describe('normal distribution', () => {
  it.each(NORMAL_CDF)('Φ(%d) matches scipy', (x, expected) => close(normalCdf(x), expected, 1e-13));
  it.each(NORMAL_PPF)('Φ⁻¹(%d) matches scipy', (p, expected) =>
    close(normalQuantile(p), expected, 1e-14),
  );
  it('quantile and CDF invert each other; edges are infinite, bad input is NaN', () => {
    for (const p of [1e-300, 1e-20, 0.01, 0.3, 0.5, 0.77, 0.99])
      close(normalCdf(normalQuantile(p)), p, 1e-13);
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(normalQuantile(1.5)).toBeNaN();
    expect(normalCdf(Number.NaN)).toBeNaN();
  });
});

describe('Student t distribution', () => {
  it.each(T_PPF)('quantiles with %d degrees of freedom match scipy', (df, q975, q995, q10) => {
    close(studentTQuantile(0.975, df), q975, 1e-12);
    close(studentTQuantile(0.995, df), q995, 1e-12);
    close(studentTQuantile(0.1, df), q10, 1e-12);
    close(studentTQuantile(0.025, df), -q975, 1e-12);
  });
  it.each(T_CDF)('CDF with %d degrees of freedom at %d matches scipy', (df, t, expected) =>
    close(studentTCdf(t, df), expected, 1e-12),
  );
  it('tends to the normal as the degrees of freedom grow', () => {
    close(studentTQuantile(0.975, Number.POSITIVE_INFINITY), 1.959963984540054, 1e-14);
    close(studentTQuantile(0.975, 1e7), 1.959963984540054, 1e-6);
  });
  it('fractional degrees of freedom lie between their integer neighbours', () => {
    const q = studentTQuantile(0.975, 4.5);
    expect(q).toBeLessThan(2.7764451051977934);
    expect(q).toBeGreaterThan(2.5705818356363146); // df = 5, mpmath as above
  });
});

describe('gamma, beta and chi-square', () => {
  it('log Γ of integers is log of factorials; Γ(½) = √π', () => {
    expect(Math.abs(logGamma(1))).toBeLessThan(1e-15);
    close(logGamma(11), Math.log(3628800), 1e-14);
    close(logGamma(0.5), 0.5 * Math.log(Math.PI), 1e-14);
  });
  it('I_x(a, 1) = x^a and I_x(1, b) = 1 − (1 − x)^b', () => {
    close(regularizedBeta(0.3, 2.5, 1), 0.3 ** 2.5, 1e-13);
    close(regularizedBeta(0.3, 1, 4), 1 - 0.7 ** 4, 1e-13);
  });
  // scipy 1.10.1, `scipy.stats.chi2.sf(x, df)`.
  it.each([
    [1, 3.84, 0.05004352124870519],
    [2, 10.0, 0.006737946999085468],
    [4, 1.2, 0.8780986177504424],
    [9, 20.0, 0.017912404529843298],
  ])('chi-square upper tail, %d df at %d, matches scipy', (df, x, expected) =>
    close(chiSquareSf(x, df), expected, 1e-12),
  );
});
