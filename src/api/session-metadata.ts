import { queryOptions } from '@tanstack/react-query';
import { fetchJson } from './client';
import { queryKeys } from './query-keys';
import { z } from './zod';

/**
 * GET /api/v1/sessions/{id}/metadata: run-metadata keys with their top values.
 * Values are meant to be strings; numbers and booleans are shown as text rather than
 * rejected, and anything else is left out of the suggestions.
 */
export const sessionMetadataSchema = z.record(
  z.string(),
  z.pipe(
    z.catch(z.array(z.unknown()), []),
    z.transform((values) =>
      values
        .filter(
          (v): v is string | number | boolean =>
            typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean',
        )
        .map(String),
    ),
  ),
);

export type SessionMetadata = z.output<typeof sessionMetadataSchema>;

export function fetchSessionMetadata(
  sessionId: string,
  signal?: AbortSignal,
): Promise<SessionMetadata> {
  return fetchJson(
    `/api/v1/sessions/${encodeURIComponent(sessionId)}/metadata`,
    sessionMetadataSchema,
    { query: { k: 10 }, signal },
  );
}

export function sessionMetadataQuery(sessionId: string) {
  return queryOptions({
    queryKey: queryKeys.sessionMetadata(sessionId),
    queryFn: ({ signal }) => fetchSessionMetadata(sessionId, signal),
    staleTime: 5 * 60_000,
  });
}

/** Merges the keys of several sessions: key -> distinct values, keys sorted. */
export function mergeMetadata(all: readonly SessionMetadata[]): [string, string[]][] {
  const merged = new Map<string, Set<string>>();
  for (const metadata of all) {
    for (const [key, values] of Object.entries(metadata)) {
      const set = merged.get(key) ?? new Set<string>();
      for (const v of values) set.add(v);
      merged.set(key, set);
    }
  }
  return [...merged.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, values]) => [key, [...values]]);
}
