/**
 * Adjusting p-values for multiple comparisons: a view with 7 experiments and 5 keys runs 35
 * tests, and at α 0.05 about two "wins" would appear by chance alone.
 *
 * - Holm (1979): step-down Bonferroni; controls the family-wise error rate under any
 *   dependence between the tests, and never rejects less than Bonferroni.
 * - Benjamini–Hochberg (1995): step-up; controls the false discovery rate (independent or
 *   positively dependent tests), rejects more than Holm when many effects are real.
 */

export const ADJUST_METHODS = ['holm', 'bh', 'none'] as const;
export type AdjustMethod = (typeof ADJUST_METHODS)[number];

/**
 * Adjusted p-values in the input order; nulls (no test ran) stay null and do not count
 * towards the number of tests. Adjusted values are ≥ the raw ones and at most 1.
 */
export function adjustPValues(
  pValues: readonly (number | null)[],
  method: AdjustMethod,
): (number | null)[] {
  const tested = pValues
    .map((p, index) => ({ p, index }))
    .filter((e): e is { p: number; index: number } => e.p !== null && Number.isFinite(e.p));
  const out: (number | null)[] = pValues.map((p) =>
    p !== null && Number.isFinite(p) ? Math.min(1, Math.max(0, p)) : null,
  );
  const m = tested.length;
  if (method === 'none' || m === 0) return out;
  // Stable order: equal p-values keep their input order, so results do not depend on sort.
  tested.sort((a, b) => a.p - b.p || a.index - b.index);
  if (method === 'holm') {
    let running = 0;
    tested.forEach((e, rank) => {
      running = Math.max(running, Math.min(1, (m - rank) * e.p));
      out[e.index] = running;
    });
  } else {
    let running = 1;
    for (let rank = m - 1; rank >= 0; rank--) {
      const e = tested[rank] as { p: number; index: number };
      running = Math.min(running, Math.min(1, (m / (rank + 1)) * e.p));
      out[e.index] = running;
    }
  }
  return out;
}
