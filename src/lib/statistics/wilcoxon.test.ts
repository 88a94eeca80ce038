// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { wilcoxonSignedRank } from './wilcoxon';

describe('Wilcoxon signed-rank test', () => {
  it('Hollander & Wolfe depression data (R wilcox.test example): V = 40, p = 0.03906', () => {
    // R documentation of wilcox.test: V = 40, p-value = 0.01953 one-sided ("greater"), so
    // 0.0390625 two-sided; scipy 1.10.1 wilcoxon(x - y, mode='exact') agrees.
    const x = [1.83, 0.5, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.3];
    const y = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29];
    const r = wilcoxonSignedRank(x.map((v, i) => v - (y[i] as number)));
    expect(r).toMatchObject({ v: 40, n: 9, zeros: 0, exact: true });
    expect(r?.pValue).toBeCloseTo(0.0390625, 12);
  });

  it('ties and zeros: zeros dropped, mid-ranks, normal approximation with corrections', () => {
    // scipy 1.10.1: wilcoxon(d, zero_method='wilcox', correction=True, mode='approx')
    // .pvalue = 0.0023099378701190707 (R's wilcox.test(d, exact = FALSE) gives the same);
    // V = 141 over the 17 non-zero differences (scipy.stats.rankdata mid-ranks).
    const d = [1, 2, 2, 0, -1, 3, 3, 3, 0, 4, -2, 5, 1, 2, 6, -1, 0, 2, 3, 4];
    const r = wilcoxonSignedRank(d);
    expect(r).toMatchObject({ v: 141, n: 17, zeros: 3, exact: false });
    expect(r?.pValue).toBeCloseTo(0.0023099378701190707, 12);
  });

  it('is symmetric, and says nothing when every difference is zero', () => {
    const d = [0.3, -1.2, 2.5, 0.8, 1.1, -0.4, 2.2];
    expect(wilcoxonSignedRank(d.map((v) => -v))?.pValue).toBeCloseTo(
      wilcoxonSignedRank(d)?.pValue ?? -1,
      14,
    );
    expect(wilcoxonSignedRank([0, 0, 0])).toBeNull();
    expect(wilcoxonSignedRank([])).toBeNull();
    // One tie group of equal magnitudes, half up half down: no evidence at all.
    expect(wilcoxonSignedRank([1, -1, 1, -1])?.pValue).toBe(1);
  });
});
