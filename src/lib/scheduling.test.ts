import { afterEach, describe, expect, it, vi } from 'vitest';
import { runSliced, WorkSlices } from './scheduling';

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

describe('turns given by priority', () => {
  afterEach(() => vi.unstubAllGlobals());

  /** A page that is never idle: idle callbacks are queued and never run. */
  function neverIdle(): { queued: number } {
    const state = { queued: 0 };
    vi.stubGlobal('requestIdleCallback', () => {
      state.queued += 1;
      return state.queued;
    });
    return state;
  }

  it('goes on with waited-on work at the next turn, not at an idle moment', async () => {
    const idle = neverIdle();
    const ran: number[] = [];
    const since = performance.now() - 100;
    await expect(runSliced(counted(ran), { ms: 0 }, undefined, since, 'waited-on')).resolves.toBe(
      'done',
    );
    expect(idle.queued).toBe(0);
  });

  it('leaves background work for an idle moment', async () => {
    const idle = neverIdle();
    const ran: number[] = [];
    void runSliced(counted(ran), { ms: 0 }, undefined, performance.now() - 100);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(idle.queued).toBe(1);
    expect(ran).toEqual([]);
  });

  it('counts only the work between turns, not the waits', async () => {
    const slices = new WorkSlices();
    expect(slices.run(() => {})).toBe(false);
    // Time passing between pieces (a download's waits) is not work.
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(slices.run(() => {})).toBe(false);
    const until = performance.now() + 45;
    expect(
      slices.run(() => {
        while (performance.now() < until) {
          // a piece of work longer than a slice
        }
      }),
    ).toBe(true);
  });
});
