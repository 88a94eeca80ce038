import { describe, expect, it } from 'vitest';
import {
  formatDiff,
  formatEstimate,
  formatInterval,
  formatMagnitude,
  formatMean,
  formatNumber,
  formatPCompact,
  formatPValue,
  formatShift,
  percentChangeText,
  unitName,
} from './format-stats';
import type { PairedResult } from './types';
import { verdict } from './verdict';

function result(overrides: Partial<PairedResult>): PairedResult {
  return {
    key: 'score',
    sessionId: 's1',
    name: 'Session 1',
    baselineId: 'base',
    baselineName: 'Baseline',
    kind: 'numeric',
    direction: 'higher',
    n: 40,
    baselineMean: 0.5,
    sessionMean: 0.6,
    meanDiff: 0.1,
    sdDiff: 0.16,
    se: 0.025,
    ciLow: 0.05,
    ciHigh: 0.15,
    interval: { method: 'bootstrap', resamples: 2000, df: null },
    pValue: 0.002,
    adjustedP: overrides.pValue ?? 0.002,
    test: 'permutation',
    exact: false,
    permutations: 10_000,
    wilcoxon: null,
    mde: 0.07,
    wins: 25,
    losses: 8,
    ties: 7,
    singleValue: null,
    flips: null,
    baselineOnly: 0,
    sessionOnly: 0,
    clustering: null,
    repetitions: null,
    ...overrides,
  };
}

describe('verdict', () => {
  it('calls a clear improvement better', () => {
    const v = verdict(result({}));
    expect(v.label).toBe('better');
    expect(v.reason).toContain('excludes 0');
    expect(v.reason).toContain('p = 0.002');
    expect(v.reason).toContain('25 wins, 8 losses, 7 ties over 40 examples');
  });

  it('calls a clear regression worse', () => {
    const v = verdict(result({ meanDiff: -0.1, ciLow: -0.15, ciHigh: -0.05, wins: 8, losses: 25 }));
    expect(v.label).toBe('worse');
  });

  it('respects direction: lower latency is better', () => {
    const v = verdict(
      result({ kind: 'metric', direction: 'lower', meanDiff: -0.3, ciLow: -0.4, ciHigh: -0.2 }),
    );
    expect(v.label).toBe('better');
    const w = verdict(
      result({
        kind: 'metric',
        direction: 'lower',
        meanDiff: 0.3,
        ciLow: 0.2,
        ciHigh: 0.4,
        wins: 8,
        losses: 25,
      }),
    );
    expect(w.label).toBe('worse');
  });

  it('never calls a win when the interval includes 0, and says the evidence is thin', () => {
    for (const [low, high] of [
      [-0.01, 0.2],
      [0, 0.2],
      [-0.2, 0],
    ] as const) {
      const v = verdict(result({ ciLow: low, ciHigh: high, pValue: 0.0001 }));
      expect(v.label).toBe('no clear difference');
      expect(v.reason).toMatch(/^Thin evidence: the 95% interval .* includes 0/);
    }
  });

  it('flags thin evidence below 10 pairs even when the result is clear', () => {
    // 7 of 7 wins: p = 2 / 2^7 = 0.015625
    const v = verdict(result({ n: 7, wins: 7, losses: 0, ties: 0, pValue: 0.015625 }));
    expect(v.label).toBe('better');
    expect(v.reason).toMatch(/^Thin evidence: only 7 paired examples\./);
    const w = verdict(result({ n: 7, ciLow: -0.1, wins: 4, losses: 3, ties: 0, pValue: 1 }));
    expect(w.label).toBe('no clear difference');
    expect(w.reason).toMatch(/^Thin evidence: only 7 paired examples, and the 95% interval/);
  });

  it('needs the test to agree', () => {
    // 5 of 5 wins: p = 2 / 32 = 0.0625, the interval alone is not enough.
    const v = verdict(result({ n: 5, wins: 5, losses: 0, ties: 0, pValue: 0.0625 }));
    expect(v.label).toBe('no clear difference');
    expect(v.reason).toContain(
      'permutation test (10,000 random sign flips) does not confirm it: p = 0.063',
    );
  });

  it('bases the verdict on the adjusted p and shows raw and adjusted side by side', () => {
    const r = result({ pValue: 0.004, adjustedP: 0.08 });
    const v = verdict(r, { method: 'holm', tests: 20 });
    expect(v.label).toBe('no clear difference');
    expect(v.reason).toContain('p = 0.004, adjusted = 0.08 (Holm over 20 tests)');
    expect(v.reason).toContain(', after adjusting, does not confirm it');
    const ok = verdict(result({ pValue: 0.0004, adjustedP: 0.008 }), { method: 'bh', tests: 20 });
    expect(ok.label).toBe('better');
    expect(ok.reason).toContain('p < 0.001, adjusted = 0.008 (Benjamini–Hochberg over 20 tests)');
  });

  it('a "no clear difference" says what difference the eval could have seen', () => {
    const r = result({ ciLow: -0.02, ciHigh: 0.12, n: 40, se: 0.03, mde: 0.084 });
    const v = verdict(r);
    expect(v.reason).toContain(
      'With 40 paired examples and this spread, a true difference of 0.084 would go unseen 20% of the time (80% power, α 0.05); smaller ones more often.',
    );
    // Caring about 0.2 = 6.67 SE: power Φ(6.67 − 1.96) ≈ 1. Caring about 0.05 = 1.67 SE:
    // power Φ(1.667 − 1.96) + Φ(−1.667 − 1.96) = 0.3849 (scipy 1.10.1: norm.cdf(-0.29330)
    // + norm.cdf(-3.62663)); 80 % needs 40·(2.8016·0.03/0.05)² = 113.03, so 114 examples.
    expect(verdict(r, { careAbout: 0.2 }).reason).toContain(
      'It could have seen a difference of 0.2 (power 100%)',
    );
    expect(verdict(r, { careAbout: 0.05 }).reason).toContain(
      'It could not reliably see a difference of 0.05 (power 38%); about 114 examples would be needed for 80%.',
    );
  });

  it('singular words read naturally', () => {
    const v = verdict(result({ n: 12, wins: 10, losses: 1, ties: 1, pValue: 0.01 }));
    expect(v.reason).toContain('10 wins, 1 loss, 1 tie over 12 examples');
  });
});

describe('formatting', () => {
  it('formats p-values', () => {
    expect(formatPValue(0.031)).toBe('p = 0.031');
    expect(formatPValue(0.021484375)).toBe('p = 0.021');
    expect(formatPValue(0.0004)).toBe('p < 0.001');
    expect(formatPValue(0.5)).toBe('p = 0.5');
    expect(formatPValue(1)).toBe('p = 1');
    expect(formatPValue(null)).toBe('no test');
    expect(formatPCompact(0.0123)).toBe('p=0.012');
    expect(formatPCompact(0.004)).toBe('p=0.004');
    expect(formatPCompact(0.00001)).toBe('p<0.001');
  });

  it('formats numbers, differences and intervals with explicit signs', () => {
    expect(formatNumber(12345.6)).toBe('12,346');
    expect(formatNumber(1.23456)).toBe('1.235');
    expect(formatNumber(0.000123456)).toBe('0.000123');
    expect(formatNumber(-0.5)).toBe('−0.5');
    expect(formatNumber(null)).toBe('—');
    expect(formatDiff(0.25, 'numeric')).toBe('+0.25');
    expect(formatDiff(-0.25, 'numeric')).toBe('−0.25');
    expect(formatDiff(0, 'numeric')).toBe('0');
    expect(formatDiff(0.4, 'binary')).toBe('+40.0 pp');
    expect(formatMean(0.7, 'binary')).toBe('70.0%');
    expect(formatInterval(-0.1, 0.2, 'numeric')).toBe('−0.1 to +0.2');
    expect(formatShift(-30)).toBe('−30.0 pp');
    expect(formatShift(0)).toBe('0.0 pp');
  });

  const latency = { kind: 'metric', key: 'latency' } as const;
  const cost = { kind: 'metric', key: 'cost' } as const;

  it('shows a difference and its interval in one precision', () => {
    // The issue's own example: "+0.0385 to +0.244" mixed 4 and 3 decimals.
    expect(formatInterval(0.0385, 0.244, 'numeric', 0.141)).toBe('+0.039 to +0.244');
    expect(formatEstimate(0.141, 0.0385, 0.244, 'numeric')).toBe('+0.141');
    // Shared trailing zeros are dropped from every number at once.
    expect(formatInterval(-0.1, 0.25, 'numeric', 0.1)).toBe('−0.10 to +0.25');
    expect(formatEstimate(0.1, -0.1, 0.25, 'numeric')).toBe('+0.10');
    expect(formatInterval(12.5, 40.25, 'numeric', 26)).toBe('+12.5 to +40.3');
  });

  it('gives latency and cost their units', () => {
    expect(formatEstimate(0.352, 0.12, 0.58, latency)).toBe('+352 ms');
    expect(formatInterval(0.12, 0.58, latency, 0.352)).toBe('+120 ms to +580 ms');
    expect(formatInterval(-1.5, 2.25, latency, 0.4)).toBe('−1.50 s to +2.25 s');
    expect(formatMean(1.234, latency)).toBe('1.23 s');
    expect(formatMean(0.0456, latency)).toBe('45.6 ms');
    expect(formatDiff(-0.00045, cost)).toBe('−$0.00045');
    expect(formatInterval(-0.0008, 0.0001, cost, -0.00045)).toBe('−$0.00080 to +$0.00010');
    expect(formatMagnitude(0.0021, cost)).toBe('$0.0021');
    expect(unitName(latency)).toBe('seconds');
    expect(unitName(cost)).toBe('US dollars');
    expect(unitName({ kind: 'numeric', key: 'helpfulness' })).toBe('helpfulness units');
  });

  it('adds the % change against the baseline to metrics only', () => {
    expect(percentChangeText({ kind: 'metric', meanDiff: 0.5, baselineMean: 2 })).toBe(
      ' (+25% vs baseline)',
    );
    expect(percentChangeText({ kind: 'metric', meanDiff: -0.0001, baselineMean: 0.0016 })).toBe(
      ' (−6.3% vs baseline)',
    );
    expect(percentChangeText({ kind: 'numeric', meanDiff: 0.5, baselineMean: 2 })).toBe('');
    expect(percentChangeText({ kind: 'metric', meanDiff: 0.5, baselineMean: 0 })).toBe('');
  });
});
