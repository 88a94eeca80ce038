import { describe, expect, it } from 'vitest';
import type { Group } from '../../api/grouped-runs/schemas';
import { makeGroup, makeSession } from '../../testing/grouped-runs-fixtures';
import { summariseGroup } from './summarise';

/**
 * The case: gpt-4o holds two experiments ($0.19 over 160 runs of 80 examples), the
 * baseline claude one ($0.16 over 80 runs): the totals hide that gpt-4o costs less per run.
 */
function group(key: string, sessions: Group['sessions'], stats: Partial<Group['stats']>): Group {
  const g = makeGroup(key, sessions);
  return { ...g, exampleCount: 80, stats: { ...g.stats, ...stats } };
}

const base = {
  ...makeSession('claude', 'claude-v1', {
    runCount: 80,
    totalCost: 0.16,
    latencyP50: 2,
    latencyP99: 4,
  }),
  exampleCount: 80,
};
const gptV1 = makeSession('gpt-v1', 'gpt-v1', { runCount: 80, totalCost: 0.095 });
const gptV2 = makeSession('gpt-v2', 'gpt-v2', { runCount: 80, totalCost: 0.095 });
const claude = group('claude', [base], {
  runCount: 80,
  totalCost: 0.16,
  latencyP50: 2,
  latencyP99: 4,
});
const gpt = group('gpt-4o', [gptV1, gptV2], {
  runCount: 160,
  totalCost: 0.19,
  latencyP50: 2.5,
  latencyP99: 3,
});
const groups = [claude, gpt];

const metric = (card: ReturnType<typeof summariseGroup>, label: string) =>
  card.metrics.find((m) => m.label === label);

describe('summariseGroup', () => {
  it('shows cost per run and per example beside the total, with the change against the baseline', () => {
    const card = summariseGroup(gpt, 'model', 1, { groups, baselineId: 'claude' });
    expect(metric(card, 'Cost (total)')).toMatchObject({ value: '$0.19', change: null });
    // 0.19 / 160 = 0.0011875 per run against 0.16 / 80 = 0.002: −40.6 %.
    expect(metric(card, 'Cost per run')).toEqual({
      label: 'Cost per run',
      value: '$0.0012',
      change: '−41% vs baseline',
    });
    // 0.19 / 80 = 0.002375 per example against 0.002: +18.75 %.
    expect(metric(card, 'Cost per example')).toMatchObject({
      value: '$0.0024',
      change: '+19% vs baseline',
    });
    // Latency p50 2.5 s against 2 s: +25 %; p99 3 s against 4 s: −25 %.
    expect(metric(card, 'Latency p50')).toMatchObject({
      value: '2.50 s',
      change: '+25% vs baseline',
    });
    expect(metric(card, 'Latency p99')).toMatchObject({
      value: '3.00 s',
      change: '−25% vs baseline',
    });
    expect(card.baseline).toBe(false);
  });

  it('marks the baseline’s own group instead of comparing it with itself', () => {
    const card = summariseGroup(claude, 'model', 0, { groups, baselineId: 'claude' });
    expect(card.baseline).toBe(true);
    expect(card.metrics.every((m) => m.change === null)).toBe(true);
    expect(metric(card, 'Cost per run')?.value).toBe('$0.0020');
  });

  it('compares nothing without a baseline, or when the numbers are missing', () => {
    const card = summariseGroup(gpt, 'model', 1, { groups });
    expect(card.metrics.every((m) => m.change === null)).toBe(true);
    const empty = group('x', [gptV1], {});
    const none = summariseGroup(empty, 'model', 2, {
      groups: [claude, empty],
      baselineId: 'claude',
    });
    expect(metric(none, 'Cost per run')).toMatchObject({ value: 'no data', change: null });
  });
});
