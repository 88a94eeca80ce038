import { describe, expect, it } from 'vitest';
import { runSliced } from './scheduling';

function* counted(ran: number[]): Generator<void, string> {
  ran.push(1);
  yield;
  ran.push(2);
  return 'done';
}

describe('runSliced', () => {
  it('runs quick steps at once, in the task that calls it', async () => {
    const ran: number[] = [];
    const result = runSliced(counted(ran), { ms: 0 });
    expect(ran).toEqual([1, 2]);
    await expect(result).resolves.toBe('done');
  });

  it('gives the page its turn first when the task has already worked a slice long', async () => {
    const ran: number[] = [];
    const busy = { ms: 0 };
    // The task began 100 ms ago (a large page located before the steps).
    const result = runSliced(counted(ran), busy, undefined, performance.now() - 100);
    expect(ran).toEqual([]);
    await expect(result).resolves.toBe('done');
    expect(ran).toEqual([1, 2]);
    // The work before the steps counts as busy time.
    expect(busy.ms).toBeGreaterThanOrEqual(100);
  });

  it('stops between slices when the signal aborts', async () => {
    const controller = new AbortController();
    controller.abort(new Error('cancelled'));
    const ran: number[] = [];
    await expect(
      runSliced(counted(ran), { ms: 0 }, controller.signal, performance.now() - 100),
    ).rejects.toThrow('cancelled');
    expect(ran).toEqual([]);
  });
});
