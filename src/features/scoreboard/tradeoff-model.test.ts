import { describe, expect, it } from 'vitest';
import { buildBoard } from './board-model';
import type { BoardSessionInput } from './board-types';
import { buildTradeoff, layoutLabels, plotHeight } from './tradeoff-model';

function session(id: string, cost: number | null, scores: number[]): BoardSessionInput {
  return {
    sessionId: id,
    name: `support-qa-${id}-v1`,
    colorIndex: 0,
    examples: scores.length,
    runs: scores.length,
    errors: 0,
    latencies: [1, 2],
    cost,
    tokens: 10,
    values: new Map([['q', scores]]),
    categories: new Map(),
  };
}
const keys = [{ key: 'q', kind: 'numeric' as const, direction: 'higher' as const }];
const boardOf = (sessions: BoardSessionInput[]) =>
  buildBoard({ sessions, keys, baseline: sessions[0]?.sessionId ?? '', comparisons: new Map() });

describe('buildTradeoff', () => {
  it('plots each experiment with its whisker and marks the frontier', () => {
    const board = boardOf([
      session('a', 0.1, [0.2, 0.4]),
      session('b', 0.2, [0.6, 0.8]),
      session('c', 0.3, [0.4, 0.6]),
    ]);
    const t = buildTradeoff(board, 'cost', 'q');
    expect(t?.points.map((p) => [p.id, p.onFrontier])).toEqual([
      ['a', true],
      ['b', true],
      ['c', false],
    ]);
    const a = t?.points[0];
    // The whisker reaches the interval's ends from the mean.
    expect((a?.y ?? 0) - (a?.whisker?.[0] ?? 0)).toBeCloseTo(a?.low ?? Number.NaN, 12);
    expect((a?.y ?? 0) + (a?.whisker?.[1] ?? 0)).toBeCloseTo(a?.high ?? Number.NaN, 12);
  });

  it('says when no experiment has cost data, and lists the ones left out', () => {
    const none = buildTradeoff(
      boardOf([session('a', null, [1]), session('b', null, [0])]),
      'cost',
      'q',
    );
    expect(none?.noAxisData).toBe(true);
    expect(none?.points).toEqual([]);
    const some = buildTradeoff(
      boardOf([
        session('a', 0.1, [1]),
        session('b', null, [0]),
        session('c', 0.2, [Number.NaN, Number.NaN]),
      ]),
      'cost',
      'q',
    );
    expect(some?.noAxisData).toBe(false);
    expect(some?.missing.map((m) => [m.id, m.reason])).toEqual([
      ['b', 'no cost data'],
      ['c', 'no q scores'],
    ]);
    // Latency is there for all of them.
    expect(buildTradeoff(boardOf([session('a', null, [1])]), 'latency', 'q')?.points).toHaveLength(
      1,
    );
  });

  it('has nothing to plot without a scored key', () => {
    expect(buildTradeoff(boardOf([session('a', 0.1, [1])]), 'cost', 'nope')).toBeNull();
  });
});

describe('layoutLabels', () => {
  it('keeps 20 labels apart, each as near its point as it can be, inside the plot', () => {
    const lineHeight = 18;
    const bottom = plotHeight(20, lineHeight) - 40;
    // Clumped points, several at the same height: the worst case for labels.
    const wanted = Array.from({ length: 20 }, (_, i) => ({
      id: `s${i}`,
      y: 100 + (i % 4) * 3 + (i % 7 === 0 ? 200 : 0),
    }));
    const placed = layoutLabels(wanted, 16, bottom, lineHeight);
    const ys = [...placed.values()].sort((a, b) => a - b);
    expect(ys).toHaveLength(20);
    for (let i = 1; i < ys.length; i++)
      expect((ys[i] ?? 0) - (ys[i - 1] ?? 0)).toBeGreaterThanOrEqual(lineHeight - 1e-9);
    expect(ys[0]).toBeGreaterThanOrEqual(16);
    expect(ys[19]).toBeLessThanOrEqual(bottom);
  });

  it('leaves labels where their points are when they do not collide', () => {
    const placed = layoutLabels(
      [
        { id: 'a', y: 50 },
        { id: 'b', y: 150 },
      ],
      0,
      300,
      18,
    );
    expect([placed.get('a'), placed.get('b')]).toEqual([50, 150]);
  });
});
