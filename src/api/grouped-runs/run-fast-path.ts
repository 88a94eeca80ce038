import { isGuid } from '../../lib/ids';
import { toFiniteNumber } from '../../lib/numbers';
import { parseTimestamp } from '../../lib/timestamps';

/**
 * The hot path of a large response: 80,000 runs. It checks exactly what the zod run schema
 * checks, by hand, and gives the same fields; anything it does not accept returns null, and
 * the caller asks zod, which says where and why. (A unit test holds the two in step.)
 */

/** Mirrors grouped-runs.ts `runFields` output. */
export interface FastRunFields {
  id: string;
  session_id: string;
  name: string | undefined;
  run_type: string | undefined;
  status: string | undefined;
  error: string | null;
  inputs: Record<string, unknown> | null;
  inputs_preview: string | null;
  outputs: Record<string, unknown> | null;
  outputs_preview: string | null;
  start_time: number | null;
  end_time: number | null;
  total_tokens: number | null;
  prompt_tokens: number | null;
  completion_tokens: number | null;
  total_cost: number | null;
  prompt_cost: number | null;
  completion_cost: number | null;
  feedback_stats: unknown;
  feedbacks: unknown[] | null | undefined;
  reference_example_id: string | null;
  trace_id: string | null | undefined;
  tags: unknown[] | null | undefined;
  app_path: string | null;
  extra: Record<string, unknown> | null;
}

const INVALID = Symbol('invalid');
type Checked<T> = T | typeof INVALID;

const optString = (v: unknown): Checked<string | undefined> =>
  v === undefined || typeof v === 'string' ? v : INVALID;
const text = (v: unknown): Checked<string | null> =>
  v === undefined || v === null ? null : typeof v === 'string' ? v : INVALID;
const object = (v: unknown): Checked<Record<string, unknown> | null> =>
  v === undefined || v === null
    ? null
    : typeof v === 'object' && !Array.isArray(v)
      ? (v as Record<string, unknown>)
      : INVALID;
const time = (v: unknown): Checked<number | null> =>
  v === undefined || v === null || typeof v === 'string' || typeof v === 'number'
    ? parseTimestamp(v)
    : INVALID;
const decimal = (v: unknown): Checked<number | null> =>
  v === undefined || v === null || typeof v === 'string' || typeof v === 'number'
    ? toFiniteNumber(v)
    : INVALID;
const list = (v: unknown): Checked<unknown[] | null | undefined> =>
  v === undefined || v === null || Array.isArray(v) ? (v as unknown[] | null | undefined) : INVALID;

export function readRunFields(raw: unknown): FastRunFields | null {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return null;
  const r = raw as Record<string, unknown>;
  const id = r.id;
  const sessionId = r.session_id;
  if (!isGuid(id)) return null;
  if (!isGuid(sessionId)) return null;
  const ref = r.reference_example_id;
  if (!(ref === undefined || ref === null || isGuid(ref))) return null;
  const traceId = r.trace_id;
  if (!(traceId === undefined || traceId === null || typeof traceId === 'string')) return null;
  const out = {
    id,
    session_id: sessionId,
    name: optString(r.name),
    run_type: optString(r.run_type),
    status: optString(r.status),
    error: text(r.error),
    inputs: object(r.inputs),
    inputs_preview: text(r.inputs_preview),
    outputs: object(r.outputs),
    outputs_preview: text(r.outputs_preview),
    start_time: time(r.start_time),
    end_time: time(r.end_time),
    total_tokens: decimal(r.total_tokens),
    prompt_tokens: decimal(r.prompt_tokens),
    completion_tokens: decimal(r.completion_tokens),
    total_cost: decimal(r.total_cost),
    prompt_cost: decimal(r.prompt_cost),
    completion_cost: decimal(r.completion_cost),
    feedback_stats: r.feedback_stats,
    feedbacks: list(r.feedbacks),
    reference_example_id: (ref ?? null) as string | null,
    trace_id: traceId as string | null | undefined,
    tags: list(r.tags),
    app_path: text(r.app_path),
    extra: object(r.extra),
  };
  for (const value of Object.values(out)) if (value === INVALID) return null;
  return out as FastRunFields;
}
