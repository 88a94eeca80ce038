import { queryOptions } from '@tanstack/react-query';
import { fetchJson } from './client';
import {
  aggregateFields,
  decimal,
  id,
  optionalId,
  optionalJsonObject,
  text,
  timestamp,
  toAggregate,
} from './primitives';
import { queryKeys } from './query-keys';
import { z } from './zod';

/** The fields every TracerSession-like object has (sessions list and per-group stats). */
export const sessionFields = {
  id,
  name: z.optional(z.string()),
  description: text,
  start_time: timestamp,
  end_time: timestamp,
  last_run_start_time: timestamp,
  reference_dataset_id: optionalId,
  tenant_id: optionalId,
  extra: optionalJsonObject,
  test_run_number: decimal,
  ...aggregateFields,
};

type RawSession = z.output<z.ZodMiniObject<typeof sessionFields>>;

export function toSession(s: RawSession) {
  const metadata = s.extra?.metadata;
  return {
    id: s.id,
    // A session without a name still needs a label a person can tell apart.
    name: s.name?.trim() ? s.name : `Experiment ${s.id.slice(0, 8)}`,
    description: s.description,
    startTime: s.start_time,
    endTime: s.end_time,
    lastRunStartTime: s.last_run_start_time,
    referenceDatasetId: s.reference_dataset_id,
    /** The workspace: the first part of every LangSmith web-app link to it. */
    tenantId: s.tenant_id,
    testRunNumber: s.test_run_number,
    metadata:
      metadata && typeof metadata === 'object' && !Array.isArray(metadata)
        ? (metadata as Record<string, unknown>)
        : {},
    ...toAggregate(s),
  };
}

export const sessionSchema = z.pipe(z.object(sessionFields), z.transform(toSession));

export type Session = z.output<typeof sessionSchema>;

const SESSION_PAGE_SIZE = 100;
/** Ten pages: a dataset with more experiments than this is searched, not listed. */
const SESSION_PAGE_CAP = 10;

/** GET /api/v1/sessions?reference_dataset=…: every experiment of a dataset, newest first. */
export async function fetchDatasetSessions(
  datasetId: string,
  signal?: AbortSignal,
): Promise<Session[]> {
  const all: Session[] = [];
  for (let page = 0; page < SESSION_PAGE_CAP; page++) {
    const batch = await fetchJson('/api/v1/sessions', z.array(sessionSchema), {
      query: {
        reference_dataset: [datasetId],
        offset: page * SESSION_PAGE_SIZE,
        limit: SESSION_PAGE_SIZE,
        include_stats: true,
        sort_by: 'start_time',
        sort_by_desc: true,
      },
      signal,
    });
    all.push(...batch);
    if (batch.length < SESSION_PAGE_SIZE) break;
  }
  return all;
}

export function datasetSessionsQuery(datasetId: string) {
  return queryOptions({
    queryKey: queryKeys.sessions(datasetId),
    queryFn: ({ signal }) => fetchDatasetSessions(datasetId, signal),
  });
}
