import { describe, expect, it } from 'vitest';
import { labelsOf, makeInput } from '../../../testing/stats-fixtures';
import { handleStatsRequest, runJob, type StatsResponse } from './stats-protocol';

describe('handleStatsRequest (the worker body)', () => {
  it('reports progress now and then, then the results, tagged with the request id', () => {
    const messages: StatsResponse[] = [];
    const inputs = [
      makeInput(
        [1, 2, 3],
        [
          [2, 3, 4],
          [1, 1, 1],
        ],
        { key: 'a' },
      ),
      makeInput(
        [0, 1],
        [
          [1, 1],
          [0, 0],
        ],
        { key: 'b' },
      ),
    ];
    // A clock that moves 60 ms per comparison: progress at most every 100 ms.
    let clock = 0;
    const now = () => (clock += 60);
    handleStatsRequest({ id: 7, job: { type: 'compare', inputs } }, (m) => messages.push(m), now);
    expect(messages.map((m) => (m.type === 'progress' ? `${m.done}/${m.total}` : m.type))).toEqual([
      '1/4',
      '3/4',
      'done',
    ]);
    expect(messages.every((m) => m.id === 7)).toBe(true);
    const done = messages.at(-1);
    expect(
      done?.type === 'done' &&
        done.result.type === 'compare' &&
        done.result.results.map((r) => r.key),
    ).toEqual(['a', 'b']);
    // Results cross the worker boundary by structured clone: plain data only.
    expect(structuredClone(done)).toEqual(done);
  });

  it('reports progress within a key, one step per session', () => {
    const steps: number[] = [];
    runJob(
      {
        type: 'compare',
        inputs: [
          makeInput(
            [1, 2],
            [
              [2, 3],
              [3, 4],
              [0, 1],
            ],
          ),
        ],
      },
      (done) => steps.push(done),
    );
    expect(steps).toEqual([1, 2, 3, 3]);
  });

  it('runs slices jobs, clustered when asked', () => {
    const input = makeInput([0, 0, 0, 0], [[1, 2, 1, 2]]);
    const result = runJob({
      type: 'slices',
      inputs: [input],
      slices: labelsOf('level', ['a', 'a', 'b', 'b']),
      options: { clusters: labelsOf('doc', ['x', 'y', 'x', 'y']) },
    });
    expect(result.type === 'slices' && result.slices[0]?.groups.map((g) => g.name)).toEqual([
      'a',
      'b',
    ]);
  });

  it('turns an exception into an error message', () => {
    const messages: StatsResponse[] = [];
    const broken = { ...makeInput([1], [[1]]), others: null } as unknown as ReturnType<
      typeof makeInput
    >;
    handleStatsRequest({ id: 1, job: { type: 'compare', inputs: [broken] } }, (m) =>
      messages.push(m),
    );
    expect(messages.at(-1)?.type).toBe('error');
  });
});
