import { describe, expect, it } from 'vitest';
import { handleStatsRequest, type StatsResponse } from './stats-protocol';
import { makeInput } from './test-fixtures';

describe('handleStatsRequest (the worker body)', () => {
  it('reports progress per key, then the results, tagged with the request id', () => {
    const messages: StatsResponse[] = [];
    const inputs = [
      makeInput([1, 2, 3], [[2, 3, 4]], { key: 'a' }),
      makeInput([0, 1], [[1, 1]], { key: 'b' }),
    ];
    handleStatsRequest({ id: 7, inputs }, (m) => messages.push(m));
    expect(messages.map((m) => m.type)).toEqual(['progress', 'progress', 'done']);
    expect(messages.every((m) => m.id === 7)).toBe(true);
    const done = messages[2];
    expect(done?.type === 'done' && done.results.map((r) => r.key)).toEqual(['a', 'b']);
    // Results cross the worker boundary by structured clone: plain data only.
    expect(structuredClone(done)).toEqual(done);
  });

  it('turns an exception into an error message', () => {
    const messages: StatsResponse[] = [];
    const broken = { ...makeInput([1], [[1]]), others: null } as unknown as ReturnType<
      typeof makeInput
    >;
    handleStatsRequest({ id: 1, inputs: [broken] }, (m) => messages.push(m));
    expect(messages.at(-1)?.type).toBe('error');
  });
});
