import { cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeInput } from '../../../testing/stats-fixtures';
import type { StatsInput } from '../model/types';
import { statsEngine, usePairedStats } from './use-paired-stats';

// A file of its own: the engine's chunk has not been loaded in this module graph yet.
afterEach(cleanup);
afterEach(() => {
  vi.restoreAllMocks();
});

const small = [makeInput([1, 2, 3], [[2, 3, 4]])];
const other = [makeInput([1, 2, 3], [[0, 1, 2]], { key: 'other' })];

describe('when the statistics engine cannot be loaded', () => {
  it('a small job ends in an error that says the code did not load; the next job tries again', async () => {
    // What Chromium rejects a dynamic import with when the network dropped.
    const load = vi
      .spyOn(statsEngine, 'load')
      .mockRejectedValue(
        new TypeError(
          'Failed to fetch dynamically imported module: http://localhost/assets/stats-protocol.js',
        ),
      );
    const { result, rerender } = renderHook(
      ({ inputs }: { inputs: StatsInput[] }) => usePairedStats(inputs),
      { initialProps: { inputs: small } },
    );
    expect(result.current.status).toBe('running');
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.results).toBeNull();
    expect(result.current.error).toBe('its code could not be loaded (is the network down?)');

    // The network is back: a new job loads the engine and computes.
    load.mockRestore();
    expect(statsEngine.current()).toBeUndefined();
    rerender({ inputs: other });
    await waitFor(() => expect(result.current.status).toBe('done'));
    // The other session is below the baseline on all three examples: three losses.
    expect(result.current.results?.[0]).toMatchObject({ key: 'other' });
    expect(result.current.results?.[0]?.comparisons[0]).toMatchObject({ wins: 0, losses: 3 });
  });
});
