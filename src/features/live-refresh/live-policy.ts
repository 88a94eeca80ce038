import type { Group } from '../../api/grouped-runs/schemas';

/**
 * When to refetch a view whose experiments are still running, as plain functions of what the
 * last answers said: every 10 s while runs arrive, twice as long after each answer that
 * changed nothing (or failed), up to 60 s, so a server that never sets end times is not
 * asked every 10 s forever.
 */

export const LIVE_FAST_MS = 10_000;
export const LIVE_SLOW_MS = 60_000;

export interface LiveFacts {
  /** Selected experiments with no end time. */
  running: string[];
  /** Runs per selected experiment, as the groups count them. */
  runCounts: Record<string, number>;
  /** Each example's runs and scores in a few characters: a row changed when this did. */
  rows: Map<string, string>;
}

/** What one answer says about the selected experiments and their rows. */
export function liveFacts(groups: readonly Group[], selected: readonly string[]): LiveFacts {
  const wanted = new Set(selected);
  const running = new Set<string>();
  const runCounts: Record<string, number> = {};
  const rows = new Map<string, string>();
  for (const group of groups) {
    for (const s of group.sessions) {
      if (!wanted.has(s.id)) continue;
      if (s.endTime === null) running.add(s.id);
      runCounts[s.id] = (runCounts[s.id] ?? 0) + (s.runCount ?? 0);
    }
    for (const example of group.examples) {
      let sig = rows.get(example.id) ?? '';
      for (const run of example.runs) {
        if (!wanted.has(run.sessionId)) continue;
        sig += `${run.id}:${run.status}:${run.feedbacks.length}:${Object.keys(run.feedback).length};`;
      }
      rows.set(example.id, sig);
    }
  }
  return { running: selected.filter((id) => running.has(id)), runCounts, rows };
}

/** Examples that are new or whose runs or scores changed since the last answer. */
export function changedRows(before: LiveFacts | null, after: LiveFacts): Set<string> {
  const changed = new Set<string>();
  if (!before) return changed;
  for (const [id, sig] of after.rows) if (before.rows.get(id) !== sig) changed.add(id);
  return changed;
}

/** Whether any selected experiment's run count grew between two answers. */
export function runCountGrew(before: LiveFacts | null, after: LiveFacts): boolean {
  if (!before) return false;
  return Object.entries(after.runCounts).some(([id, n]) => n > (before.runCounts[id] ?? 0));
}

export interface LivePolicy {
  /** Refetch at all: an experiment is running, or its run count grew at the last answer. */
  active: boolean;
  /** Milliseconds to the next refetch while active. */
  interval: number;
}

export const IDLE_POLICY: LivePolicy = { active: false, interval: LIVE_FAST_MS };

/** The next policy after an answer: its facts, and whether it changed anything. */
export function afterAnswer(
  prev: LivePolicy,
  facts: LiveFacts,
  change: { grew: boolean; rowsChanged: boolean },
): LivePolicy {
  const active = facts.running.length > 0 || change.grew;
  if (!active) return { active: false, interval: LIVE_FAST_MS };
  if (!prev.active || change.grew || change.rowsChanged) return { active, interval: LIVE_FAST_MS };
  return { active, interval: backOff(prev.interval) };
}

/** After a failed refresh: keep going (the data on screen stays), but less often. */
export function afterFailure(prev: LivePolicy): LivePolicy {
  return { active: prev.active, interval: backOff(prev.interval) };
}

function backOff(interval: number): number {
  return Math.min(LIVE_SLOW_MS, interval * 2);
}
