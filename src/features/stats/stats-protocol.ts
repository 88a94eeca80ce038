/** Messages between usePairedStats and stats.worker.ts, plus the handler the worker runs. */
import { computeKeyStats, type KeyStats, type StatsInput, type StatsOptions } from './paired-stats';

export interface StatsRequest {
  id: number;
  inputs: StatsInput[];
  options?: StatsOptions;
}

export type StatsResponse =
  | { id: number; type: 'progress'; done: number; total: number }
  | { id: number; type: 'done'; results: KeyStats[] }
  | { id: number; type: 'error'; message: string };

/** Computes key by key, reporting progress between keys so a long run shows movement. */
export function handleStatsRequest(
  request: StatsRequest,
  post: (message: StatsResponse) => void,
): void {
  const { id, inputs, options } = request;
  try {
    const results: KeyStats[] = [];
    for (const input of inputs) {
      results.push(computeKeyStats(input, options));
      post({ id, type: 'progress', done: results.length, total: inputs.length });
    }
    post({ id, type: 'done', results });
  } catch (error) {
    post({ id, type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
}
