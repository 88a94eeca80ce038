import type { ApiDataset, ApiRun, ApiSessionBase } from './api-types';
import { makeDataset, makeExamples, makeSessionPlan } from './dataset-parts';
import type { DatasetContent } from './generator';
import { createRng, deriveSeed } from './random';
import { buildRuns, feedbackKeySpecs, type SessionPlan } from './run-generator';
import { microsFromIso } from './time';

/**
 * The demo's experiment that is still running: a small dataset with a finished experiment
 * and a second one whose runs arrive while the page is open. Which runs have arrived is
 * derived from the clock alone (time since the demo started), so a test that controls the
 * clock controls the arrivals; the runs themselves are seeded and never change.
 */

export const RUNNING_DATASET_NAME = 'Running experiment';
export const RUNNING_EXAMPLES = 24;
/** Runs the running experiment has when the demo starts. */
export const RUNNING_FIRST_RUNS = 4;
/** Then one more run every this many milliseconds (the rest arrive over 100 s). */
export const RUNNING_ARRIVAL_MS = 5_000;

export interface RunningDataset {
  dataset: ApiDataset;
  sessions: ApiSessionBase[];
  /** The dataset's examples and the runs that have arrived by now. */
  content(): DatasetContent;
}

/** How many runs of the running experiment have arrived `elapsedMs` after the demo started. */
export function arrivedRuns(elapsedMs: number): number {
  const arrived = RUNNING_FIRST_RUNS + Math.floor(Math.max(0, elapsedMs) / RUNNING_ARRIVAL_MS);
  return Math.min(RUNNING_EXAMPLES, arrived);
}

export function planRunningDataset(
  seed: number,
  tenantId: string,
  clock: () => number,
): RunningDataset {
  const startedAt = clock();
  const rng = createRng(deriveSeed(seed, 'running'));
  const created = microsFromIso('2026-02-09T08:20:31.207Z');
  const starts = [
    microsFromIso('2026-02-09T10:02:11.480Z'),
    microsFromIso('2026-02-10T09:41:55.902Z'),
  ];
  const dataset = makeDataset(rng, {
    tenantId,
    name: RUNNING_DATASET_NAME,
    description: 'A finished experiment and one whose runs are still arriving.',
    createdMicros: created,
    exampleCount: RUNNING_EXAMPLES,
    sessionStarts: starts,
    withSchemas: true,
  });
  const examples = makeExamples(createRng(deriveSeed(seed, 'running:examples')), {
    datasetId: dataset.id,
    count: RUNNING_EXAMPLES,
    createdMicros: created,
    balancedTopics: true,
    titledNames: true,
  });
  const plans: SessionPlan[] = (['v1', 'v2'] as const).map((promptVersion, i) =>
    makeSessionPlan(rng, {
      tenantId,
      datasetId: dataset.id,
      datasetVersion: dataset.modified_at,
      namePrefix: 'running',
      model: 'gpt-4o',
      promptVersion,
      repetitions: 1,
      runCount: RUNNING_EXAMPLES,
      startMicros: starts[i] as number,
      testRunNumber: i + 1,
      finished: true,
    }),
  );
  const runs = buildRuns(seed, tenantId, plans, examples, {
    feedbackKeys: feedbackKeySpecs(3),
    minChars: 100,
    maxChars: 300,
    humanNotes: false,
    appPaths: true,
  });
  const running = plans[1]?.session as ApiSessionBase;
  const finishedRuns = runs.filter((r) => r.session_id !== running.id);
  // In the order they ran: the first to start arrives first.
  const runningRuns = runs
    .filter((r) => r.session_id === running.id)
    .sort((a, b) => (a.start_time < b.start_time ? -1 : 1));
  const endTime = running.end_time;
  const arrived = () => arrivedRuns(clock() - startedAt);
  // No end time until every run has arrived: that is what tells a client it is still running.
  Object.defineProperty(running, 'end_time', {
    enumerable: true,
    get: () => (arrived() < RUNNING_EXAMPLES ? null : endTime),
  });

  // One content object per number of arrived runs: the handlers index content once per object.
  const contents = new Map<number, DatasetContent>();
  const exampleRecords = examples.map((e) => e.example);
  return {
    dataset,
    sessions: plans.map((p) => p.session),
    content() {
      const n = arrived();
      let content = contents.get(n);
      if (!content) {
        const shown: ApiRun[] = [...finishedRuns, ...runningRuns.slice(0, n)];
        content = { examples: exampleRecords, runs: shown };
        contents.set(n, content);
      }
      return content;
    },
  };
}
