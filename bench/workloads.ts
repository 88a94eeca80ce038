import type { ApiDataset, ApiSessionBase } from '../src/mocks/api-types';
import {
  type DatasetContent,
  generateScaleDataset,
  type ScaleDataset,
  type WorkspaceStore,
} from '../src/mocks/generator';

/**
 * The benchmark's workloads: scale datasets from the demo generator (about 300-character
 * answers, 3 feedback keys), with lean runs (per-run feedback_stats, no `feedbacks` array)
 * so that 80,000 runs stay a realistic payload.
 */

export type WorkloadName = 'S' | 'M' | 'L';

export interface WorkloadSpec {
  name: WorkloadName;
  examples: number;
  sessions: number;
  seed: number;
}

export const WORKLOAD_SPECS: Record<WorkloadName, WorkloadSpec> = {
  S: { name: 'S', examples: 100, sessions: 4, seed: 7_100_004 },
  M: { name: 'M', examples: 1_000, sessions: 6, seed: 7_001_006 },
  L: { name: 'L', examples: 10_000, sessions: 8, seed: 7_010_008 },
};

/**
 * The run-metadata key the bench groups by. Scale sessions run prompt v1 for their first four
 * models and v2 after, so this gives at most two groups and each example appears once per
 * session: the payload is the workload, not a multiple of it.
 */
export const GROUP_KEY = 'prompt_version';

export const BENCH_TENANT_ID = '0b5e7a1c-4d2f-4e8a-9c61-3f0d2b7e5a90';

export interface Workload {
  spec: WorkloadSpec;
  dataset: ApiDataset;
  sessions: ApiSessionBase[];
  content: DatasetContent;
  runCount: number;
}

export function buildWorkload(spec: WorkloadSpec): Workload {
  const data: ScaleDataset = generateScaleDataset({
    examples: spec.examples,
    sessions: spec.sessions,
    seed: spec.seed,
    feedbackKeys: 3,
    outputChars: 300,
    feedbackDetail: 'stats',
    tenantId: BENCH_TENANT_ID,
    name: `Bench ${spec.name} (${spec.examples.toLocaleString('en-US')} × ${spec.sessions})`,
  });
  return {
    spec,
    dataset: data.dataset,
    sessions: data.sessions,
    content: { examples: data.examples, runs: data.runs },
    runCount: data.runs.length,
  };
}

/** A workspace holding exactly the given workloads, all built up front. */
export function createBenchStore(workloads: readonly Workload[]): WorkspaceStore {
  const contents = new Map(workloads.map((w) => [w.dataset.id, w.content]));
  const empty: DatasetContent = { examples: [], runs: [] };
  return {
    tenantId: BENCH_TENANT_ID,
    datasets: workloads.map((w) => w.dataset),
    sessions: workloads.flatMap((w) => w.sessions),
    contentOf: (datasetId) => contents.get(datasetId) ?? empty,
    isContentBuilt: (datasetId) => contents.has(datasetId),
  };
}

/** The app URL (see src/app/view-params.ts) that shows the whole workload in one response. */
export function workloadPath(workload: Workload): string {
  const params = new URLSearchParams({
    dataset: workload.dataset.id,
    sessions: workload.sessions.map((s) => s.id).join(','),
    groupBy: 'run_metadata',
    key: GROUP_KEY,
    pageSize: String(workload.spec.examples),
  });
  return `/?${params.toString().replace(/%2C/g, ',')}`;
}
