/**
 * Multiple comparisons across the whole view: every (session × key) test is adjusted
 * together, so "better" means better after accounting for how many tests were run.
 */
import { type AdjustMethod, adjustPValues } from '../../../lib/statistics/adjust';
import type { KeyStats } from './types';

export interface AdjustedStats {
  results: KeyStats[];
  method: AdjustMethod;
  /** p-values adjusted over (comparisons where a test ran). */
  tests: number;
  /** Keys and sessions those tests span. */
  keys: number;
  sessions: number;
}

/** A copy of `results` with `adjustedP` set on every comparison (equal to `pValue` for 'none'). */
export function adjustStats(results: readonly KeyStats[], method: AdjustMethod): AdjustedStats {
  const raw = results.flatMap((k) => k.comparisons.map((c) => c.pValue));
  const adjusted = adjustPValues(raw, method);
  let at = 0;
  const keys = new Set<string>();
  const sessions = new Set<string>();
  const out = results.map((k) => ({
    ...k,
    comparisons: k.comparisons.map((c) => {
      const adjustedP = adjusted[at++] ?? null;
      if (c.pValue !== null) {
        keys.add(k.key);
        sessions.add(c.sessionId);
      }
      return { ...c, adjustedP };
    }),
  }));
  return {
    results: out,
    method,
    tests: raw.filter((p) => p !== null).length,
    keys: keys.size,
    sessions: sessions.size,
  };
}
