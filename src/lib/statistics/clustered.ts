/**
 * Standard errors of a mean when values come in clusters (several questions about one
 * document, one topic, one customer): the cluster-robust ("sandwich", CR1) standard error,
 * the plain one, and the design effect between them.
 */

export interface MeanSummary {
  n: number;
  mean: number;
  /** Sample standard deviation (n − 1). */
  sd: number;
  /** sd / √n. */
  se: number;
}

export interface ClusterSummary {
  /** Clusters with at least one value. */
  clusters: number;
  /** Per cluster (in order of first appearance): the sum of its values and how many. */
  sums: Float64Array;
  sizes: Float64Array;
}

export interface ClusteredMean extends MeanSummary {
  clusters: number;
  /** Cluster-robust (CR1) standard error of the mean; null with fewer than 2 clusters. */
  clusterSe: number | null;
  /** (clusterSe / se)²: how many times the variance of the mean grows from clustering. */
  designEffect: number | null;
}

/** Mean, sample SD and SE of `values`; null with fewer than 2 values. */
export function meanSummary(values: ArrayLike<number>): MeanSummary | null {
  const n = values.length;
  if (n < 2) return null;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i] as number;
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = (values[i] as number) - mean;
    ss += d * d;
  }
  const sd = Math.sqrt(ss / (n - 1));
  return { n, mean, sd, se: sd / Math.sqrt(n) };
}

/**
 * Groups `values` by `cluster` (any integer labels; values with the same label form one
 * cluster). Clusters are numbered by first appearance so the result does not depend on the
 * labels' values, only on the grouping.
 */
export function summariseClusters(
  values: ArrayLike<number>,
  cluster: ArrayLike<number>,
): ClusterSummary {
  const index = new Map<number, number>();
  const sums: number[] = [];
  const sizes: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const label = cluster[i] as number;
    let k = index.get(label);
    if (k === undefined) {
      k = sums.length;
      index.set(label, k);
      sums.push(0);
      sizes.push(0);
    }
    sums[k] = (sums[k] as number) + (values[i] as number);
    sizes[k] = (sizes[k] as number) + 1;
  }
  return { clusters: sums.length, sums: Float64Array.from(sums), sizes: Float64Array.from(sizes) };
}

/**
 * The mean with its plain and cluster-robust standard errors. The CR1 variance of a mean is
 * G/(G−1) · Σ_g (Σ_{i∈g} (x_i − x̄))² / n², the intercept-only case of the Liang–Zeger
 * sandwich with Stata's small-sample factor (for one parameter (n−1)/(n−k) is 1). With one
 * value per cluster it equals s²/n exactly, so clustering by a unique id changes nothing.
 */
export function clusteredMean(
  values: ArrayLike<number>,
  summary: ClusterSummary,
): ClusteredMean | null {
  const plain = meanSummary(values);
  if (!plain) return null;
  const g = summary.clusters;
  let clusterSe: number | null = null;
  if (g >= 2) {
    let meat = 0;
    for (let k = 0; k < g; k++) {
      const residualSum = (summary.sums[k] as number) - (summary.sizes[k] as number) * plain.mean;
      meat += residualSum * residualSum;
    }
    clusterSe = Math.sqrt(((g / (g - 1)) * meat) / (plain.n * plain.n));
  }
  let designEffect: number | null = null;
  if (clusterSe !== null && plain.se > 0) designEffect = (clusterSe / plain.se) ** 2;
  else if (clusterSe !== null && clusterSe === 0 && plain.se === 0) designEffect = 1;
  return { ...plain, clusters: g, clusterSe, designEffect };
}
