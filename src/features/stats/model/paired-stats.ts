/**
 * Paired comparison of each session against the baseline, key by key: the entry point of
 * the statistics engine (compare-pair.ts does one session, categorical.ts the categories).
 */
import { compareCategorical } from './categorical';
import { comparePaired } from './compare-pair';
import type { KeyStats, StatsInput, StatsOptions } from './types';

export type * from './types';

/** 'binary' when there is at least one value and every value is exactly 0 or 1. */
export function detectKind(values: ArrayLike<number | null | undefined>): 'binary' | 'numeric' {
  let seen = false;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) continue;
    if (v !== 0 && v !== 1) return 'numeric';
    seen = true;
  }
  return seen ? 'binary' : 'numeric';
}

/** The effective kind of a key: declared 'binary' with a stray 0.5 is numeric after all. */
export function resolveKind(input: StatsInput): KeyStats['kind'] {
  if (input.kind === 'categorical' || input.kind === 'metric') return input.kind;
  // One kind per key across every session, so all rows of a table use the same test.
  for (const series of [input.baseline, ...input.others]) {
    if (detectKind(series.values) === 'numeric' && hasValue(series.values)) return 'numeric';
  }
  return [input.baseline, ...input.others].some((s) => hasValue(s.values)) ? 'binary' : 'numeric';
}

function hasValue(values: ArrayLike<number | null>): boolean {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v === 'number' && Number.isFinite(v)) return true;
  }
  return false;
}

function common(input: StatsInput, kind: KeyStats['kind']) {
  return {
    key: input.key,
    kind,
    direction: input.direction,
    baselineId: input.baseline.sessionId,
    baselineName: input.baseline.name,
    exampleCount: input.exampleCount,
    totalExamples: input.totalExamples,
  };
}

/**
 * One key: every other session against the baseline. `onComparison` is called after each
 * session, so a worker can report progress within a key.
 */
export function computeKeyStats(
  input: StatsInput,
  options: StatsOptions = {},
  onComparison?: () => void,
): KeyStats {
  const kind = resolveKind(input);
  if (kind === 'categorical') {
    return { ...common(input, kind), comparisons: [], distributions: compareCategorical(input) };
  }
  const comparisons = input.others.map((other) => {
    const result = comparePaired(input, other, kind, options);
    onComparison?.();
    return result;
  });
  return { ...common(input, kind), comparisons, distributions: null };
}

export function computeAllStats(
  inputs: readonly StatsInput[],
  options: StatsOptions = {},
): KeyStats[] {
  return inputs.map((input) => computeKeyStats(input, options));
}
