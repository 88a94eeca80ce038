/** Categorical keys: the distribution per session and its shift against the baseline. */
import type { CategoricalResult, CategoryShift, StatsInput } from './types';

function cleanCount(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
}

/** Distribution of a categorical key per session, and its shift against the baseline. */
export function compareCategorical(input: StatsInput): CategoricalResult[] {
  const countsBySession = new Map<string, Record<string, number>>();
  for (const entry of input.categories ?? []) countsBySession.set(entry.sessionId, entry.counts);
  const baseCounts = countsBySession.get(input.baseline.sessionId) ?? {};
  const sessions = [input.baseline, ...input.others];
  const categories = new Set<string>();
  for (const s of sessions)
    for (const c of Object.keys(countsBySession.get(s.sessionId) ?? {})) categories.add(c);
  const baseTotal = Object.values(baseCounts).reduce((t, v) => t + cleanCount(v), 0);
  // Most common baseline categories first; ties alphabetically so the order is stable.
  const ordered = [...categories].sort(
    (x, y) => cleanCount(baseCounts[y]) - cleanCount(baseCounts[x]) || x.localeCompare(y),
  );
  return sessions.map((s) => {
    const counts = countsBySession.get(s.sessionId) ?? {};
    const total = Object.values(counts).reduce((t, v) => t + cleanCount(v), 0);
    const rows = ordered.map((category): CategoryShift => {
      const baselineCount = cleanCount(baseCounts[category]);
      const sessionCount = cleanCount(counts[category]);
      const baselineShare = baseTotal > 0 ? baselineCount / baseTotal : null;
      const sessionShare = total > 0 ? sessionCount / total : null;
      const shiftPoints =
        baselineShare === null || sessionShare === null
          ? null
          : (sessionShare - baselineShare) * 100;
      return { category, baselineCount, sessionCount, baselineShare, sessionShare, shiftPoints };
    });
    return {
      key: input.key,
      sessionId: s.sessionId,
      name: s.name,
      baselineTotal: baseTotal,
      sessionTotal: total,
      rows,
      enough: baseTotal > 0 && total > 0,
    };
  });
}
