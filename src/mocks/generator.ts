import type { ApiDataset, ApiExample, ApiRun, ApiSessionBase, JsonObject } from './api-types';
import { createRng, deriveSeed, type Rng } from './random';
import {
  buildRuns,
  type ExamplePlan,
  type FeedbackDetail,
  feedbackKeySpecs,
  MODEL_PROFILES,
  type PromptVersion,
  type SessionPlan,
  TEMPERATURE,
} from './run-generator';
import { supportCase, TOPICS, type Topic } from './support-qa-templates';
import { formatNaive, formatUtc, MICROS_PER_DAY, MICROS_PER_SECOND, microsFromIso } from './time';

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

function makeDataset(
  rng: Rng,
  options: {
    tenantId: string;
    name: string;
    description: string | null;
    createdMicros: number;
    exampleCount: number;
    sessionStarts: number[];
    withSchemas: boolean;
  },
): ApiDataset {
  const lastStart = options.sessionStarts.length > 0 ? Math.max(...options.sessionStarts) : null;
  return {
    id: rng.uuid(),
    tenant_id: options.tenantId,
    name: options.name,
    description: options.description,
    created_at: formatUtc(options.createdMicros),
    modified_at: formatNaive(options.createdMicros + 3 * 3600 * MICROS_PER_SECOND),
    inputs_schema_definition: options.withSchemas
      ? {
          type: 'object',
          properties: { question: { type: 'string' }, context: { type: 'string' } },
          required: ['question'],
        }
      : null,
    outputs_schema_definition: options.withSchemas
      ? { type: 'object', properties: { answer: { type: 'string' } }, required: ['answer'] }
      : null,
    externally_managed: false,
    transformations: null,
    data_type: 'kv',
    example_count: options.exampleCount,
    session_count: options.sessionStarts.length,
    last_session_start_time: lastStart === null ? null : formatNaive(lastStart),
    metadata: null,
    baseline_experiment_id: null,
  };
}

const documentIds = new Map<string, string>();

/** "billing/double-charge": one id per question template, shared by its examples. */
function documentOf(topic: Topic, title: string): string {
  const key = `${topic}/${title}`;
  let id = documentIds.get(key);
  if (id === undefined) {
    id = `${topic}/${title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')}`;
    documentIds.set(key, id);
  }
  return id;
}

function makeExamples(
  rng: Rng,
  options: {
    datasetId: string;
    count: number;
    createdMicros: number;
    /** Balanced topics (the curated demo) or drawn at random (scale). */
    balancedTopics: boolean;
    titledNames: boolean;
  },
): ExamplePlan[] {
  const topics: Topic[] = [];
  for (let i = 0; i < options.count; i++) {
    topics.push(options.balancedTopics ? (TOPICS[i % TOPICS.length] as Topic) : rng.pick(TOPICS));
  }
  if (options.balancedTopics) {
    for (let i = topics.length - 1; i > 0; i--) {
      const j = rng.int(0, i);
      const a = topics[i] as Topic;
      topics[i] = topics[j] as Topic;
      topics[j] = a;
    }
  }
  const seenTitles = new Map<string, number>();
  let created = options.createdMicros;
  return topics.map((topic, i) => {
    const made = supportCase(rng, topic);
    created += rng.int(1, 4) * MICROS_PER_SECOND + rng.int(0, 999_999);
    let name = `Example #${i + 1}`;
    if (options.titledNames) {
      const seen = (seenTitles.get(made.title) ?? 0) + 1;
      seenTitles.set(made.title, seen);
      name = seen === 1 ? made.title : `${made.title} (${seen})`;
    }
    const inputs: JsonObject = made.context
      ? { question: made.question, context: made.context }
      : { question: made.question };
    const stamp = formatUtc(created);
    return {
      example: {
        id: rng.uuid(),
        dataset_id: options.datasetId,
        name,
        inputs,
        outputs: { answer: made.answer },
        metadata: {
          topic,
          difficulty: made.difficulty,
          priority: rng.int(1, 3),
          dataset_split: ['base'],
          // The help-centre article the question comes from: several questions per
          // article, so a natural cluster key. Derived, not drawn: no other value moves.
          document: documentOf(topic, made.title),
        },
        created_at: stamp,
        modified_at: stamp,
        source_run_id: null,
        attachment_urls: null,
      },
      topic,
      difficulty: made.difficulty,
      latent: rng.normal(),
      answer: made.answer,
      wrong: made.wrong,
      failureComment: made.failureComment,
      inputChars: made.question.length + (made.context?.length ?? 0),
    };
  });
}

function makeSessionPlan(
  rng: Rng,
  options: {
    tenantId: string;
    datasetId: string;
    datasetVersion: string;
    namePrefix: string;
    model: string;
    promptVersion: PromptVersion;
    repetitions: number;
    runCount: number;
    startMicros: number;
    testRunNumber: number;
    finished: boolean;
  },
): SessionPlan {
  const profile = MODEL_PROFILES[options.model];
  if (!profile) throw new Error(`No profile for model ${options.model}`);
  const spacingMicros = Math.round(0.45 * MICROS_PER_SECOND);
  const endMicros =
    options.startMicros + options.runCount * spacingMicros + 120 * MICROS_PER_SECOND;
  const commit = rng.hex(40);
  const metadata: JsonObject = {
    model: options.model,
    prompt_version: options.promptVersion,
    temperature: TEMPERATURE[options.promptVersion],
    num_repetitions: options.repetitions,
    dataset_version: options.datasetVersion,
    dataset_splits: ['base'],
    revision_id: commit.slice(0, 7),
    git: {
      commit,
      branch: options.promptVersion === 'v2' ? 'prompt-v2' : 'main',
      dirty: rng.chance(0.3),
    },
  };
  const session: ApiSessionBase = {
    id: rng.uuid(),
    tenant_id: options.tenantId,
    name: `${options.namePrefix}-${options.model}-${options.promptVersion}-${rng.hex(8)}`,
    description: null,
    start_time: formatNaive(options.startMicros),
    end_time: options.finished ? formatUtc(endMicros) : null,
    extra: { metadata },
    default_dataset_id: null,
    reference_dataset_id: options.datasetId,
    test_run_number: options.testRunNumber,
  };
  // trace_tier is absent on some real sessions; vary it the same way.
  const tier = options.testRunNumber % 3;
  if (tier === 1) session.trace_tier = 'longlived';
  else if (tier === 2) session.trace_tier = 'shortlived';
  return {
    session,
    profile,
    promptVersion: options.promptVersion,
    repetitions: options.repetitions,
    startMicros: options.startMicros,
    spacingMicros,
    runExtra: {
      metadata: {
        model: options.model,
        prompt_version: options.promptVersion,
        temperature: TEMPERATURE[options.promptVersion],
        num_repetitions: options.repetitions,
        revision_id: commit.slice(0, 7),
        example_version: options.datasetVersion,
        ls_run_depth: 0,
      },
      runtime: {
        sdk: 'langsmith-py',
        sdk_version: '0.4.12',
        library: 'langsmith',
        runtime: 'python',
        runtime_version: '3.12.7',
        platform: 'Linux-6.8.0-1017-aws-x86_64-with-glibc2.36',
      },
    },
    omit: {
      tags: options.model === 'llama-3.1-70b',
      error: options.model === 'claude-3-5-sonnet',
      parentRunId: options.promptVersion === 'v1',
    },
  };
}

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
      const built = contents.get(datasetId);
      if (built) return built;
      const build = lazy.get(datasetId);
      if (!build) return EMPTY;
      const content = build();
      contents.set(datasetId, content);
      lazy.delete(datasetId);
      return content;
    },
    isContentBuilt: (datasetId) => contents.has(datasetId),
  };
}
