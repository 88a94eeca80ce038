/**
 * Wilcoxon signed-rank test of paired differences (two-sided), as R's `wilcox.test(x, y,
 * paired = TRUE)` computes it: zeros are dropped (Wilcoxon's zero method, R's default), tied
 * magnitudes get their mean rank; exact when there are fewer than 50 differences and no ties
 * or zeros, otherwise the normal approximation with the tie and continuity corrections.
 */
import { normalCdf } from './distributions';

export const EXACT_BELOW = 50;

export interface WilcoxonResult {
  /** V: the sum of the ranks of the positive differences. */
  v: number;
  /** Non-zero differences ranked. */
  n: number;
  /** Zeros dropped. */
  zeros: number;
  pValue: number;
  exact: boolean;
}

/** Mean ranks of `values` (1-based), and Σ(t³ − t) over groups of t ties. */
function midranks(values: readonly number[]): { ranks: number[]; tieTerm: number } {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v);
  const ranks = new Array<number>(values.length).fill(0);
  let tieTerm = 0;
  for (let start = 0; start < order.length; ) {
    let end = start + 1;
    while (end < order.length && order[end]?.v === order[start]?.v) end++;
    const rank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) ranks[(order[k] as { i: number }).i] = rank;
    const t = end - start;
    tieTerm += t * t * t - t;
    start = end;
  }
  return { ranks, tieTerm };
}

/** P(V ≤ v) under the null for n untied ranks: counts of subsets of {1..n} by their sum. */
function signedRankCdf(v: number, n: number): number {
  const max = (n * (n + 1)) / 2;
  const counts = new Float64Array(max + 1);
  counts[0] = 1;
  for (let k = 1; k <= n; k++) {
    for (let s = (k * (k + 1)) / 2; s >= k; s--)
      counts[s] = (counts[s] ?? 0) + (counts[s - k] ?? 0);
  }
  let below = 0;
  for (let s = 0; s <= Math.min(v, max); s++) below += counts[s] ?? 0;
  return below / 2 ** n;
}

export function wilcoxonSignedRank(diffs: ArrayLike<number>): WilcoxonResult | null {
  const nonZero: number[] = [];
  let zeros = 0;
  for (let i = 0; i < diffs.length; i++) {
    const d = diffs[i] as number;
    if (!Number.isFinite(d)) continue;
    if (d === 0) zeros++;
    else nonZero.push(d);
  }
  const n = nonZero.length;
  if (n === 0) return null;
  const { ranks, tieTerm } = midranks(nonZero.map(Math.abs));
  let v = 0;
  nonZero.forEach((d, i) => {
    if (d > 0) v += ranks[i] as number;
  });
  if (n < EXACT_BELOW && tieTerm === 0 && zeros === 0) {
    const lower = signedRankCdf(v, n);
    const upper = 1 - signedRankCdf(v - 1, n);
    return { v, n, zeros, pValue: Math.min(1, 2 * Math.min(lower, upper)), exact: true };
  }
  const centre = v - (n * (n + 1)) / 4;
  const sigma = Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24 - tieTerm / 48);
  if (!(sigma > 0)) return { v, n, zeros, pValue: 1, exact: false };
  const z = (centre - Math.sign(centre) * 0.5) / sigma;
  const pValue = Math.min(1, 2 * Math.min(normalCdf(z), 1 - normalCdf(z)));
  return { v, n, zeros, pValue, exact: false };
}
