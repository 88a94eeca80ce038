/**
 * The scoreboard, computed: per experiment, each key's mean over examples with its 95 %
 * interval, the run metrics per example, and the leader of each column. Pure, so the bench
 * and the tests run it as the page does.
 */
import { type Interval, tInterval, wilsonInterval } from '../../lib/statistics/intervals';
import { markLeaders } from './board-marks';
import type {
  Board,
  BoardInput,
  BoardKey,
  BoardRow,
  BoardSessionInput,
  KeyCell,
  KeyMean,
} from './board-types';

/** Linear interpolation between closest ranks (numpy's default), as LangSmith reports p50/p99. */
export function percentile(values: ArrayLike<number>, q: number): number | null {
  return quantile(Float64Array.from(values).sort(), q);
}

/** `sorted` ascending. */
function quantile(sorted: Float64Array, q: number): number | null {
  if (sorted.length === 0) return null;
  const pos = (sorted.length - 1) * q;
  const lower = Math.floor(pos);
  const lo = sorted[lower] as number;
  const hi = sorted[Math.ceil(pos)] as number;
  return lo + (hi - lo) * (pos - lower);
}

/**
 * The mean of the finite values with its 95 % interval: Wilson for a pass rate (every value
 * 0 or 1), else the t (CLT) interval mean ± t(n − 1)·s/√n.
 */
export function keyMean(values: ArrayLike<number>, passRate: boolean): KeyMean {
  let n = 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isFinite(v)) {
      n++;
      sum += v;
    }
  }
  if (n === 0) return { n, mean: null, interval: null, method: null };
  const mean = sum / n;
  if (passRate) return { n, mean, interval: wilsonInterval(sum, n), method: 'wilson' };
  if (n < 2) return { n, mean, interval: null, method: 't' };
  let ss = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isFinite(v)) ss += (v - mean) * (v - mean);
  }
  const se = Math.sqrt(ss / (n - 1) / n);
  const interval: Interval | null = tInterval(mean, se, n - 1);
  return { n, mean, interval, method: 't' };
}

/** A key reads as a pass rate when every value of every experiment is 0 or 1. */
function isPassRate(key: string, sessions: readonly BoardSessionInput[]): boolean {
  let any = false;
  for (const s of sessions) {
    const values = s.values.get(key);
    if (!values) continue;
    for (let i = 0; i < values.length; i++) {
      const v = values[i] as number;
      if (!Number.isFinite(v)) continue;
      if (v !== 0 && v !== 1) return false;
      any = true;
    }
  }
  return any;
}

/** Categories in order of their total count over every experiment (ties by name). */
function categoryOrder(key: string, sessions: readonly BoardSessionInput[]): string[] {
  const totals = new Map<string, number>();
  for (const s of sessions)
    for (const [c, n] of Object.entries(s.categories.get(key) ?? {}))
      totals.set(c, (totals.get(c) ?? 0) + n);
  return [...totals]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([category]) => category);
}

function keyCell(
  s: BoardSessionInput,
  key: BoardKey & { passRate: boolean; categories: string[] },
  input: BoardInput,
): KeyCell {
  const comparison =
    s.sessionId === input.baseline
      ? null
      : (input.comparisons.get(key.key)?.get(s.sessionId) ?? null);
  if (key.kind === 'categorical') {
    const counts = s.categories.get(key.key) ?? {};
    const total = key.categories.reduce((t, c) => t + (counts[c] ?? 0), 0);
    return {
      key: key.key,
      mean: null,
      distribution:
        total > 0
          ? key.categories.map((category) => ({
              category,
              count: counts[category] ?? 0,
              share: (counts[category] ?? 0) / total,
            }))
          : null,
      comparison,
    };
  }
  const values = s.values.get(key.key);
  return {
    key: key.key,
    mean: values
      ? keyMean(values, key.passRate)
      : { n: 0, mean: null, interval: null, method: null },
    distribution: null,
    comparison,
  };
}

export function buildBoard(input: BoardInput): Board {
  const keys = input.keys.map((k) => ({
    ...k,
    passRate: k.kind === 'numeric' && isPassRate(k.key, input.sessions),
    categories: k.kind === 'categorical' ? categoryOrder(k.key, input.sessions) : [],
  }));
  const rows: BoardRow[] = input.sessions.map((s) => {
    const perExample = (total: number | null) =>
      total === null || s.examples === 0 ? null : total / s.examples;
    const latencies = Float64Array.from(s.latencies).sort();
    return {
      sessionId: s.sessionId,
      name: s.name,
      colorIndex: s.colorIndex,
      isBaseline: s.sessionId === input.baseline,
      examples: s.examples,
      costPerExample: perExample(s.cost),
      tokensPerExample: perExample(s.tokens),
      latencyP50: quantile(latencies, 0.5),
      latencyP99: quantile(latencies, 0.99),
      errorRate: s.runs > 0 ? s.errors / s.runs : null,
      keys: keys.map((k) => keyCell(s, k, input)),
      marks: {},
    };
  });
  markLeaders(rows, keys);
  return { rows, keys, baseline: input.baseline };
}
