import { describe, expect, it } from 'vitest';
import { leaders, paretoFrontier } from './board-marks';
import type { BoardRow } from './board-types';

const row = (id: string) => ({ sessionId: id }) as BoardRow;
const scored = (id: string, value: number, low?: number, high?: number) => ({
  row: row(id),
  value,
  interval: low === undefined || high === undefined ? null : { low, high },
});
const marks = (result: Map<BoardRow, string>) =>
  Object.fromEntries([...result].map(([r, m]) => [r.sessionId, m]));

describe('leaders', () => {
  it('marks the leader best when its interval clears the runner-up’s', () => {
    const result = leaders(
      [scored('a', 0.5, 0.4, 0.6), scored('b', 0.8, 0.7, 0.9), scored('c', 0.3, 0.2, 0.4)],
      'higher',
      true,
    );
    expect(marks(result)).toEqual({ b: 'best' });
  });

  it('marks every experiment whose interval overlaps the leader’s as tied', () => {
    const result = leaders(
      [scored('a', 0.7, 0.6, 0.75), scored('b', 0.8, 0.72, 0.9), scored('c', 0.3, 0.2, 0.4)],
      'higher',
      true,
    );
    expect(marks(result)).toEqual({ b: 'tied', a: 'tied' });
  });

  it('ranks lower-is-better columns from the smallest, and ties them on equal values', () => {
    expect(
      marks(leaders([scored('a', 2), scored('b', 1), scored('c', 3)], 'lower', false)),
    ).toEqual({ b: 'best' });
    expect(
      marks(leaders([scored('a', 1), scored('b', 1), scored('c', 3)], 'lower', false)),
    ).toEqual({ a: 'tied', b: 'tied' });
  });

  it('cannot call a leader without an interval clear of anything', () => {
    const result = leaders([scored('a', 0.9), scored('b', 0.1, 0, 0.2)], 'higher', true);
    expect(marks(result)).toEqual({ a: 'tied', b: 'tied' });
  });

  it('marks nothing with fewer than two values', () => {
    expect(leaders([scored('a', 1, 0.9, 1)], 'higher', true).size).toBe(0);
    expect(leaders([], 'higher', true).size).toBe(0);
  });
});

describe('paretoFrontier', () => {
  const p = (id: string, x: number, y: number) => ({ id, x, y });

  it('keeps the points no other point beats on both cost and quality, cheapest first', () => {
    const points = [p('a', 1, 0.5), p('b', 2, 0.7), p('c', 3, 0.6), p('d', 4, 0.9), p('e', 2, 0.4)];
    // c is beaten by b (cheaper, better); e by a (cheaper, better).
    expect(paretoFrontier(points, 'higher').map((q) => q.id)).toEqual(['a', 'b', 'd']);
  });

  it('reads quality downwards for a lower-is-better key', () => {
    const points = [p('a', 1, 0.5), p('b', 2, 0.3), p('c', 3, 0.4)];
    expect(paretoFrontier(points, 'lower').map((q) => q.id)).toEqual(['a', 'b']);
  });

  it('drops a point as cheap as another but worse, and one as good but dearer', () => {
    const points = [p('a', 1, 0.5), p('b', 1, 0.4), p('c', 2, 0.5)];
    expect(paretoFrontier(points, 'higher').map((q) => q.id)).toEqual(['a']);
    expect(paretoFrontier([], 'higher')).toEqual([]);
  });
});
