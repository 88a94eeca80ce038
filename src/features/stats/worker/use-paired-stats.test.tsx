import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { labelsOf, makeInput } from '../../../testing/stats-fixtures';
import type { StatsInput } from '../model/types';
import { handleStatsRequest, type StatsRequest, type StatsResponse } from './stats-protocol';
import { statsEngine, usePairedStats, useSliceStats } from './use-paired-stats';

// Once its chunk is in, small jobs compute within the render (use-paired-stats-lazy.test.tsx
// covers the wait for the chunk).
beforeAll(async () => {
  await statsEngine.load();
});
afterEach(cleanup);
afterEach(() => {
  vi.unstubAllGlobals();
});

/** Stands in for the module worker: holds requests until the test delivers them. */
class FakeWorker {
  static instances: FakeWorker[] = [];
  onmessage: ((event: MessageEvent<StatsResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  requests: StatsRequest[] = [];
  terminated = false;
  constructor(
    public url: URL,
    public options: WorkerOptions,
  ) {
    FakeWorker.instances.push(this);
  }
  postMessage(request: StatsRequest) {
    this.requests.push(request);
  }
  terminate() {
    this.terminated = true;
  }
  deliver(index = 0) {
    const request = this.requests[index];
    if (!request) throw new Error('no request');
    handleStatsRequest(request, (message) =>
      this.onmessage?.({ data: message } as MessageEvent<StatsResponse>),
    );
  }
}

function useFakeWorker() {
  FakeWorker.instances = [];
  vi.stubGlobal('Worker', FakeWorker);
}

const small = [makeInput([1, 2, 3], [[2, 3, 4]])];
const other = [makeInput([1, 2, 3], [[0, 1, 2]], { key: 'other' })];

describe('usePairedStats', () => {
  it('is idle without inputs', () => {
    const { result } = renderHook(() => usePairedStats(null));
    expect(result.current).toEqual({ status: 'idle', results: null });
  });

  it('computes synchronously when Worker is unavailable (jsdom)', () => {
    const { result } = renderHook(() => usePairedStats(small, { workerThreshold: 0 }));
    expect(result.current.status).toBe('done');
    expect(result.current.results?.[0]?.comparisons[0]?.wins).toBe(3);
  });

  it('computes small inputs synchronously even when Worker exists', () => {
    useFakeWorker();
    const { result } = renderHook(() => usePairedStats(small));
    expect(result.current.status).toBe('done');
    expect(FakeWorker.instances).toHaveLength(0);
  });

  it('runs large inputs in a module worker and reports progress, then results', () => {
    useFakeWorker();
    const { result } = renderHook(() => usePairedStats(small, { workerThreshold: 0 }));
    expect(result.current.status).toBe('running');
    const worker = FakeWorker.instances[0];
    expect(worker?.options).toEqual({ type: 'module' });
    expect(String(worker?.url)).toMatch(/stats\.worker\.ts/);
    act(() => worker?.deliver());
    expect(result.current.status).toBe('done');
    expect(result.current.progress).toBe(1);
    expect(result.current.results?.[0]?.key).toBe('score');
  });

  it('progress goes to a store: the component around the hook does not re-render per message', () => {
    useFakeWorker();
    let renders = 0;
    const { result } = renderHook(() => {
      renders++;
      return usePairedStats(small, { workerThreshold: 0 });
    });
    const worker = FakeWorker.instances.at(-1);
    const id = worker?.requests[0]?.id ?? -1;
    const seen: number[] = [];
    result.current.live?.subscribe(() => seen.push(result.current.live?.get() ?? -1));
    const before = renders;
    act(() =>
      worker?.onmessage?.({
        data: { id, type: 'progress', done: 1, total: 4 },
      } as MessageEvent<StatsResponse>),
    );
    expect(renders).toBe(before);
    expect(seen).toEqual([0.25]);
    expect(result.current.status).toBe('running');
  });

  it('latest input wins: a busy worker is replaced and stale answers are ignored', () => {
    useFakeWorker();
    const { result, rerender } = renderHook(
      ({ inputs }: { inputs: StatsInput[] }) => usePairedStats(inputs, { workerThreshold: 0 }),
      { initialProps: { inputs: small } },
    );
    const first = FakeWorker.instances[0];
    rerender({ inputs: other });
    expect(first?.terminated).toBe(true);
    act(() => first?.deliver()); // a late answer for the old input
    expect(result.current.status).toBe('running');
    const second = FakeWorker.instances.at(-1);
    act(() => second?.deliver(second.requests.length - 1));
    expect(result.current.status).toBe('done');
    expect(result.current.results?.[0]?.key).toBe('other');
  });

  it('reuses an idle worker and terminates it on unmount', () => {
    useFakeWorker();
    const { rerender, unmount } = renderHook(
      ({ inputs }: { inputs: StatsInput[] }) => usePairedStats(inputs, { workerThreshold: 0 }),
      { initialProps: { inputs: small } },
    );
    const worker = FakeWorker.instances.at(-1);
    act(() => worker?.deliver(worker.requests.length - 1));
    const before = FakeWorker.instances.length;
    rerender({ inputs: other });
    expect(FakeWorker.instances.length).toBe(before);
    unmount();
    expect(worker?.terminated).toBe(true);
  });

  it('reports a worker failure as an error', () => {
    useFakeWorker();
    const { result } = renderHook(() => usePairedStats(small, { workerThreshold: 0 }));
    const worker = FakeWorker.instances.at(-1);
    act(() => worker?.onerror?.(new ErrorEvent('error', { message: 'boom' })));
    expect(result.current).toMatchObject({ status: 'error', error: 'boom' });
  });

  it('sends the cluster labels with the job, and a new clustering is a new job', () => {
    useFakeWorker();
    const clusters = labelsOf('doc', ['a', 'a', 'b']);
    const { rerender } = renderHook(
      ({ c }: { c: typeof clusters | null }) =>
        usePairedStats(small, { workerThreshold: 0, clusters: c }),
      { initialProps: { c: clusters as typeof clusters | null } },
    );
    const worker = FakeWorker.instances.at(-1);
    expect(worker?.requests[0]?.job.options?.clusters).toBe(clusters);
    rerender({ c: null });
    const last = FakeWorker.instances.at(-1);
    expect(last?.requests.at(-1)?.job.options?.clusters).toBeNull();
  });

  it('falls back to computing here if the worker cannot start', () => {
    vi.stubGlobal(
      'Worker',
      class {
        constructor() {
          throw new Error('blocked by policy');
        }
      },
    );
    const { result } = renderHook(() => usePairedStats(small, { workerThreshold: 0 }));
    expect(result.current.status).toBe('done');
  });
});

describe('useSliceStats', () => {
  it('is idle until a slice key is given, then slices every key', () => {
    const { result, rerender } = renderHook(
      ({ on }: { on: boolean }) =>
        useSliceStats(small, on ? labelsOf('level', ['x', 'y', 'y']) : null),
      { initialProps: { on: false } },
    );
    expect(result.current.status).toBe('idle');
    rerender({ on: true });
    expect(result.current.status).toBe('done');
    expect(result.current.results?.[0]?.groups.map((g) => g.name)).toEqual(['x', 'y']);
  });
});

describe('while a new clustering is computed', () => {
  it('keeps the last results of the same inputs on screen, never those of other inputs', () => {
    useFakeWorker();
    const { result, rerender } = renderHook(
      ({ inputs, c }: { inputs: StatsInput[]; c: ReturnType<typeof labelsOf> | null }) =>
        usePairedStats(inputs, { workerThreshold: 0, clusters: c }),
      { initialProps: { inputs: small, c: null as ReturnType<typeof labelsOf> | null } },
    );
    const worker = () => FakeWorker.instances.at(-1);
    act(() => worker()?.deliver(0));
    const first = result.current.results;
    expect(first?.[0]?.comparisons[0]?.clustering).toBeNull();
    rerender({ inputs: small, c: labelsOf('doc', ['a', 'a', 'b']) });
    expect(result.current.status).toBe('running');
    expect(result.current.results).toBe(first);
    act(() => worker()?.deliver((worker()?.requests.length ?? 1) - 1));
    expect(result.current.results?.[0]?.comparisons[0]?.clustering?.key).toBe('doc');
    // Other inputs (a new baseline, new data): nothing stale is shown.
    rerender({ inputs: other, c: null });
    expect(result.current).toMatchObject({ status: 'running', results: null });
  });
});
