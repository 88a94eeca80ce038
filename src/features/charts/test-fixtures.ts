import type { FeedbackKeyStats } from '../../api/feedback-stats';
import type { Group, GroupSession } from '../../api/grouped-runs';
import type { AggregateStats } from '../../api/primitives';

/** Hand-built, normalised fixtures for the chart tests (no server shapes, no mocks). */

export const S1 = '11111111-0000-4000-8000-000000000001';
export const S2 = '22222222-0000-4000-8000-000000000002';
export const S3 = '33333333-0000-4000-8000-000000000003';

const EMPTY: AggregateStats = {
  runCount: null,
  latencyP50: null,
  latencyP99: null,
  totalTokens: null,
  promptTokens: null,
  completionTokens: null,
  totalCost: null,
  promptCost: null,
  completionCost: null,
  errorRate: null,
  feedback: {},
};

/** A session whose every aggregate is null unless given: a fresh experiment by default. */
export function session(
  id: string,
  name: string,
  stats: Partial<AggregateStats> = {},
): GroupSession {
  return {
    ...EMPTY,
    ...stats,
    id,
    name,
    description: null,
    startTime: null,
    endTime: null,
    lastRunStartTime: null,
    referenceDatasetId: null,
    testRunNumber: null,
    metadata: {},
    exampleCount: null,
    filter: '',
    minStartTime: null,
    maxStartTime: null,
  };
}

export function group(key: string | number, sessions: GroupSession[]): Group {
  return {
    key,
    filter: '',
    exampleCount: 0,
    stats: { ...EMPTY, minStartTime: null, maxStartTime: null },
    sessions,
    examples: [],
  };
}

export function numericKey(mean: number, n: number, stdev: number | null): FeedbackKeyStats {
  return {
    kind: 'numeric',
    n,
    mean,
    stdev,
    errors: 0,
    categories: {},
    comments: [],
    minScore: null,
    maxScore: null,
  };
}

export function categoricalKey(categories: Record<string, number>): FeedbackKeyStats {
  const n = Object.values(categories).reduce((a, b) => a + b, 0);
  return { ...numericKey(0, n, null), kind: 'categorical', mean: null, categories };
}

/** Two groups ("gpt-4o" and 0), two sessions, covering split/unsplit cost and feedback. */
export function sampleGroups(): Group[] {
  return [
    group('gpt-4o', [
      session(S1, 'Alpha', {
        runCount: 10,
        latencyP50: 1.2,
        latencyP99: 3.4,
        totalCost: 0.5,
        promptCost: 0.2,
        completionCost: 0.3,
        totalTokens: 1500,
        promptTokens: 1000,
        completionTokens: 500,
        errorRate: 0.1,
        feedback: { correctness: numericKey(0.75, 8, 0.25), label: categoricalKey({ good: 3 }) },
      }),
      session(S2, 'Beta', {
        runCount: 10,
        latencyP50: 0.45,
        latencyP99: null,
        totalCost: 0.25,
        totalTokens: 900,
        errorRate: 0,
        feedback: { correctness: numericKey(0.5, 10, 0.1) },
      }),
    ]),
    group(0, [
      session(S1, 'Alpha'),
      session(S2, 'Beta', { latencyP50: -3, errorRate: Number.NaN }),
    ]),
  ];
}
