import { describe, expect, it } from 'vitest';
import { buildBoard, keyMean, percentile } from './board-model';
import type { BoardInput, BoardSessionInput } from './board-types';

/** 81 passes and 182 fails. */
const passes = (k: number, n: number) => Array.from({ length: n }, (_, i) => (i < k ? 1 : 0));

function session(id: string, over: Partial<BoardSessionInput> = {}): BoardSessionInput {
  return {
    sessionId: id,
    name: `exp-${id}`,
    colorIndex: 0,
    examples: 4,
    runs: 4,
    errors: 0,
    latencies: [1, 2, 3, 4],
    cost: 0.4,
    tokens: 400,
    values: new Map(),
    categories: new Map(),
    ...over,
  };
}

const input = (sessions: BoardSessionInput[], over: Partial<BoardInput> = {}): BoardInput => ({
  sessions,
  keys: [],
  baseline: sessions[0]?.sessionId ?? '',
  comparisons: new Map(),
  ...over,
});

describe('keyMean', () => {
  it('gives the Wilson interval for a pass rate: 81 of 263 → 0.2553–0.3662', () => {
    const m = keyMean(passes(81, 263), true);
    expect(m.method).toBe('wilson');
    expect(m.mean).toBeCloseTo(81 / 263, 10);
    expect(m.interval?.low).toBeCloseTo(0.2553, 4);
    expect(m.interval?.high).toBeCloseTo(0.3662, 4);
  });

  it('gives the t interval for scores, mean ± t(n − 1)·s/√n, skipping missing values', () => {
    // 1..5: mean 3, s = √2.5, t(4; 0.975) = 2.776445 (tables): half-width 1.963243.
    const m = keyMean([1, Number.NaN, 2, 3, 4, 5], false);
    expect(m.n).toBe(5);
    expect(m.method).toBe('t');
    expect(m.interval?.low).toBeCloseTo(3 - 1.963243, 5);
    expect(m.interval?.high).toBeCloseTo(3 + 1.963243, 5);
  });

  it('has no interval for one score, and no mean for none', () => {
    expect(keyMean([0.5], false)).toMatchObject({ n: 1, mean: 0.5, interval: null });
    expect(keyMean([Number.NaN], false)).toMatchObject({ n: 0, mean: null, interval: null });
    // One pass is still a proportion with a Wilson interval.
    expect(keyMean([1], true).interval?.low).toBeGreaterThan(0);
  });
});

describe('percentile', () => {
  it('interpolates between closest ranks as numpy does', () => {
    expect(percentile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(
      percentile(
        Array.from({ length: 100 }, (_, i) => i + 1),
        0.99,
      ),
    ).toBeCloseTo(99.01, 10);
    expect(percentile([], 0.5)).toBeNull();
  });
});

describe('buildBoard', () => {
  it('reads a key as a pass rate only when every value of every experiment is 0 or 1', () => {
    const a = session('a', { values: new Map([['ok', [1, 0, 1, 1]]]) });
    const b = session('b', { values: new Map([['ok', [1, 0.5, Number.NaN, 0]]]) });
    const keys = [{ key: 'ok', kind: 'numeric' as const, direction: 'higher' as const }];
    expect(buildBoard(input([a], { keys })).keys[0]?.passRate).toBe(true);
    expect(buildBoard(input([a, b], { keys })).keys[0]?.passRate).toBe(false);
  });

  it('divides costs and tokens by the examples that ran, and keeps no-data as null', () => {
    const board = buildBoard(
      input([
        session('a', { examples: 4, cost: 0.4, tokens: 1000, runs: 8, errors: 2 }),
        session('b', { examples: 0, runs: 0, latencies: [], cost: null, tokens: null }),
      ]),
    );
    const [a, b] = board.rows;
    expect(a).toMatchObject({ costPerExample: 0.1, tokensPerExample: 250, errorRate: 0.25 });
    expect(a?.latencyP50).toBe(2.5);
    expect(b).toMatchObject({
      examples: 0,
      costPerExample: null,
      tokensPerExample: null,
      errorRate: null,
      latencyP50: null,
      latencyP99: null,
    });
  });

  it('marks the baseline and takes each comparison from the input, never its own', () => {
    const comparison = {
      meanDiff: 0.2,
      diffText: '+0.2',
      intervalText: '+0.1 to +0.3',
      label: 'better' as const,
      reason: 'r',
    };
    const board = buildBoard(
      input([session('a'), session('b')], {
        keys: [{ key: 's', kind: 'numeric', direction: 'higher' }],
        comparisons: new Map([['s', new Map([['b', comparison]])]]),
      }),
    );
    expect(board.rows.map((r) => r.isBaseline)).toEqual([true, false]);
    expect(board.rows[0]?.keys[0]?.comparison).toBeNull();
    expect(board.rows[1]?.keys[0]?.comparison).toBe(comparison);
  });

  it('gives a categorical key its distribution in the order of the totals', () => {
    const board = buildBoard(
      input(
        [
          session('a', { categories: new Map([['v', { PASS: 1, FAIL: 3 }]]) }),
          session('b', { categories: new Map([['v', { PASS: 4 }]]) }),
          session('c'),
        ],
        { keys: [{ key: 'v', kind: 'categorical', direction: 'higher' }] },
      ),
    );
    expect(board.keys[0]?.categories).toEqual(['PASS', 'FAIL']);
    expect(board.rows[0]?.keys[0]?.distribution).toEqual([
      { category: 'PASS', count: 1, share: 0.25 },
      { category: 'FAIL', count: 3, share: 0.75 },
    ]);
    expect(board.rows[2]?.keys[0]?.distribution).toBeNull();
  });

  it('marks nothing with one experiment only', () => {
    const board = buildBoard(
      input([session('a', { values: new Map([['s', [0.1, 0.2]]]) })], {
        keys: [{ key: 's', kind: 'numeric', direction: 'higher' }],
      }),
    );
    expect(Object.values(board.rows[0]?.marks ?? {}).filter(Boolean)).toEqual([]);
  });
});
