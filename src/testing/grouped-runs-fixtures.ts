import type { FeedbackKeyStats, FeedbackStatsByKey } from '../api/feedback-stats';
import type { Example, Group, GroupSession, Run } from '../api/grouped-runs/schemas';
import type { AggregateStats } from '../api/primitives';

/**
 * Hand-built, normalised grouped-runs values (runs, examples, sessions, groups) for the tests
 * of every feature that reads them: no server shapes, no mocks.
 */

export function numeric(mean: number | null, comments: string[] = []): FeedbackKeyStats {
  return {
    kind: mean === null ? (comments.length ? 'comment' : 'empty') : 'numeric',
    n: mean === null ? 0 : 1,
    mean,
    stdev: null,
    errors: 0,
    categories: {},
    comments,
    minScore: mean,
    maxScore: mean,
  };
}

export function categorical(
  categories: Record<string, number>,
  mean: number | null = null,
): FeedbackKeyStats {
  return { ...numeric(mean), kind: 'categorical', categories };
}

export function comment(...comments: string[]): FeedbackKeyStats {
  return numeric(null, comments);
}

let runCounter = 0;

export function makeRun(
  sessionId: string,
  feedback: FeedbackStatsByKey = {},
  overrides: Partial<Run> = {},
): Run {
  runCounter++;
  return {
    id: `run-${runCounter}`,
    sessionId,
    name: 'Target',
    runType: 'chain',
    status: 'success',
    error: null,
    inputs: null,
    inputsPreview: null,
    outputs: null,
    outputsPreview: null,
    startTime: null,
    endTime: null,
    latency: null,
    totalTokens: null,
    promptTokens: null,
    completionTokens: null,
    totalCost: null,
    promptCost: null,
    completionCost: null,
    referenceExampleId: null,
    traceId: null,
    tags: [],
    appPath: null,
    metadata: {},
    feedbacks: [],
    feedback,
    ...overrides,
  };
}

export function makeExample(id: string, runs: Run[], overrides: Partial<Example> = {}): Example {
  return {
    id,
    name: `Example ${id}`,
    datasetId: null,
    inputs: { question: `question ${id}` },
    outputs: null,
    metadata: {},
    createdAt: null,
    modifiedAt: null,
    runs,
    ...overrides,
  };
}

/** Every aggregate null: an experiment that has not run yet (docs/real-world-shapes.md). */
export const EMPTY_AGGREGATE: AggregateStats = Object.freeze({
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
});

/** A session whose every aggregate is null unless given: a fresh experiment by default. */
export function makeSession(
  id: string,
  name: string,
  stats: Partial<AggregateStats> = {},
): GroupSession {
  return {
    ...EMPTY_AGGREGATE,
    ...stats,
    id,
    name,
    description: null,
    startTime: null,
    endTime: null,
    lastRunStartTime: null,
    referenceDatasetId: null,
    testRunNumber: null,
    tenantId: null,
    metadata: {},
    exampleCount: null,
    filter: '',
    minStartTime: null,
    maxStartTime: null,
  };
}

export function makeGroup(
  key: string | number,
  sessions: GroupSession[],
  examples: Example[] = [],
): Group {
  return {
    key,
    filter: '',
    exampleCount: examples.length,
    stats: { ...EMPTY_AGGREGATE, minStartTime: null, maxStartTime: null },
    sessions,
    examples,
  };
}
