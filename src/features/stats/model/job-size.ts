/**
 * How big a statistics job is, counted without the statistics engine: the hook that decides
 * between the page and the worker loads before the engine does.
 */
import type { StatsInput } from './types';

/** Upper bound on the pairs a computation touches: what decides main thread or worker. */
export function pairCount(inputs: readonly StatsInput[]): number {
  let total = 0;
  for (const input of inputs) {
    if (input.kind === 'categorical') continue;
    total += input.baseline.values.length * input.others.length;
  }
  return total;
}

/** Comparisons (session × key) a computation runs: the unit of its progress. */
export function comparisonCount(inputs: readonly StatsInput[]): number {
  let total = 0;
  for (const input of inputs) if (input.kind !== 'categorical') total += input.others.length;
  return total;
}
