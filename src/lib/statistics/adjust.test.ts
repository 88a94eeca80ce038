// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adjustPValues } from './adjust';

// Benjamini & Hochberg (1995), §4.1: the 15 p-values of Neuhaus et al.'s thrombolysis trial.
// The paper: the step-up procedure rejects 4 at q = 0.05; the Bonferroni-type procedures
// (Holm's among them) reject 3.
const BH_1995 = [
  0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.324, 0.4262, 0.5719,
  0.6528, 0.759, 1.0,
];
// statsmodels 0.13.5: multipletests(BH_1995, alpha=0.05, method='holm')[1], rounded to 6 places.
const HOLM = [0.0015, 0.0056, 0.0247, 0.114, 0.2211, 0.278, 0.278, 0.278, 0.3213, 1, 1, 1, 1, 1, 1];
// statsmodels 0.13.5: multipletests(BH_1995, alpha=0.05, method='fdr_bh')[1], rounded to 6 places.
const BH = [
  0.0015, 0.003, 0.0095, 0.035625, 0.0603, 0.063857, 0.063857, 0.0645, 0.0765, 0.486, 0.581182,
  0.714875, 0.753231, 0.813214, 1,
];

const rejected = (ps: (number | null)[]) => ps.filter((p) => p !== null && p < 0.05).length;

describe('adjustPValues on Benjamini & Hochberg (1995)', () => {
  it('Holm matches statsmodels and rejects 3', () => {
    const adjusted = adjustPValues(BH_1995, 'holm');
    adjusted.forEach((p, i) => {
      expect(p).toBeCloseTo(HOLM[i] as number, 6);
    });
    expect(rejected(adjusted)).toBe(3);
  });

  it('Benjamini–Hochberg matches statsmodels and rejects 4', () => {
    const adjusted = adjustPValues(BH_1995, 'bh');
    adjusted.forEach((p, i) => {
      expect(p).toBeCloseTo(BH[i] as number, 6);
    });
    expect(rejected(adjusted)).toBe(4);
  });

  it('keeps the input order and leaves untested entries (null) out of the count', () => {
    const shuffled = [BH_1995[14], null, BH_1995[0], BH_1995[3], null] as (number | null)[];
    const out = adjustPValues(shuffled, 'holm');
    // 3 tests: Holm multiplies the smallest by 3, the next by 2, the last by 1.
    expect(out[1]).toBeNull();
    expect(out[4]).toBeNull();
    expect(out[2]).toBeCloseTo(0.0003, 12);
    expect(out[3]).toBeCloseTo(0.019, 12);
    expect(out[0]).toBe(1);
    expect(adjustPValues(shuffled, 'none')).toEqual(shuffled);
  });
});

describe('properties', () => {
  const pList = fc.array(fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }), {
    maxLength: 40,
  });

  it('adjusted p ≥ raw p, and at most 1', () => {
    fc.assert(
      fc.property(pList, fc.constantFrom('holm' as const, 'bh' as const), (ps, method) => {
        adjustPValues(ps, method).forEach((adj, i) => {
          const raw = ps[i] ?? null;
          if (raw === null) expect(adj).toBeNull();
          else {
            expect(adj).not.toBeNull();
            expect(adj as number).toBeGreaterThanOrEqual(raw);
            expect(adj as number).toBeLessThanOrEqual(1);
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it('Holm never rejects more than unadjusted, and never more than Benjamini–Hochberg', () => {
    fc.assert(
      fc.property(pList, fc.double({ min: 0.001, max: 0.2, noNaN: true }), (ps, alpha) => {
        const count = (xs: (number | null)[]) => xs.filter((p) => p !== null && p < alpha).length;
        const holm = count(adjustPValues(ps, 'holm'));
        expect(holm).toBeLessThanOrEqual(count(ps));
        expect(holm).toBeLessThanOrEqual(count(adjustPValues(ps, 'bh')));
      }),
      { numRuns: 300 },
    );
  });

  it('adjusting keeps the order of the p-values', () => {
    fc.assert(
      fc.property(pList, fc.constantFrom('holm' as const, 'bh' as const), (ps, method) => {
        const adj = adjustPValues(ps, method);
        for (let i = 0; i < ps.length; i++)
          for (let j = 0; j < ps.length; j++) {
            const a = ps[i];
            const b = ps[j];
            if (a != null && b != null && a < b)
              expect(adj[i] as number).toBeLessThanOrEqual(adj[j] as number);
          }
      }),
      { numRuns: 200 },
    );
  });
});
