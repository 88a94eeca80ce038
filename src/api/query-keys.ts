/**
 * The one query-key factory. Array parts are sorted so that equal views share a cache
 * entry whatever order they were chosen in.
 */
export interface DatasetListParams {
  nameContains: string;
}

export const queryKeys = {
  all: ['langsmith'] as const,
  datasets: () => [...queryKeys.all, 'datasets'] as const,
  datasetList: (params: DatasetListParams) =>
    [...queryKeys.datasets(), 'list', { nameContains: params.nameContains.trim() }] as const,
  dataset: (datasetId: string) => [...queryKeys.datasets(), 'detail', datasetId] as const,
  sessions: (datasetId: string) => [...queryKeys.all, 'sessions', { datasetId }] as const,
  sessionMetadata: (sessionId: string) =>
    [...queryKeys.all, 'session-metadata', sessionId] as const,
  groupedRuns: (datasetId: string, body: Record<string, unknown>) =>
    [...queryKeys.all, 'grouped-runs', datasetId, body] as const,
};

export function sortedUnique(values: readonly string[]): string[] {
  return [...new Set(values)].sort();
}
