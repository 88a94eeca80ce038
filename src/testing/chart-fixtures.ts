import type { FeedbackKeyStats } from '../api/feedback-stats';
import type { Group } from '../api/grouped-runs/schemas';
import { makeGroup, makeSession } from './grouped-runs-fixtures';

/** Hand-built, normalised fixtures for the chart tests (no server shapes, no mocks). */

export const S1 = '11111111-0000-4000-8000-000000000001';
export const S2 = '22222222-0000-4000-8000-000000000002';
export const S3 = '33333333-0000-4000-8000-000000000003';

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
    makeGroup('gpt-4o', [
      makeSession(S1, 'Alpha', {
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
      makeSession(S2, 'Beta', {
        runCount: 10,
        latencyP50: 0.45,
        latencyP99: null,
        totalCost: 0.25,
        totalTokens: 900,
        errorRate: 0,
        feedback: { correctness: numericKey(0.5, 10, 0.1) },
      }),
    ]),
    makeGroup(0, [
      makeSession(S1, 'Alpha'),
      makeSession(S2, 'Beta', { latencyP50: -3, errorRate: Number.NaN }),
    ]),
  ];
}
