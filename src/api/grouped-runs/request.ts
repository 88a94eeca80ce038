import { formatPath } from '../client';
import { ApiError } from '../errors';
import { sortedUnique } from '../query-keys';
import { z } from '../zod';

/** POST /api/v1/datasets/{dataset_id}/group/runs — "Read Examples With Runs Grouped": the body. */

export const GROUP_BY_VALUES = ['run_metadata', 'example_metadata'] as const;
export type GroupBy = (typeof GROUP_BY_VALUES)[number];

/** The spec's constraints, checked before a body is sent, so the server never has to 422. */
const groupedRunsRequestSchema = z.object({
  session_ids: z.array(z.guid()).check(z.minLength(1)),
  offset: z._default(z.int().check(z.minimum(0)), 0),
  limit: z._default(z.int().check(z.minimum(1)), 10),
  preview: z._default(z.boolean(), false),
  group_by: z.enum(GROUP_BY_VALUES),
  metadata_key: z.string(),
  per_group_limit: z._default(z.int().check(z.minimum(1), z.maximum(10)), 5),
  filters: z.optional(z.nullable(z.record(z.guid(), z.array(z.string())))),
});

export type GroupedRunsRequest = z.input<typeof groupedRunsRequestSchema>;
/** A request as sent: checked against the spec, defaults filled in. */
export type GroupedRunsBody = z.output<typeof groupedRunsRequestSchema>;

/** Builds the request body, or says why the spec forbids it (nothing malformed is ever sent). */
export function buildGroupedRunsBody(
  request: GroupedRunsRequest,
): { ok: true; body: GroupedRunsBody } | { ok: false; error: ApiError } {
  const parsed = groupedRunsRequestSchema.safeParse({
    ...request,
    session_ids: sortedUnique(request.session_ids),
  });
  if (parsed.success) return { ok: true, body: parsed.data };
  const reasons = parsed.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`);
  return {
    ok: false,
    error: new ApiError({
      kind: 'request-invalid',
      path: 'group/runs',
      message: `This view cannot be requested (${reasons.join('; ')}).`,
    }),
  };
}

/** Examples per group that a large page asks for first, on their own: a screen and more. */
export const FIRST_SCREEN = 50;
/** Pages longer than this send the first-screen request beside their own. */
export const FIRST_SCREEN_FROM = 200;

/** The first-screen request of a large page, or null for a page small enough on its own. */
export function firstScreenBody(page: GroupedRunsBody): GroupedRunsBody | null {
  return page.limit > FIRST_SCREEN_FROM ? { ...page, limit: FIRST_SCREEN } : null;
}

export function groupedRunsPath(datasetId: string): string {
  return `/api/v1/datasets/${encodeURIComponent(datasetId)}/group/runs`;
}
