/** Messages between the statistics hooks and stats.worker.ts, plus the handler the worker runs. */
import { comparisonCount } from '../model/job-size';
import { computeKeyStats } from '../model/paired-stats';
import { computeSlices, type SliceStats } from '../model/slices';
import type { ExampleLabels, KeyStats, StatsInput, StatsOptions } from '../model/types';

/** Every comparison against the baseline, or the slices of every key by one metadata key. */
export type StatsJob =
  | { type: 'compare'; inputs: StatsInput[]; options?: StatsOptions }
  | { type: 'slices'; inputs: StatsInput[]; options?: StatsOptions; slices: ExampleLabels };

export type JobResult =
  | { type: 'compare'; results: KeyStats[] }
  | { type: 'slices'; slices: SliceStats[] };

export interface StatsRequest {
  id: number;
  job: StatsJob;
}

export type StatsResponse =
  | { id: number; type: 'progress'; done: number; total: number }
  | { id: number; type: 'done'; result: JobResult }
  | { id: number; type: 'error'; message: string };

/** Runs a job, calling `progress(done, total)` after each comparison (or slice key). */
export function runJob(job: StatsJob, progress?: (done: number, total: number) => void): JobResult {
  const options = job.options ?? {};
  if (job.type === 'slices') {
    const slices: SliceStats[] = [];
    job.inputs.forEach((input, i) => {
      const s = computeSlices(input, job.slices, options);
      if (s) slices.push(s);
      progress?.(i + 1, job.inputs.length);
    });
    return { type: 'slices', slices };
  }
  const total = Math.max(1, comparisonCount(job.inputs));
  let done = 0;
  const results = job.inputs.map((input) => {
    const stats = computeKeyStats(input, options, () => progress?.(++done, total));
    if (stats.kind === 'categorical') progress?.(done, total);
    return stats;
  });
  progress?.(total, total);
  return { type: 'compare', results };
}

/** Progress at most this often: each message re-renders the comparison on the page. */
export const PROGRESS_INTERVAL_MS = 100;

/** The worker body: progress now and then (see PROGRESS_INTERVAL_MS), then the result. */
export function handleStatsRequest(
  request: StatsRequest,
  post: (message: StatsResponse) => void,
  now: () => number = () => performance.now(),
): void {
  const { id, job } = request;
  let last = Number.NEGATIVE_INFINITY;
  try {
    const result = runJob(job, (done, total) => {
      const t = now();
      if (t - last < PROGRESS_INTERVAL_MS || done >= total) return;
      last = t;
      post({ id, type: 'progress', done, total });
    });
    post({ id, type: 'done', result });
  } catch (error) {
    post({ id, type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
}
