/**
 * Runs the paired statistics: synchronously for small inputs, in a module worker for large
 * ones so thousands of bootstrap resamples never freeze the page. Latest input wins.
 * Pass a memoised `inputs` array: a new array identity means a new computation.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { computeAllStats, type KeyStats, pairCount, type StatsInput } from './paired-stats';
import type { StatsRequest, StatsResponse } from './stats-protocol';

export type PairedStatsStatus = 'idle' | 'running' | 'done' | 'error';

export interface PairedStatsState {
  status: PairedStatsStatus;
  results: KeyStats[] | null;
  /** 0..1 while the worker runs (keys finished / keys). */
  progress?: number;
  error?: string;
}

export interface PairedStatsOptions {
  /** Above this many pairs the worker is used. */
  workerThreshold?: number;
  resamples?: number;
  seed?: number;
}

export const WORKER_THRESHOLD = 2000;

const IDLE: PairedStatsState = { status: 'idle', results: null };
const RUNNING: PairedStatsState = { status: 'running', results: null, progress: 0 };

function canUseWorker(): boolean {
  return typeof Worker !== 'undefined';
}

function createWorker(): Worker {
  // Written out literally so Vite recognises and bundles the worker.
  return new Worker(new URL('./stats.worker.ts', import.meta.url), { type: 'module' });
}

function computeNow(inputs: StatsInput[], resamples?: number, seed?: number): PairedStatsState {
  try {
    return { status: 'done', results: computeAllStats(inputs, { resamples, seed }), progress: 1 };
  } catch (error) {
    return {
      status: 'error',
      results: null,
      error: error instanceof Error ? error.message : String(error),
    };
  }
}

export function usePairedStats(
  inputs: StatsInput[] | null,
  options: PairedStatsOptions = {},
): PairedStatsState {
  const { workerThreshold = WORKER_THRESHOLD, resamples, seed } = options;
  const inWorker = inputs !== null && canUseWorker() && pairCount(inputs) > workerThreshold;

  const syncState = useMemo(() => {
    if (inputs === null) return IDLE;
    return inWorker ? null : computeNow(inputs, resamples, seed);
  }, [inputs, inWorker, resamples, seed]);

  const [asyncState, setAsyncState] = useState<{
    for: StatsInput[] | null;
    state: PairedStatsState;
  }>({
    for: null,
    state: IDLE,
  });
  const workerRef = useRef<Worker | null>(null);
  const busyRef = useRef(false);
  const requestRef = useRef(0);

  useEffect(() => {
    const id = ++requestRef.current;
    if (!inWorker || inputs === null) {
      // Stale work for an input that is no longer wanted: stop it.
      if (busyRef.current) {
        workerRef.current?.terminate();
        workerRef.current = null;
        busyRef.current = false;
      }
      return;
    }
    // A busy worker cannot be interrupted mid-key: replace it so the latest input starts now.
    if (busyRef.current && workerRef.current) {
      workerRef.current.terminate();
      workerRef.current = null;
    }
    let worker = workerRef.current;
    if (!worker) {
      try {
        worker = createWorker();
      } catch {
        setAsyncState({ for: inputs, state: computeNow(inputs, resamples, seed) });
        return;
      }
      workerRef.current = worker;
    }
    const settle = (state: PairedStatsState) => {
      busyRef.current = false;
      setAsyncState({ for: inputs, state });
    };
    worker.onmessage = (event: MessageEvent<StatsResponse>) => {
      const message = event.data;
      if (message.id !== requestRef.current) return; // stale answer to an older input
      if (message.type === 'progress') {
        const progress = message.total > 0 ? message.done / message.total : 1;
        setAsyncState({ for: inputs, state: { ...RUNNING, progress } });
      } else if (message.type === 'done') {
        settle({ status: 'done', results: message.results, progress: 1 });
      } else {
        settle({ status: 'error', results: null, error: message.message });
      }
    };
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      if (id !== requestRef.current) return;
      worker?.terminate();
      workerRef.current = null;
      settle({
        status: 'error',
        results: null,
        error: event.message || 'The statistics worker failed.',
      });
    };
    busyRef.current = true;
    setAsyncState({ for: inputs, state: RUNNING });
    const request: StatsRequest = { id, inputs, options: { resamples, seed } };
    worker.postMessage(request);
  }, [inputs, inWorker, resamples, seed]);

  useEffect(
    () => () => {
      workerRef.current?.terminate();
      workerRef.current = null;
      busyRef.current = false;
    },
    [],
  );

  if (syncState) return syncState;
  // Until the effect has posted this input, report it as running rather than older results.
  return asyncState.for === inputs ? asyncState.state : RUNNING;
}
