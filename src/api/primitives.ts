import { toFiniteNumber } from '../lib/numbers';
import { parseTimestamp } from '../lib/timestamps';
import { normaliseFeedbackStats } from './feedback-stats';
import { z } from './zod';

/**
 * Lenient building blocks shared by every endpoint schema: they accept what real servers
 * send (see docs/real-world-shapes.md) and hand the app one normalised type each.
 */

/** Ids: any 8-4-4-4-12 hex string (LangSmith mixes uuid versions). */
export const id = z.guid();

export const optionalId = z.pipe(
  z.optional(z.union([z.guid(), z.null()])),
  z.transform((v) => v ?? null),
);

export const text = z.pipe(
  z.optional(z.union([z.string(), z.null()])),
  z.transform((v) => v ?? null),
);

/** Any timestamp form (zone-less, `+00:00`, `Z`, space-separated) -> epoch ms or null. */
export const timestamp = z.pipe(
  z.optional(z.union([z.string(), z.number(), z.null()])),
  z.transform((v) => parseTimestamp(v)),
);

/**
 * Costs, counts, rates and other numbers: a JSON number (integers as `0`, floats as `0.25`), a
 * decimal string or null -> a finite number or null.
 */
export const decimal = z.pipe(
  z.optional(z.union([z.number(), z.string(), z.null()])),
  z.transform((v) => toFiniteNumber(v)),
);

/** Free-form JSON objects are kept whole; checking them key by key would cost and gain nothing. */
export const jsonObject = z.custom<Record<string, unknown>>(
  (v) => v !== null && typeof v === 'object' && !Array.isArray(v),
  { message: 'Expected an object' },
);

export const optionalJsonObject = z.pipe(
  z.optional(z.union([jsonObject, z.null()])),
  z.transform((v) => v ?? null),
);

export const feedbackStats = z.pipe(
  z.optional(z.unknown()),
  z.transform((v) => normaliseFeedbackStats(v)),
);

/** Tokens and cost, as a run and every aggregate (session, group) carry them. */
export const usageFields = {
  total_tokens: decimal,
  prompt_tokens: decimal,
  completion_tokens: decimal,
  total_cost: decimal,
  prompt_cost: decimal,
  completion_cost: decimal,
};

/** The aggregate fields shared by sessions, per-group session stats and groups. */
export const aggregateFields = {
  run_count: decimal,
  latency_p50: decimal,
  latency_p99: decimal,
  ...usageFields,
  error_rate: decimal,
  feedback_stats: feedbackStats,
};

export interface AggregateStats {
  runCount: number | null;
  latencyP50: number | null;
  latencyP99: number | null;
  totalTokens: number | null;
  promptTokens: number | null;
  completionTokens: number | null;
  totalCost: number | null;
  promptCost: number | null;
  completionCost: number | null;
  /** Fraction of runs that failed, 0..1. */
  errorRate: number | null;
  feedback: ReturnType<typeof normaliseFeedbackStats>;
}

type RawAggregate = {
  [K in keyof typeof aggregateFields]: z.output<(typeof aggregateFields)[K]>;
};

export function toAggregate(raw: RawAggregate): AggregateStats {
  return {
    runCount: raw.run_count,
    latencyP50: raw.latency_p50,
    latencyP99: raw.latency_p99,
    totalTokens: raw.total_tokens,
    promptTokens: raw.prompt_tokens,
    completionTokens: raw.completion_tokens,
    totalCost: raw.total_cost,
    promptCost: raw.prompt_cost,
    completionCost: raw.completion_cost,
    errorRate: raw.error_rate,
    feedback: raw.feedback_stats,
  };
}
