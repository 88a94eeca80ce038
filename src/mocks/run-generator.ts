import type {
  ApiExample,
  ApiFeedback,
  ApiFeedbackSource,
  ApiRun,
  ApiSessionBase,
  FeedbackStatsEntry,
  JsonObject,
} from './api-types';
import { createRng, deriveSeed, type Rng } from './random';
import {
  attachRunFeedbackStats,
  EVALUATOR_SOURCE,
  type LeanStatsEntry,
  leanRun,
} from './run-feedback-stats';
import { formatCost } from './stats';
import {
  CORRECT_COMMENTS,
  type Difficulty,
  FILLER_SENTENCES,
  HELPFULNESS_COMMENTS,
  HUMAN_NOTES,
  MODEL_VOICE,
  PROMPT_CLOSERS,
  type Topic,
} from './support-qa-templates';
import { formatDottedOrder, formatNaive, formatUtc, MICROS_PER_SECOND } from './time';

/**
 * Runs and their feedback for planned sessions over planned examples. The model differences
 * are baked into the profiles below, so every chart drawn over the demo tells a real story:
 * claude-3-5-sonnet with prompt v2 is the most correct, llama-3.1-70b the cheapest and
 * fastest, and v2 beats v1 on helpfulness (at the price of a longer prompt).
 */

export type PromptVersion = 'v1' | 'v2';

export interface ModelProfile {
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

/** v2's longer system prompt costs tokens on every call; that is the price of its quality. */
const SYSTEM_PROMPT_TOKENS: Record<PromptVersion, number> = { v1: 180, v2: 420 };
export const TEMPERATURE: Record<PromptVersion, number> = { v1: 0.7, v2: 0.2 };
const DIFFICULTY_SHIFT: Record<Difficulty, number> = { easy: 0.08, medium: 0, hard: -0.16 };

type FeedbackKind = 'binary' | 'continuous' | 'categorical';
export interface FeedbackKeySpec {
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

export function feedbackKeySpecs(count: number): FeedbackKeySpec[] {
  return Array.from(
    { length: count },
    (_, i): FeedbackKeySpec => FEEDBACK_KEYS[i] ?? { key: `score_${i + 1}`, kind: 'continuous' },
  );
}

export interface ExamplePlan {
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

export interface SessionPlan {
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

/**
 * How much feedback a run carries on the wire. `full` (the default): a `feedbacks` array and
 * the rich per-run `feedback_stats`. `stats`: a lean run, as a real server sends when not asked
 * for the feedback itself: per-run `feedback_stats` of just `{n, avg, stdev, errors, values,
 * comments}` and no `feedbacks` key. The feedbacks still back the server-side aggregates
 * (session and group stats, run filters) as a non-enumerable property that JSON leaves out.
 */
export type FeedbackDetail = 'full' | 'stats';

export interface RunOptions {
  feedbackKeys: readonly FeedbackKeySpec[];
  minChars: number;
  maxChars: number;
  humanNotes: boolean;
  appPaths: boolean;
  /** Default `full`; see FeedbackDetail. */
  feedbackDetail?: FeedbackDetail;
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

export function buildRuns(
  seed: number,
  tenantId: string,
  plans: readonly SessionPlan[],
  examples: readonly ExamplePlan[],
  options: RunOptions,
): ApiRun[] {
  const runs: ApiRun[] = [];
  const lean =
    options.feedbackDetail === 'stats' ? new Map<FeedbackStatsEntry, LeanStatsEntry>() : null;
  for (const plan of plans) {
    // One stream per session: a session's runs do not change when another session is added.
    const rng = createRng(deriveSeed(seed, `runs:${plan.session.id}`));
    for (const run of makeRunsForSession(rng, tenantId, plan, examples, options)) {
      runs.push(lean ? leanRun(run, lean) : run);
    }
  }
  return runs;
}
