import { describe, expect, it } from 'vitest';
import { makeExample, makeGroup, makeRun, makeSession } from '../../testing/grouped-runs-fixtures';
import {
  afterAnswer,
  afterFailure,
  changedRows,
  IDLE_POLICY,
  LIVE_FAST_MS,
  LIVE_SLOW_MS,
  type LivePolicy,
  liveFacts,
  runCountGrew,
} from './live-policy';

const A = 'session-a';
const B = 'session-b';

function answer(runsOfB: number, endTimeOfB: number | null) {
  const examples = Array.from({ length: 5 }, (_, i) =>
    makeExample(`ex-${i}`, [
      makeRun(A, {}, { id: `a-${i}` }),
      ...(i < runsOfB ? [makeRun(B, {}, { id: `b-${i}` })] : []),
    ]),
  );
  return [
    makeGroup(
      'gpt-4o',
      [
        { ...makeSession(A, 'a', { runCount: 5 }), endTime: 1_690_000_000_000 },
        { ...makeSession(B, 'b', { runCount: runsOfB }), endTime: endTimeOfB },
      ],
      examples,
    ),
  ];
}

describe('live refresh', () => {
  it('finds the selected experiments with no end time and their run counts', () => {
    const facts = liveFacts(answer(2, null), [A, B]);
    expect(facts.running).toEqual([B]);
    expect(facts.runCounts).toEqual({ [A]: 5, [B]: 2 });
    // Not selected: not counted as running.
    expect(liveFacts(answer(2, null), [A]).running).toEqual([]);
  });

  it('marks the rows whose runs changed, and the growth of a run count', () => {
    const before = liveFacts(answer(2, null), [A, B]);
    const after = liveFacts(answer(4, null), [A, B]);
    expect([...changedRows(before, after)].sort()).toEqual(['ex-2', 'ex-3']);
    expect(runCountGrew(before, after)).toBe(true);
    expect(changedRows(after, liveFacts(answer(4, null), [A, B])).size).toBe(0);
    expect(runCountGrew(after, after)).toBe(false);
    // The first answer is no change of anything.
    expect(changedRows(null, after).size).toBe(0);
  });

  it('refetches every 10 s while runs arrive, backs off to 60 s while nothing changes', () => {
    const facts = liveFacts(answer(2, null), [A, B]);
    let policy: LivePolicy = afterAnswer(IDLE_POLICY, facts, { grew: false, rowsChanged: false });
    expect(policy).toEqual({ active: true, interval: LIVE_FAST_MS });
    const intervals: number[] = [];
    // A server that never sets the end time, and nothing changes: 20, 40, 60, 60 s.
    for (let i = 0; i < 4; i++) {
      policy = afterAnswer(policy, facts, { grew: false, rowsChanged: false });
      intervals.push(policy.interval);
    }
    expect(intervals).toEqual([20_000, 40_000, LIVE_SLOW_MS, LIVE_SLOW_MS]);
    // New runs: back to 10 s.
    policy = afterAnswer(policy, facts, { grew: true, rowsChanged: true });
    expect(policy.interval).toBe(LIVE_FAST_MS);
  });

  it('keeps refetching once after an ended experiment grew, then stops', () => {
    const ended = liveFacts(answer(5, 1_700_000_000_000), [A, B]);
    const grew = afterAnswer({ active: true, interval: LIVE_FAST_MS }, ended, {
      grew: true,
      rowsChanged: true,
    });
    expect(grew.active).toBe(true);
    expect(afterAnswer(grew, ended, { grew: false, rowsChanged: false }).active).toBe(false);
  });

  it('backs off after a failed refresh but keeps going', () => {
    expect(afterFailure({ active: true, interval: LIVE_FAST_MS })).toEqual({
      active: true,
      interval: 20_000,
    });
    expect(afterFailure({ active: true, interval: LIVE_SLOW_MS }).interval).toBe(LIVE_SLOW_MS);
  });
});
