/** Statistics over the raw samples (quantiles, medians, ratios, frame times) and how numbers are written. Pure. */

// ---------- statistics ----------

export interface Summary {
  n: number;
  median: number | null;
  min: number | null;
  max: number | null;
  /** 25th and 75th percentiles (linear interpolation). */
  p25: number | null;
  p75: number | null;
  mean: number | null;
}

function finite(values: readonly (number | null | undefined)[]): number[] {
  return values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
}

/** Linear interpolation between closest ranks (numpy's default). Null for no values. */
export function quantile(values: readonly (number | null | undefined)[], q: number): number | null {
  const sorted = finite(values).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const clamped = Math.min(1, Math.max(0, q));
  const pos = (sorted.length - 1) * clamped;
  const lower = Math.floor(pos);
  const upper = Math.ceil(pos);
  const lo = sorted[lower] as number;
  const hi = sorted[upper] as number;
  return lo + (hi - lo) * (pos - lower);
}

export function median(values: readonly (number | null | undefined)[]): number | null {
  return quantile(values, 0.5);
}

export function summarise(values: readonly (number | null | undefined)[]): Summary {
  const xs = finite(values);
  if (xs.length === 0) {
    return { n: 0, median: null, min: null, max: null, p25: null, p75: null, mean: null };
  }
  return {
    n: xs.length,
    median: quantile(xs, 0.5),
    min: Math.min(...xs),
    max: Math.max(...xs),
    p25: quantile(xs, 0.25),
    p75: quantile(xs, 0.75),
    mean: xs.reduce((a, b) => a + b, 0) / xs.length,
  };
}

/** a / b, or null when either is missing or b is not positive. */
export function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
  if (typeof a !== 'number' || typeof b !== 'number') return null;
  if (!Number.isFinite(a) || !Number.isFinite(b) || b <= 0) return null;
  return a / b;
}

export interface FrameStats {
  frames: number;
  p50: number | null;
  p95: number | null;
  max: number | null;
  /** Share (0..1) of frames longer than `overMs`. */
  overShare: number | null;
  overMs: number;
}

export function frameStats(deltas: readonly number[], overMs = 50): FrameStats {
  const xs = finite(deltas);
  if (xs.length === 0) {
    return { frames: 0, p50: null, p95: null, max: null, overShare: null, overMs };
  }
  return {
    frames: xs.length,
    p50: quantile(xs, 0.5),
    p95: quantile(xs, 0.95),
    max: Math.max(...xs),
    overShare: xs.filter((d) => d > overMs).length / xs.length,
    overMs,
  };
}

// ---------- formatting ----------

export function formatMs(value: number | null | undefined, digits?: number): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '–';
  const places = digits ?? (Math.abs(value) < 10 ? 1 : 0);
  return `${value.toLocaleString('en-US', {
    minimumFractionDigits: places,
    maximumFractionDigits: places,
  })} ms`;
}

/** Decimal units (1 KB = 1,000 bytes), as budgets are stated. */
export function formatBytes(value: number | null | undefined): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '–';
  if (value < 1_000) return `${value} B`;
  if (value < 1_000_000) return `${(value / 1_000).toFixed(1)} KB`;
  if (value < 1_000_000_000) return `${(value / 1_000_000).toFixed(1)} MB`;
  return `${(value / 1_000_000_000).toFixed(2)} GB`;
}

export function formatRatio(value: number | null | undefined): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '–';
  return `${value.toFixed(2)}×`;
}

export function formatPercent(value: number | null | undefined): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '–';
  return `${(value * 100).toFixed(value > 0 && value < 0.01 ? 2 : 1)} %`;
}
