import type { ApiDataset, ApiSessionBase, JsonObject } from './api-types';
import type { Rng } from './random';
import type { ExamplePlan, PromptVersion, SessionPlan } from './run-generator';
import { MODEL_PROFILES, TEMPERATURE } from './run-generator';
import { supportCase, TOPICS, type Topic } from './support-qa-templates';
import { formatNaive, formatUtc, MICROS_PER_SECOND } from './time';

/** The parts generator.ts plans a dataset from: its record, its examples, each experiment's plan. */

export function makeDataset(
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

export function makeExamples(
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

export function makeSessionPlan(
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
