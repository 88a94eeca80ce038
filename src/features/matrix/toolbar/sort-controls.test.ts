import { describe, expect, it } from 'vitest';
import { sortForKind } from './sort-controls';

const choices = {
  sessions: [
    { id: 'base', name: 'Base' },
    { id: 'b', name: 'B' },
    { id: 'c', name: 'C' },
  ],
  keys: ['correctness', 'helpfulness'],
  baseline: 'base',
};

describe('sortForKind', () => {
  it('clears and sorts by example', () => {
    expect(sortForKind('none', { by: 'example', dir: 'desc' }, choices)).toBeNull();
    expect(sortForKind('example', { by: 'latency', sessionId: 'b', dir: 'desc' }, choices)).toEqual(
      {
        by: 'example',
        dir: 'desc',
      },
    );
  });

  it('takes the first experiment and key for a new score sort', () => {
    expect(sortForKind('score', null, choices)).toEqual({
      by: 'score',
      sessionId: 'base',
      key: 'correctness',
      dir: 'asc',
    });
  });

  it('never compares the baseline with itself', () => {
    expect(
      sortForKind(
        'delta',
        { by: 'score', sessionId: 'base', key: 'helpfulness', dir: 'asc' },
        choices,
      ),
    ).toEqual({
      by: 'delta',
      sessionId: 'b',
      key: 'helpfulness',
      dir: 'asc',
    });
  });

  it('keeps the chosen experiment across kinds', () => {
    expect(
      sortForKind(
        'cost',
        { by: 'delta', sessionId: 'c', key: 'correctness', dir: 'desc' },
        choices,
      ),
    ).toEqual({
      by: 'cost',
      sessionId: 'c',
      dir: 'desc',
    });
  });

  it('gives no score sort without keys', () => {
    expect(sortForKind('score', null, { ...choices, keys: [] })).toBeNull();
  });
});
