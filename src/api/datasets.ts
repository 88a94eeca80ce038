import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { fetchJson } from './client';
import { decimal, id, optionalId, optionalJsonObject, text, timestamp } from './primitives';
import { queryKeys } from './query-keys';
import { z } from './zod';

/** GET /api/v1/datasets and GET /api/v1/datasets/{id}. */
export const datasetSchema = z.pipe(
  z.object({
    id,
    name: z.string(),
    description: text,
    data_type: text,
    created_at: timestamp,
    modified_at: timestamp,
    last_session_start_time: timestamp,
    example_count: decimal,
    session_count: decimal,
    metadata: optionalJsonObject,
    tenant_id: optionalId,
  }),
  z.transform((d) => ({
    id: d.id,
    name: d.name,
    description: d.description,
    dataType: d.data_type,
    createdAt: d.created_at,
    modifiedAt: d.modified_at,
    lastSessionStartTime: d.last_session_start_time,
    exampleCount: d.example_count,
    sessionCount: d.session_count,
    metadata: d.metadata,
    tenantId: d.tenant_id,
  })),
);

export type Dataset = z.output<typeof datasetSchema>;

export const DATASET_PAGE_SIZE = 25;

export function fetchDatasets(
  params: { nameContains: string; offset: number; limit?: number },
  signal?: AbortSignal,
): Promise<Dataset[]> {
  return fetchJson('/api/v1/datasets', z.array(datasetSchema), {
    query: {
      name_contains: params.nameContains.trim() || undefined,
      offset: params.offset,
      limit: params.limit ?? DATASET_PAGE_SIZE,
    },
    signal,
  });
}

export function fetchDataset(datasetId: string, signal?: AbortSignal): Promise<Dataset> {
  return fetchJson(`/api/v1/datasets/${encodeURIComponent(datasetId)}`, datasetSchema, {
    signal,
  });
}

export function datasetListQuery(nameContains: string) {
  return infiniteQueryOptions({
    queryKey: queryKeys.datasetList({ nameContains }),
    queryFn: ({ pageParam, signal }) => fetchDatasets({ nameContains, offset: pageParam }, signal),
    initialPageParam: 0,
    getNextPageParam: (lastPage, _pages, lastOffset) =>
      lastPage.length < DATASET_PAGE_SIZE ? undefined : lastOffset + lastPage.length,
  });
}

export function datasetQuery(datasetId: string) {
  return queryOptions({
    queryKey: queryKeys.dataset(datasetId),
    queryFn: ({ signal }) => fetchDataset(datasetId, signal),
  });
}
