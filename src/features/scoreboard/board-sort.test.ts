import { describe, expect, it } from 'vitest';
import { columnParam, parseBoardSort } from './board-columns';
import { buildBoard } from './board-model';
import { sortBoardRows } from './board-sort';
import type { BoardSessionInput } from './board-types';

function session(id: string, cost: number | null, score: number[]): BoardSessionInput {
  return {
    sessionId: id,
    name: id,
    colorIndex: 0,
    examples: 2,
    runs: 2,
    errors: 0,
    latencies: [1],
    cost,
    tokens: null,
    values: new Map([['q', score]]),
    categories: new Map(),
  };
}

const board = buildBoard({
  sessions: [
    session('b', 0.2, [0.5, 0.7]),
    session('a', null, [0.9, 0.9]),
    session('c', 0.1, [Number.NaN, Number.NaN]),
    session('d', 0.2, [0.1, 0.1]),
  ],
  keys: [{ key: 'q', kind: 'numeric', direction: 'higher' }],
  baseline: 'b',
  comparisons: new Map(),
});
const ids = (column: string, dir: 'asc' | 'desc') =>
  sortBoardRows(board, { column, dir }).map((r) => r.sessionId);

describe('sortBoardRows', () => {
  it('sorts by a metric either way, missing values last, ties in display order', () => {
    expect(ids('cost', 'asc')).toEqual(['c', 'b', 'd', 'a']);
    expect(ids('cost', 'desc')).toEqual(['b', 'd', 'c', 'a']);
  });

  it('sorts by a key’s mean and by name', () => {
    expect(ids('key:q', 'desc')).toEqual(['a', 'b', 'd', 'c']);
    expect(ids('name', 'asc')).toEqual(['a', 'b', 'c', 'd']);
  });

  it('keeps the display order for no sort or a column the board does not have', () => {
    expect(sortBoardRows(board, null).map((r) => r.sessionId)).toEqual(['b', 'a', 'c', 'd']);
    expect(ids('key:nope', 'asc')).toEqual(['b', 'a', 'c', 'd']);
  });
});

describe('board column parameters', () => {
  it.each([
    ['-cost', { column: 'cost', dir: 'desc' }],
    ['correctness', { column: 'key:correctness', dir: 'asc' }],
    ['key:cost', { column: 'key:cost', dir: 'asc' }],
    ['-diff:correctness', { column: 'diff:correctness', dir: 'desc' }],
    ['toString', { column: 'key:toString', dir: 'asc' }],
  ])('reads %s and writes it back the same', (raw, sort) => {
    expect(parseBoardSort(raw)).toEqual(sort);
    const parsed = parseBoardSort(raw);
    if (parsed) expect(columnParam(parsed.column, parsed.dir)).toBe(raw);
  });

  it('refuses an empty column', () => {
    expect(parseBoardSort('-')).toBeNull();
    expect(parseBoardSort('')).toBeNull();
  });
});
