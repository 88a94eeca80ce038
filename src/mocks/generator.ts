import type {
  ApiDataset,
  ApiExample,
  ApiFeedback,
  ApiFeedbackSource,
  ApiRun,
  ApiSessionBase,
  FeedbackStatsEntry,
  JsonObject,
} from './api-types';
import { createRng, deriveSeed, type Rng } from './random';
import { FeedbackStatsBuilder, feedbackSourceString, formatCost, numericScore } from './stats';
import {
  CORRECT_COMMENTS,
  type Difficulty,
  FILLER_SENTENCES,
  HELPFULNESS_COMMENTS,
  HUMAN_NOTES,
  MODEL_VOICE,
  PROMPT_CLOSERS,
  supportCase,
  TOPICS,
  type Topic,
} from './support-qa-templates';
import {
  formatDottedOrder,
  formatNaive,
  formatUtc,
  MICROS_PER_DAY,
  MICROS_PER_SECOND,
  microsFromIso,
} from './time';

/**
 * Seeded generator of RAW LangSmith API data (the JSON the real server sends, not the app's
 * model). The model differences are baked into the probabilities below, so every chart the
 * UI draws over the demo has a real story: claude-3-5-sonnet with prompt v2 is the most
 * correct, llama-3.1-70b the cheapest and fastest, and v2 beats v1 on helpfulness.
 */

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

type PromptVersion = 'v1' | 'v2';

interface ModelProfile {
  model: string;
  /** USD per token, from the providers' 2025 list prices. */
  promptPrice: number;
  completionPrice: number;
  /** Median seconds for a typical answer, and the log-normal spread around it. */
  latencyMedian: number;
  latencySigma: number;
  errorRate: number;
  correctness: Record<PromptVersion, number>;
  helpfulness: Record<PromptVersion, number>;
}

export const MODEL_PROFILES: Record<string, ModelProfile> = {
  'gpt-4o': {
    model: 'gpt-4o',
    promptPrice: 2.5e-6,
    completionPrice: 10e-6,
    latencyMedian: 2.9,
    latencySigma: 0.18,
    errorRate: 0.02,
    correctness: { v1: 0.74, v2: 0.79 },
    helpfulness: { v1: 0.68, v2: 0.8 },
  },
  'claude-3-5-sonnet': {
    model: 'claude-3-5-sonnet',
    promptPrice: 3e-6,
    completionPrice: 15e-6,
    latencyMedian: 3.9,
    latencySigma: 0.16,
    errorRate: 0.025,
    correctness: { v1: 0.77, v2: 0.95 },
    helpfulness: { v1: 0.7, v2: 0.86 },
  },
  'llama-3.1-70b': {
    model: 'llama-3.1-70b',
    promptPrice: 0.88e-6,
    completionPrice: 0.88e-6,
    latencyMedian: 1.3,
    latencySigma: 0.3,
    errorRate: 0.045,
    correctness: { v1: 0.58, v2: 0.63 },
    helpfulness: { v1: 0.58, v2: 0.69 },
  },
  'gpt-4o-mini': {
    model: 'gpt-4o-mini',
    promptPrice: 0.15e-6,
    completionPrice: 0.6e-6,
    latencyMedian: 1.9,
    latencySigma: 0.22,
    errorRate: 0.03,
    correctness: { v1: 0.63, v2: 0.68 },
    helpfulness: { v1: 0.6, v2: 0.71 },
  },
};

const DEMO_MODELS = ['gpt-4o', 'claude-3-5-sonnet', 'llama-3.1-70b'] as const;
const SCALE_MODELS = ['gpt-4o', 'claude-3-5-sonnet', 'llama-3.1-70b', 'gpt-4o-mini'] as const;

/** v2's longer system prompt costs tokens on every call; that is the price of its quality. */
const SYSTEM_PROMPT_TOKENS: Record<PromptVersion, number> = { v1: 180, v2: 420 };
const TEMPERATURE: Record<PromptVersion, number> = { v1: 0.7, v2: 0.2 };
const DIFFICULTY_SHIFT: Record<Difficulty, number> = { easy: 0.08, medium: 0, hard: -0.16 };

type FeedbackKind = 'binary' | 'continuous' | 'categorical';
interface FeedbackKeySpec {
  key: string;
  kind: FeedbackKind;
}

const FEEDBACK_KEYS: readonly FeedbackKeySpec[] = [
  { key: 'correctness', kind: 'binary' },
  { key: 'helpfulness', kind: 'continuous' },
  { key: 'verdict', kind: 'categorical' },
  { key: 'conciseness', kind: 'continuous' },
  { key: 'faithfulness', kind: 'continuous' },
  { key: 'relevance', kind: 'continuous' },
];

function feedbackKeySpecs(count: number): FeedbackKeySpec[] {
  return Array.from(
    { length: count },
    (_, i): FeedbackKeySpec => FEEDBACK_KEYS[i] ?? { key: `score_${i + 1}`, kind: 'continuous' },
  );
}

// One source object per kind, shared by every feedback: the payload is the same and 240,000
// copies would only cost memory.
const EVALUATOR_SOURCE: ApiFeedbackSource = {
  type: 'model',
  metadata: {},
  user_id: null,
  ls_user_id: null,
  user_name: null,
};

interface ExamplePlan {
  example: ApiExample;
  topic: Topic;
  difficulty: Difficulty;
  /** Hardness shared by every model, so models agree on which examples are hard. */
  latent: number;
  answer: string;
  wrong: string;
  failureComment: string;
  inputChars: number;
}

interface SessionPlan {
  session: ApiSessionBase;
  profile: ModelProfile;
  promptVersion: PromptVersion;
  repetitions: number;
  startMicros: number;
  spacingMicros: number;
  /** The `extra` of every run of the session (identical, so shared). */
  runExtra: JsonObject;
  /** Real payloads leave some keys out instead of sending null; a few sessions do too. */
  omit: { tags: boolean; error: boolean; parentRunId: boolean };
}

const clamp = (value: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, value));
const round = (value: number, places: number) => {
  const f = 10 ** places;
  return Math.round(value * f) / f;
};

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

/** Pads with filler sentences to `minChars`, then trims at a word boundary near `maxChars`. */
function fitLength(rng: Rng, text: string, minChars: number, maxChars: number): string {
  let out = text;
  while (out.length < minChars) out += ` ${rng.pick(FILLER_SENTENCES)}`;
  if (out.length <= maxChars) return out;
  const cut = out.lastIndexOf(' ', maxChars - 1);
  return `${out.slice(0, cut > 0 ? cut : maxChars - 1)}…`;
}

const RATE_LIMIT_TRACE = [
  'Traceback (most recent call last):',
  '  File "/app/.venv/lib/python3.12/site-packages/langsmith/evaluation/_runner.py", line 1573, in _forward',
  '    fn(*args, langsmith_extra=langsmith_extra)',
  '  File "/app/support_bot/chain.py", line 88, in answer',
  '    response = client.chat.completions.create(**request)',
  '  File "/app/.venv/lib/python3.12/site-packages/openai/_base_client.py", line 1047, in request',
  '    raise self._make_status_error_from_response(err.response) from None',
].join('\n');

function errorText(rng: Rng, model: string): { message: string; seconds: number } {
  if (rng.chance(0.75)) {
    return {
      message: `RateLimitError: Error code: 429 - Rate limit reached for ${model} on tokens per min (TPM): Limit 30000, Used 29844, Requested 1210. Please try again in 2.108s.\n${RATE_LIMIT_TRACE}`,
      seconds: rng.float(0.15, 0.9),
    };
  }
  return {
    message: `APITimeoutError: Request timed out.\n${RATE_LIMIT_TRACE}`,
    seconds: rng.float(30, 30.6),
  };
}

interface RunOutcome {
  correct: boolean;
  helpfulness: number;
  text: string;
}

function makeFeedback(
  rng: Rng,
  run: ApiRun,
  createdAt: string,
  key: string,
  score: number | null,
  value: string | null,
  comment: string | null,
  source: ApiFeedbackSource,
): ApiFeedback {
  return {
    id: rng.uuid(),
    key,
    score,
    value,
    comment,
    correction: null,
    created_at: createdAt,
    modified_at: createdAt,
    feedback_group_id: null,
    comparative_experiment_id: null,
    run_id: run.id,
    session_id: run.session_id,
    trace_id: run.trace_id,
    start_time: run.start_time,
    is_root: true,
    feedback_source: source,
    extra: null,
    feedback_thread_id: null,
  };
}

function scoreFeedback(
  rng: Rng,
  spec: FeedbackKeySpec,
  outcome: RunOutcome,
  plan: ExamplePlan,
): { score: number | null; value: string | null; comment: string | null } {
  switch (spec.key) {
    case 'correctness':
      return {
        score: outcome.correct ? 1 : 0,
        value: null,
        comment: outcome.correct
          ? rng.chance(0.05)
            ? rng.pick(CORRECT_COMMENTS)
            : null
          : rng.chance(0.45)
            ? plan.failureComment
            : null,
      };
    case 'helpfulness':
      return {
        score: outcome.helpfulness,
        value: null,
        comment: rng.chance(0.1) ? rng.pick(HELPFULNESS_COMMENTS) : null,
      };
    case 'verdict': {
      // Categorical: the label is the value and there is no score (see the brief's choice).
      const label = outcome.correct
        ? outcome.helpfulness >= 0.7
          ? 'PASS'
          : 'PARTIAL'
        : outcome.helpfulness >= 0.6 && rng.chance(0.35)
          ? 'PARTIAL'
          : 'FAIL';
      return { score: null, value: label, comment: null };
    }
    case 'conciseness':
      return {
        score: round(clamp(rng.normal(0.95 - outcome.text.length / 1000, 0.08), 0, 1), 2),
        value: null,
        comment: null,
      };
    default:
      if (spec.kind === 'binary')
        return { score: rng.chance(0.7) ? 1 : 0, value: null, comment: null };
      return {
        score: round(clamp(rng.normal(outcome.correct ? 0.8 : 0.5, 0.12), 0, 1), 2),
        value: null,
        comment: null,
      };
  }
}

interface RunOptions {
  feedbackKeys: readonly FeedbackKeySpec[];
  minChars: number;
  maxChars: number;
  humanNotes: boolean;
  appPaths: boolean;
}

function makeRunsForSession(
  rng: Rng,
  tenantId: string,
  plan: SessionPlan,
  examples: readonly ExamplePlan[],
  options: RunOptions,
): ApiRun[] {
  const runs: ApiRun[] = [];
  const { profile, promptVersion, session } = plan;
  const voice = MODEL_VOICE[profile.model]?.openers ?? [''];
  const closers = PROMPT_CLOSERS[promptVersion] ?? [''];
  const total = examples.length * plan.repetitions;
  const humanSource: ApiFeedbackSource = {
    type: 'app',
    metadata: {},
    user_id: rng.uuid(),
    ls_user_id: rng.uuid(),
    user_name: 'Dana Whitfield',
  };

  for (let k = 0; k < total; k++) {
    const ex = examples[k % examples.length] as ExamplePlan;
    const id = rng.uuid();
    const startMicros =
      plan.startMicros + k * plan.spacingMicros + rng.int(0, Math.floor(plan.spacingMicros * 0.8));
    const start = formatNaive(startMicros);
    const failed = rng.chance(profile.errorRate);

    let outcome: RunOutcome | null = null;
    let seconds: number;
    let error: string | null = null;
    let promptTokens = 0;
    let completionTokens = 0;
    if (failed) {
      const e = errorText(rng, profile.model);
      error = e.message;
      seconds = e.seconds;
    } else {
      const p = clamp(
        profile.correctness[promptVersion] + DIFFICULTY_SHIFT[ex.difficulty] - 0.06 * ex.latent,
        0.03,
        0.99,
      );
      const correct = rng.chance(p);
      const helpfulness = round(
        clamp(
          rng.normal(profile.helpfulness[promptVersion] + (correct ? 0.04 : -0.18), 0.09),
          0,
          1,
        ),
        2,
      );
      const core = `${rng.pick(voice)}${correct ? ex.answer : ex.wrong}${rng.pick(closers)}`;
      const text = fitLength(rng, core, options.minChars, options.maxChars);
      outcome = { correct, helpfulness, text };
      promptTokens = SYSTEM_PROMPT_TOKENS[promptVersion] + Math.ceil(ex.inputChars / 4);
      completionTokens = Math.max(8, Math.round((text.length / 4) * rng.float(0.9, 1.1)));
      seconds =
        profile.latencyMedian *
        Math.exp(profile.latencySigma * rng.normal()) *
        (0.8 + (0.2 * completionTokens) / 60);
    }
    const endMicros = startMicros + Math.round(seconds * MICROS_PER_SECOND);
    const end = formatNaive(endMicros);

    // Keys some real payloads omit are added only when this session sends them; deleting
    // them afterwards would push 80,000 objects into V8's slow dictionary mode.
    const run: ApiRun = {
      id,
      trace_id: id,
      name: 'Target',
      run_type: 'chain',
      session_id: session.id,
      reference_example_id: ex.example.id,
      start_time: start,
      end_time: end,
      status: failed ? 'error' : 'success',
      // Runs echo the example's inputs; sharing the object keeps 80,000 runs affordable.
      inputs: ex.example.inputs,
      outputs: outcome ? { answer: outcome.text } : null,
      extra: plan.runExtra,
      execution_order: 1,
      serialized: null,
      events: null,
      manifest_id: null,
      manifest_s3_id: null,
      inputs_s3_urls: null,
      outputs_s3_urls: null,
      s3_urls: null,
      dotted_order: formatDottedOrder(startMicros, id),
      trace_min_start_time: start,
      trace_max_start_time: start,
      total_tokens: promptTokens + completionTokens,
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      // A rate-limited call never reached the model, so there is nothing to price.
      total_cost: failed
        ? null
        : formatCost(
            promptTokens * profile.promptPrice + completionTokens * profile.completionPrice,
          ),
      prompt_cost: failed ? null : formatCost(promptTokens * profile.promptPrice),
      completion_cost: failed ? null : formatCost(completionTokens * profile.completionPrice),
      feedback_stats: null,
      // Real servers send a UI link; the scale dataset leaves it null (allowed) to save memory.
      app_path: options.appPaths
        ? `/o/${tenantId}/projects/p/${session.id}/r/${id}?trace_id=${id}&start_time=${start}`
        : null,
      feedbacks: [],
    };
    if (error !== null || !plan.omit.error) run.error = error;
    if (!plan.omit.tags) run.tags = [];
    if (!plan.omit.parentRunId) run.parent_run_id = null;

    const feedbackAt = formatUtc(endMicros + rng.int(1, 4) * MICROS_PER_SECOND);
    if (outcome) {
      const scored = outcome;
      // map() sizes the array exactly; push() from [] would reserve room for 17.
      run.feedbacks = options.feedbackKeys.map((spec) => {
        const f = scoreFeedback(rng, spec, scored, ex);
        return makeFeedback(
          rng,
          run,
          feedbackAt,
          spec.key,
          f.score,
          f.value,
          f.comment,
          EVALUATOR_SOURCE,
        );
      });
      if (options.humanNotes && rng.chance(0.04)) {
        // A comment-only key: a reviewer's remark with neither score nor value.
        run.feedbacks.push(
          makeFeedback(
            rng,
            run,
            feedbackAt,
            'note',
            null,
            null,
            rng.pick(HUMAN_NOTES),
            humanSource,
          ),
        );
      }
    } else if (options.feedbackKeys.some((s) => s.key === 'correctness') && rng.chance(0.3)) {
      // Some evaluators still score a failed run; most skip it.
      run.feedbacks.push(
        makeFeedback(
          rng,
          run,
          feedbackAt,
          'correctness',
          0,
          null,
          'Target run errored; scored as incorrect',
          EVALUATOR_SOURCE,
        ),
      );
    }
    runs.push(run);
  }
  attachRunFeedbackStats(runs);
  return runs;
}

const NO_VALUES: Readonly<Record<string, number>> = Object.freeze({});
const NO_COMMENTS: readonly string[] = Object.freeze([]);

/**
 * Per-run feedback_stats, whose min/max report the session's range as real servers do.
 * A run's entry depends only on its one feedback of that key, so equal entries are shared
 * (frozen) within a session: most runs repeat a handful of score/label combinations.
 */
function attachRunFeedbackStats(runs: ApiRun[]): void {
  const range = new Map<string, { min: number; max: number }>();
  for (const run of runs) {
    for (const f of run.feedbacks) {
      const score = numericScore(f.score);
      if (score === null) continue;
      const r = range.get(f.key);
      if (!r) range.set(f.key, { min: score, max: score });
      else {
        if (score < r.min) r.min = score;
        if (score > r.max) r.max = score;
      }
    }
  }
  // Entries without a comment are shared, keyed by feedback key, then by score or label.
  const shared = new Map<string, Map<number | string | null, FeedbackStatsEntry>>();
  const sources = new Map<ApiFeedbackSource | null, readonly string[]>();
  const makeEntry = (f: ApiFeedback, score: number | null, label: string | null) => {
    let src = sources.get(f.feedback_source);
    if (!src) {
      src = Object.freeze([feedbackSourceString(f.feedback_source)]);
      sources.set(f.feedback_source, src);
    }
    const r = range.get(f.key);
    return Object.freeze({
      n: score === null ? 0 : 1,
      avg: score,
      stdev: score === null ? null : 0,
      errors: 0,
      values: label === null ? NO_VALUES : Object.freeze({ [label]: 1 }),
      comments: f.comment ? Object.freeze([f.comment]) : NO_COMMENTS,
      sources: src,
      session_min_score: r ? r.min : null,
      session_max_score: r ? r.max : null,
      show_feedback_arrow: score !== null,
      contains_thread_feedback: false,
    }) as FeedbackStatsEntry;
  };
  for (const run of runs) {
    if (run.feedbacks.length === 0) continue;
    const stats: Record<string, FeedbackStatsEntry> = {};
    for (const f of run.feedbacks) {
      if (stats[f.key]) {
        // A second feedback of the same key: fall back to the general aggregation.
        const builder = new FeedbackStatsBuilder(Number.POSITIVE_INFINITY);
        builder.addRun(run);
        run.feedback_stats = builder.build(range);
        break;
      }
      const score = numericScore(f.score);
      const label = typeof f.value === 'string' ? f.value : null;
      if (f.comment || f.feedback_source !== EVALUATOR_SOURCE) {
        stats[f.key] = makeEntry(f, score, label);
        continue;
      }
      let byScore = shared.get(f.key);
      if (!byScore) {
        byScore = new Map();
        shared.set(f.key, byScore);
      }
      const memo = score ?? label;
      let entry = byScore.get(memo);
      if (!entry) {
        entry = makeEntry(f, score, label);
        byScore.set(memo, entry);
      }
      stats[f.key] = entry;
    }
    run.feedback_stats ??= stats;
  }
}

function buildRuns(
  seed: number,
  tenantId: string,
  plans: readonly SessionPlan[],
  examples: readonly ExamplePlan[],
  options: RunOptions,
): ApiRun[] {
  const runs: ApiRun[] = [];
  for (const plan of plans) {
    // One stream per session: a session's runs do not change when another session is added.
    const rng = createRng(deriveSeed(seed, `runs:${plan.session.id}`));
    for (const run of makeRunsForSession(rng, tenantId, plan, examples, options)) runs.push(run);
  }
  return runs;
}

export interface ScaleDatasetOptions {
  examples: number;
  sessions: number;
  seed: number;
  /** How many feedback keys every successful run gets (default 3: correctness, helpfulness, verdict). */
  feedbackKeys?: number;
  /** Target length of every run's answer (default 300). */
  outputChars?: number;
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
    (_, i) => start + i * (MICROS_PER_DAY / 4) + rng.int(0, 3600) * MICROS_PER_SECOND,
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
