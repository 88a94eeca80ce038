/**
 * Exact binomial tail probabilities, computed in log space so they stay finite and accurate
 * for n up to 100,000 and beyond (direct products of C(n, k) overflow past n ≈ 1,000).
 */

const TABLE_SIZE = 256;
const LOG_FACTORIAL_TABLE = (() => {
  const table = new Float64Array(TABLE_SIZE);
  for (let i = 2; i < TABLE_SIZE; i++) table[i] = (table[i - 1] ?? 0) + Math.log(i);
  return table;
})();

const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** ln(n!) for a non-negative integer n: exact sums for small n, Stirling's series beyond. */
export function logFactorial(n: number): number {
  if (n < 0 || !Number.isInteger(n))
    throw new RangeError(`logFactorial needs an integer ≥ 0, got ${n}`);
  if (n < TABLE_SIZE) return LOG_FACTORIAL_TABLE[n] ?? 0;
  // Truncation error of this series at n ≥ 256 is below 1e-20, far under double precision.
  const inv = 1 / n;
  const inv2 = inv * inv;
  return (
    n * Math.log(n) -
    n +
    HALF_LOG_TWO_PI +
    0.5 * Math.log(n) +
    inv * (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 / 1680)))
  );
}

export function logChoose(n: number, k: number): number {
  if (k < 0 || k > n) return Number.NEGATIVE_INFINITY;
  return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
}

export function binomialLogPmf(k: number, n: number, p: number): number {
  if (k < 0 || k > n) return Number.NEGATIVE_INFINITY;
  if (p <= 0) return k === 0 ? 0 : Number.NEGATIVE_INFINITY;
  if (p >= 1) return k === n ? 0 : Number.NEGATIVE_INFINITY;
  return logChoose(n, k) + k * Math.log(p) + (n - k) * Math.log1p(-p);
}

function checkArgs(n: number, p: number): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be an integer ≥ 0, got ${n}`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`p must be in [0, 1], got ${p}`);
}

/**
 * ln P(X ≤ k), summed from the largest term outwards as ratios of neighbours, so every
 * addend is ≤ 1 relative to the first and nothing underflows before the final log.
 * Only used when k is at or below the mode, where terms shrink as i decreases.
 */
function logLowerTailBelowMode(k: number, n: number, p: number): number {
  const oddsDown = (1 - p) / p;
  let term = 1;
  let sum = 1;
  for (let i = k; i > 0; i--) {
    term *= (i / (n - i + 1)) * oddsDown;
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return binomialLogPmf(k, n, p) + Math.log(sum);
}

/** ln P(X ≥ k) for k at or above the mode, mirrored from the lower-tail sum. */
function logUpperTailAboveMode(k: number, n: number, p: number): number {
  const oddsUp = p / (1 - p);
  let term = 1;
  let sum = 1;
  for (let i = k; i < n; i++) {
    term *= ((n - i) / (i + 1)) * oddsUp;
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return binomialLogPmf(k, n, p) + Math.log(sum);
}

/** ln P(X ≤ k) for X ~ Binomial(n, p). */
export function logBinomialLowerTail(k: number, n: number, p: number): number {
  checkArgs(n, p);
  if (k < 0) return Number.NEGATIVE_INFINITY;
  if (k >= n) return 0;
  if (p === 0) return 0;
  if (p === 1) return Number.NEGATIVE_INFINITY;
  const mode = Math.floor((n + 1) * p);
  const kk = Math.floor(k);
  if (kk <= mode) return logLowerTailBelowMode(kk, n, p);
  // Past the mode the lower tail is large, so 1 − (small upper tail) loses nothing.
  return Math.log1p(-Math.exp(logUpperTailAboveMode(kk + 1, n, p)));
}

/** ln P(X ≥ k) for X ~ Binomial(n, p). */
export function logBinomialUpperTail(k: number, n: number, p: number): number {
  checkArgs(n, p);
  if (k <= 0) return 0;
  if (k > n) return Number.NEGATIVE_INFINITY;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return 0;
  const mode = Math.floor((n + 1) * p);
  const kk = Math.ceil(k);
  if (kk >= mode) return logUpperTailAboveMode(kk, n, p);
  return Math.log1p(-Math.exp(logLowerTailBelowMode(kk - 1, n, p)));
}

export function binomialLowerTail(k: number, n: number, p: number): number {
  return Math.exp(logBinomialLowerTail(k, n, p));
}

export function binomialUpperTail(k: number, n: number, p: number): number {
  return Math.exp(logBinomialUpperTail(k, n, p));
}

/**
 * Exact two-sided p-value for k successes out of n under p = ½ (sign test and exact McNemar).
 * The null is symmetric, so doubling the smaller tail equals summing every outcome at most as
 * likely as the one observed. Null when n = 0: with no informative pairs there is no test.
 */
export function exactTwoSidedHalf(k: number, n: number): number | null {
  if (!Number.isInteger(n) || n <= 0 || !Number.isInteger(k) || k < 0 || k > n) return null;
  const smaller = Math.min(k, n - k);
  const logP = Math.LN2 + logBinomialLowerTail(smaller, n, 0.5);
  return logP >= 0 ? 1 : Math.exp(logP);
}
