import { cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { labelsOf, makeInput } from '../../../testing/stats-fixtures';
import { runJob } from './stats-protocol';
import { statsEngine, usePairedStats, useSliceStats } from './use-paired-stats';

// A file of its own: the engine's chunk has not been loaded in this module graph yet.
afterEach(cleanup);

// Every session better than the baseline on all three examples: three wins, no losses.
const baseline = [1, 2, 3];
const better = [2, 3, 4];
const inputs = [makeInput(baseline, [better])];

describe('a small job before the statistics engine has arrived', () => {
  it('is running, then resolves to what the engine computes synchronously', async () => {
    expect(statsEngine.current()).toBeUndefined();
    const { result } = renderHook(() => usePairedStats(inputs));
    expect(result.current).toMatchObject({ status: 'running', results: null, progress: 0 });
    await waitFor(() => expect(result.current.status).toBe('done'));
    expect(result.current.progress).toBe(1);
    expect(result.current.results?.[0]?.comparisons[0]).toMatchObject({ wins: 3, losses: 0 });
    // The same numbers as the synchronous path gives for this input (same seed, same job).
    const direct = runJob({ type: 'compare', inputs, options: { clusters: null } });
    expect(direct.type === 'compare' && direct.results).toEqual(result.current.results);
  });

  it('once the engine is here, a new job is done within the render', () => {
    expect(statsEngine.current()).toBeDefined();
    const { result } = renderHook(() => useSliceStats(inputs, labelsOf('level', ['x', 'y', 'y'])));
    expect(result.current.status).toBe('done');
    expect(result.current.results?.[0]?.groups.map((g) => g.name)).toEqual(['x', 'y']);
  });
});
