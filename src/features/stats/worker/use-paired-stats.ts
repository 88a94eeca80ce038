/**
 * Runs statistics jobs: on the page for small inputs, in a module worker for large ones so
 * thousands of resamples and permutations never freeze the page. Latest job wins.
 * Pass memoised arguments: a new array or labels identity means a new computation.
 *
 * The statistics engine is its own chunk, loaded when the hook first mounts (beside the
 * first render, not before it): until it has arrived a small job is `running`; once it has,
 * small jobs compute synchronously, within the render that asks for them.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { panelFailure } from '../../../components/panel-boundary';
import { lazyModule } from '../../../lib/lazy-module';
import { markStatistics } from '../../../lib/perf-marks';
import { pairCount } from '../model/job-size';
import type { SliceStats } from '../model/slices';
import type { ExampleLabels, KeyStats, StatsInput } from '../model/types';
import type { JobResult, StatsJob, StatsRequest, StatsResponse } from './stats-protocol';

type RunJob = typeof import('./stats-protocol').runJob;

/** The engine for jobs run on the page (the worker bundles its own copy). */
export const statsEngine = lazyModule(() => import('./stats-protocol'));

export type PairedStatsStatus = 'idle' | 'running' | 'done' | 'error';

export interface JobState<T> {
  status: PairedStatsStatus;
  results: T | null;
  /** 0..1: 0 when a job starts, 1 when it is done. */
  progress?: number;
  /**
   * While a worker runs: its progress (comparisons finished / comparisons) as a store, so
   * only what shows it re-renders, not the whole comparison around the hook.
   */
  live?: ProgressStore;
  error?: string;
}

export interface ProgressStore {
  get(): number;
  subscribe(listener: () => void): () => void;
}

function createProgressStore(): ProgressStore & { set(value: number): void } {
  let value = 0;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(next) {
      value = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type PairedStatsState = JobState<KeyStats[]>;
export type SliceStatsState = JobState<SliceStats[]>;

export interface PairedStatsOptions {
  /** Above this many pairs the worker is used. */
  workerThreshold?: number;
  resamples?: number;
  seed?: number;
  /** Cluster-robust intervals and tests over these example labels. */
  clusters?: ExampleLabels | null;
}

/**
 * Low: the resamples and permutations of even 100 examples × 4 experiments took ~110 ms of
 * the first paint and ~165 ms of each interaction on the main thread (the bench's profile of
 * S); in the worker they cost the page nothing. Only a handful of pairs stays here.
 */
export const WORKER_THRESHOLD = 200;

const IDLE: JobState<never> = { status: 'idle', results: null };
const RUNNING: JobState<never> = { status: 'running', results: null, progress: 0 };

function canUseWorker(): boolean {
  // A snapshot file (`file://`) cannot start a module worker: it computes on the page.
  return typeof Worker !== 'undefined' && import.meta.env.MODE !== 'snapshot';
}

function createWorker(): Worker {
  // Written out literally so Vite recognises and bundles the worker.
  return new Worker(new URL('./stats.worker.ts', import.meta.url), { type: 'module' });
}

function computeNow(runJob: RunJob, job: StatsJob): JobState<JobResult> {
  try {
    return { status: 'done', results: runJob(job), progress: 1 };
  } catch (error) {
    return {
      status: 'error',
      results: null,
      error: error instanceof Error ? error.message : String(error),
    };
  }
}

/** The engine's chunk did not arrive: said as what it is, e.g. the network is down. */
function engineFailed(error: unknown): JobState<never> {
  return { status: 'error', results: null, error: panelFailure(error) };
}

/** No worker after all (a policy forbids it): compute on the page, once the engine is here. */
function computeHere(job: StatsJob, settle: (state: JobState<JobResult>) => void): void {
  const loaded = statsEngine.current();
  if (loaded) {
    settle(computeNow(loaded.runJob, job));
    return;
  }
  statsEngine.load().then(
    (arrived) => settle(computeNow(arrived.runJob, job)),
    (error: unknown) => settle(engineFailed(error)),
  );
}

function useStatsJob(job: StatsJob | null, workerThreshold: number): JobState<JobResult> {
  const inWorker = job !== null && canUseWorker() && pairCount(job.inputs) > workerThreshold;
  const [engine, setEngine] = useState(statsEngine.current);
  const syncState = useMemo(() => {
    if (job === null) return IDLE;
    if (inWorker || !engine) return null;
    return computeNow(engine.runJob, job);
  }, [job, inWorker, engine]);

  const [asyncState, setAsyncState] = useState<{
    for: StatsJob | null;
    state: JobState<JobResult>;
  }>({ for: null, state: IDLE });

  // Asked for at mount, before any job: by the time the data has arrived, so has the engine.
  // A failed load matters only to a job that waits for it; the next such job tries again.
  useEffect(() => {
    if (engine) return;
    let live = true;
    statsEngine.load().then(
      (loaded) => {
        if (live) setEngine(loaded);
      },
      (error: unknown) => {
        if (live && job !== null && !inWorker)
          setAsyncState({ for: job, state: engineFailed(error) });
      },
    );
    return () => {
      live = false;
    };
  }, [engine, job, inWorker]);
  const workerRef = useRef<Worker | null>(null);
  // One store and one "running" state per hook: progress messages touch only the store.
  const [progress] = useState(createProgressStore);
  const running = useMemo<JobState<JobResult>>(() => ({ ...RUNNING, live: progress }), [progress]);
  const busyRef = useRef(false);
  const requestRef = useRef(0);
  // The last answer, kept on screen while a job over the same inputs runs (a new cluster
  // key): the tables and column markers stay instead of collapsing and coming back.
  const lastRef = useRef<{ job: StatsJob; results: JobResult } | null>(null);

  useEffect(() => {
    const id = ++requestRef.current;
    if (!inWorker || job === null) {
      // Stale work for a job that is no longer wanted: stop it.
      if (busyRef.current) {
        workerRef.current?.terminate();
        workerRef.current = null;
        busyRef.current = false;
      }
      return;
    }
    // A busy worker cannot be interrupted mid-job: replace it so the latest job starts now.
    if (busyRef.current && workerRef.current) {
      workerRef.current.terminate();
      workerRef.current = null;
    }
    let worker = workerRef.current;
    if (!worker) {
      try {
        worker = createWorker();
      } catch {
        computeHere(job, (state) => {
          if (id === requestRef.current) setAsyncState({ for: job, state });
        });
        return;
      }
      workerRef.current = worker;
    }
    const settle = (state: JobState<JobResult>) => {
      busyRef.current = false;
      markStatistics('done');
      lastRef.current = state.results ? { job, results: state.results } : null;
      setAsyncState({ for: job, state });
    };
    worker.onmessage = (event: MessageEvent<StatsResponse>) => {
      const message = event.data;
      if (message.id !== requestRef.current) return; // stale answer to an older job
      if (message.type === 'progress') {
        progress.set(message.total > 0 ? message.done / message.total : 1);
      } else if (message.type === 'done') {
        settle({ status: 'done', results: message.result, progress: 1 });
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
    markStatistics('start');
    progress.set(0);
    const last = lastRef.current;
    const kept = last && sameInputs(last.job, job) ? last.results : null;
    setAsyncState({ for: job, state: kept ? { ...running, results: kept } : running });
    const request: StatsRequest = { id, job };
    worker.postMessage(request);
  }, [job, inWorker, progress, running]);

  useEffect(
    () => () => {
      workerRef.current?.terminate();
      workerRef.current = null;
      busyRef.current = false;
    },
    [],
  );

  if (syncState) return syncState;
  if (asyncState.for === job) return asyncState.state;
  // Until the effect has posted this job it is running; older results stay only when they
  // are about the same inputs.
  const before = asyncState.for;
  const kept = before && job && sameInputs(before, job) ? asyncState.state.results : null;
  return kept ? { ...running, results: kept } : running;
}

/** Same kind of job over the same inputs: only options (clusters) or slice labels differ. */
function sameInputs(a: StatsJob, b: StatsJob): boolean {
  return a.type === b.type && a.inputs === b.inputs;
}

function unwrap<T>(state: JobState<JobResult>, pick: (r: JobResult) => T | null): JobState<T> {
  return { ...state, results: state.results ? pick(state.results) : null };
}

/** Every session against the baseline, key by key. */
export function usePairedStats(
  inputs: StatsInput[] | null,
  options: PairedStatsOptions = {},
): PairedStatsState {
  const { workerThreshold = WORKER_THRESHOLD, resamples, seed, clusters = null } = options;
  const job = useMemo<StatsJob | null>(
    () =>
      inputs === null ? null : { type: 'compare', inputs, options: { resamples, seed, clusters } },
    [inputs, resamples, seed, clusters],
  );
  const state = useStatsJob(job, workerThreshold);
  return useMemo(() => unwrap(state, (r) => (r.type === 'compare' ? r.results : null)), [state]);
}

/** Slices of every key by one metadata key (computed only while asked for). */
export function useSliceStats(
  inputs: StatsInput[] | null,
  slices: ExampleLabels | null,
  options: PairedStatsOptions = {},
): SliceStatsState {
  const { workerThreshold = WORKER_THRESHOLD, resamples, seed, clusters = null } = options;
  const job = useMemo<StatsJob | null>(
    () =>
      inputs === null || slices === null
        ? null
        : { type: 'slices', inputs, slices, options: { resamples, seed, clusters } },
    [inputs, slices, resamples, seed, clusters],
  );
  const state = useStatsJob(job, workerThreshold);
  return useMemo(() => unwrap(state, (r) => (r.type === 'slices' ? r.slices : null)), [state]);
}
