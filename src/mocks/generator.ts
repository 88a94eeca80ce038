import type { ApiDataset, ApiExample, ApiRun, ApiSessionBase } from './api-types';
import { makeDataset, makeExamples, makeSessionPlan } from './dataset-parts';
import { createRng, deriveSeed } from './random';
import {
  buildRuns,
  type FeedbackDetail,
  feedbackKeySpecs,
  type PromptVersion,
  type SessionPlan,
} from './run-generator';
import { planRunningDataset, RUNNING_DATASET_NAME } from './running-demo';
import { MICROS_PER_DAY, MICROS_PER_SECOND, microsFromIso } from './time';

/**
 * Seeded generator of RAW LangSmith API data (the JSON the real server sends, not the app's
 * model): the demo workspace and the scale dataset. Datasets, examples and sessions are
 * planned here; run-generator.ts turns the plans into runs with feedback.
 */

export type { FeedbackDetail } from './run-generator';

export const DEMO_SEED = 20260304;

export const DEMO_DATASET_NAMES = {
  supportQa: 'Support QA',
  fresh: 'Fresh experiment',
  running: RUNNING_DATASET_NAME,
  scale: 'Scale demo (10,000 × 8)',
  empty: 'Empty dataset',
} as const;

export interface DatasetContent {
  examples: ApiExample[];
  runs: ApiRun[];
}

export interface WorkspaceStore {
  tenantId: string;
  datasets: ApiDataset[];
  /** Every session of every dataset, stats excluded: those are derived from runs on demand. */
  sessions: ApiSessionBase[];
  /** A dataset's examples and runs; lazy datasets are built on the first call, then cached. */
  contentOf(datasetId: string): DatasetContent;
  /** Whether a lazy dataset has been built yet (lets tests prove the laziness). */
  isContentBuilt(datasetId: string): boolean;
}

const DEMO_MODELS = ['gpt-4o', 'claude-3-5-sonnet', 'llama-3.1-70b'] as const;
const SCALE_MODELS = ['gpt-4o', 'claude-3-5-sonnet', 'llama-3.1-70b', 'gpt-4o-mini'] as const;

export interface ScaleDatasetOptions {
  examples: number;
  sessions: number;
  seed: number;
  /** How many feedback keys every successful run gets (default 3: correctness, helpfulness, verdict). */
  feedbackKeys?: number;
  /** Target length of every run's answer (default 300). */
  outputChars?: number;
  /** `stats`: lean runs, per-run feedback_stats only and no `feedbacks` (default `full`). */
  feedbackDetail?: FeedbackDetail;
  tenantId?: string;
  name?: string;
  /** Epoch microseconds of the first session's start (default 2026-01-20). */
  startMicros?: number;
}

export interface ScaleDataset {
  dataset: ApiDataset;
  sessions: ApiSessionBase[];
  examples: ApiExample[];
  runs: ApiRun[];
}

/** The cheap part (dataset and sessions) now, the expensive part (examples, runs) on `build()`. */
export interface ScaleDatasetPlan {
  dataset: ApiDataset;
  sessions: ApiSessionBase[];
  build(): DatasetContent;
}

export function planScaleDataset(options: ScaleDatasetOptions): ScaleDatasetPlan {
  const seed = options.seed >>> 0;
  const rng = createRng(deriveSeed(seed, 'scale'));
  const tenantId = options.tenantId ?? rng.uuid();
  const start = options.startMicros ?? microsFromIso('2026-01-20T08:00:00Z');
  const created = start - 6 * MICROS_PER_DAY;
  const sessionStarts = Array.from(
    { length: options.sessions },
    (_, i) =>
      start + i * (MICROS_PER_DAY / 4) + rng.int(0, 3600) * MICROS_PER_SECOND + rng.int(0, 999_999),
  );
  const dataset = makeDataset(rng, {
    tenantId,
    name:
      options.name ??
      `Scale demo (${options.examples.toLocaleString('en-US')} × ${options.sessions})`,
    description: 'Synthetic support questions at scale, for performance checks.',
    createdMicros: created,
    exampleCount: options.examples,
    sessionStarts,
    withSchemas: false,
  });
  const plans = sessionStarts.map((startMicros, i) => {
    const model = SCALE_MODELS[i % SCALE_MODELS.length] as string;
    const promptVersion: PromptVersion =
      Math.floor(i / SCALE_MODELS.length) % 2 === 0 ? 'v1' : 'v2';
    return makeSessionPlan(rng, {
      tenantId,
      datasetId: dataset.id,
      datasetVersion: dataset.modified_at,
      namePrefix: 'scale',
      model,
      promptVersion,
      repetitions: 1,
      runCount: options.examples,
      startMicros,
      testRunNumber: i + 1,
      finished: true,
    });
  });
  const outputChars = options.outputChars ?? 300;
  return {
    dataset,
    sessions: plans.map((p) => p.session),
    build() {
      const exampleRng = createRng(deriveSeed(seed, 'scale:examples'));
      const examples = makeExamples(exampleRng, {
        datasetId: dataset.id,
        count: options.examples,
        createdMicros: created,
        balancedTopics: false,
        titledNames: false,
      });
      const runs = buildRuns(seed, tenantId, plans, examples, {
        feedbackKeys: feedbackKeySpecs(options.feedbackKeys ?? 3),
        minChars: outputChars,
        maxChars: outputChars,
        humanNotes: false,
        appPaths: false,
        feedbackDetail: options.feedbackDetail ?? 'full',
      });
      return { examples: examples.map((e) => e.example), runs };
    },
  };
}

/** The same shapes at scale, built eagerly (for benchmarks and the Node stand-in server). */
export function generateScaleDataset(options: ScaleDatasetOptions): ScaleDataset {
  const plan = planScaleDataset(options);
  return { dataset: plan.dataset, sessions: plan.sessions, ...plan.build() };
}

export interface DemoWorkspaceOptions {
  /** Size of the lazily built scale dataset; null leaves it out. Default 10,000 × 8. */
  scale?: { examples: number; sessions: number } | null;
  /**
   * The clock (epoch ms) the running experiment's arrivals follow: its runs arrive after the
   * workspace is made, as this clock advances. Default `Date.now`.
   */
  clock?: () => number;
}

const SUPPORT_QA_EXAMPLES = 80;
/** The one experiment that ran every example three times. */
const REPEATED = { model: 'llama-3.1-70b', promptVersion: 'v2', repetitions: 3 } as const;

export function generateDemoWorkspace(
  seed: number = DEMO_SEED,
  options: DemoWorkspaceOptions = {},
): WorkspaceStore {
  const base = seed >>> 0;
  const rng = createRng(deriveSeed(base, 'workspace'));
  const tenantId = rng.uuid();
  const contents = new Map<string, DatasetContent>();
  const lazy = new Map<string, () => DatasetContent>();
  const datasets: ApiDataset[] = [];
  const sessions: ApiSessionBase[] = [];
  const textOptions = { minChars: 100, maxChars: 300, humanNotes: true, appPaths: true };

  // Support QA: six finished experiments, three models x two prompt versions, a few days apart.
  const qaCreated = microsFromIso('2026-01-05T09:12:44.318Z');
  const qaStarts = Array.from(
    { length: 6 },
    (_, i) =>
      microsFromIso('2026-01-28T09:00:00Z') +
      i * 3 * MICROS_PER_DAY +
      rng.int(0, 7 * 3600) * MICROS_PER_SECOND +
      rng.int(0, 999_999),
  );
  const qa = makeDataset(rng, {
    tenantId,
    name: DEMO_DATASET_NAMES.supportQa,
    description:
      'Customer-support questions with reference answers, tagged by topic and difficulty.',
    createdMicros: qaCreated,
    exampleCount: SUPPORT_QA_EXAMPLES,
    sessionStarts: qaStarts,
    withSchemas: true,
  });
  const qaExamples = makeExamples(createRng(deriveSeed(base, 'support-qa:examples')), {
    datasetId: qa.id,
    count: SUPPORT_QA_EXAMPLES,
    createdMicros: qaCreated,
    balancedTopics: true,
    titledNames: true,
  });
  const qaPlans: SessionPlan[] = [];
  let i = 0;
  for (const promptVersion of ['v1', 'v2'] as const) {
    for (const model of DEMO_MODELS) {
      const repetitions =
        model === REPEATED.model && promptVersion === REPEATED.promptVersion
          ? REPEATED.repetitions
          : 1;
      qaPlans.push(
        makeSessionPlan(rng, {
          tenantId,
          datasetId: qa.id,
          datasetVersion: qa.modified_at,
          namePrefix: 'support-qa',
          model,
          promptVersion,
          repetitions,
          runCount: SUPPORT_QA_EXAMPLES * repetitions,
          startMicros: qaStarts[i] as number,
          testRunNumber: i + 1,
          finished: true,
        }),
      );
      i++;
    }
  }
  datasets.push(qa);
  sessions.push(...qaPlans.map((p) => p.session));
  contents.set(qa.id, {
    examples: qaExamples.map((e) => e.example),
    runs: buildRuns(base, tenantId, qaPlans, qaExamples, {
      feedbackKeys: feedbackKeySpecs(3),
      ...textOptions,
    }),
  });

  // A dataset whose only experiment has just started: no runs yet, so every stat is null.
  const freshCreated = microsFromIso('2026-02-10T14:03:09.551Z');
  const freshStart = microsFromIso('2026-02-11T16:45:12.004Z') + rng.int(0, 999_999);
  const fresh = makeDataset(rng, {
    tenantId,
    name: DEMO_DATASET_NAMES.fresh,
    description: 'A new experiment that has not produced runs yet.',
    createdMicros: freshCreated,
    exampleCount: 5,
    sessionStarts: [freshStart],
    withSchemas: false,
  });
  const freshExamples = makeExamples(createRng(deriveSeed(base, 'fresh:examples')), {
    datasetId: fresh.id,
    count: 5,
    createdMicros: freshCreated,
    balancedTopics: true,
    titledNames: true,
  });
  const freshPlan = makeSessionPlan(rng, {
    tenantId,
    datasetId: fresh.id,
    datasetVersion: fresh.modified_at,
    namePrefix: 'fresh',
    model: 'gpt-4o',
    promptVersion: 'v2',
    repetitions: 1,
    runCount: 0,
    startMicros: freshStart,
    testRunNumber: 1,
    finished: false,
  });
  datasets.push(fresh);
  sessions.push(freshPlan.session);
  contents.set(fresh.id, { examples: freshExamples.map((e) => e.example), runs: [] });

  // An experiment still running (running-demo.ts): its runs arrive as the clock advances.
  const running = planRunningDataset(base, tenantId, options.clock ?? Date.now);
  datasets.push(running.dataset);
  sessions.push(...running.sessions);

  const scaleSize = options.scale === undefined ? { examples: 10_000, sessions: 8 } : options.scale;
  if (scaleSize) {
    const scale = planScaleDataset({
      ...scaleSize,
      seed: deriveSeed(base, 'scale-dataset'),
      tenantId,
      name: DEMO_DATASET_NAMES.scale.replace(
        '10,000 × 8',
        `${scaleSize.examples.toLocaleString('en-US')} × ${scaleSize.sessions}`,
      ),
    });
    datasets.push(scale.dataset);
    sessions.push(...scale.sessions);
    lazy.set(scale.dataset.id, scale.build);
  }

  datasets.push(
    makeDataset(rng, {
      tenantId,
      name: DEMO_DATASET_NAMES.empty,
      description: null,
      createdMicros: microsFromIso('2026-02-14T11:30:00.125Z'),
      exampleCount: 0,
      sessionStarts: [],
      withSchemas: false,
    }),
  );

  const EMPTY: DatasetContent = { examples: [], runs: [] };
  return {
    tenantId,
    datasets,
    sessions,
    contentOf(datasetId) {
      if (datasetId === running.dataset.id) return running.content();
      const built = contents.get(datasetId);
      if (built) return built;
      const build = lazy.get(datasetId);
      if (!build) return EMPTY;
      const content = build();
      contents.set(datasetId, content);
      lazy.delete(datasetId);
      return content;
    },
    isContentBuilt: (datasetId) => contents.has(datasetId) || datasetId === running.dataset.id,
  };
}
