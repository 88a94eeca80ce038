import type {
  ApiDataset,
  ApiExample,
  ApiFeedback,
  ApiRun,
  ApiSessionBase,
  JsonObject,
} from '../mocks/api-types';
import type { DatasetContent, WorkspaceStore } from '../mocks/generator';

/**
 * A hand-made store small enough to compute every aggregate by hand (tests use it to check
 * group-runs and the sessions list against arithmetic, not against the code under test).
 *
 * Dataset D: examples e1..e4; sessions A and B (both prompt_version v1, models m1 / m2).
 *   A: a1 e1 (1 s), a2 e2 (2 s), a3 e3 (4 s, error), a4 e1 (3 s, a repetition)
 *   B: b1 e1 (0.5 s), b2 e2 (1.5 s), b3 e4 (2.5 s)
 * Dataset E holds session X, which must not be usable with D.
 */

export const TINY = {
  tenant: '00000000-0000-4000-8000-000000000001',
  datasetD: '00000000-0000-4000-8000-0000000000d1',
  datasetE: '00000000-0000-4000-8000-0000000000e1',
  sessionA: '00000000-0000-4000-8000-00000000000a',
  sessionB: '00000000-0000-4000-8000-00000000000b',
  sessionX: '00000000-0000-4000-8000-00000000000c',
  e1: '00000000-0000-4000-8000-0000000000f1',
  e2: '00000000-0000-4000-8000-0000000000f2',
  e3: '00000000-0000-4000-8000-0000000000f3',
  e4: '00000000-0000-4000-8000-0000000000f4',
} as const;

const LONG_ANSWER = `Refunds take five business days. ${'More detail follows. '.repeat(14)}`.trim();

function dataset(id: string, name: string, examples: number, sessions: number): ApiDataset {
  return {
    id,
    tenant_id: TINY.tenant,
    name,
    description: null,
    created_at: '2026-01-01T00:00:00.000000+00:00',
    modified_at: '2026-01-01T00:00:00.000000',
    inputs_schema_definition: null,
    outputs_schema_definition: null,
    externally_managed: false,
    transformations: null,
    data_type: 'kv',
    example_count: examples,
    session_count: sessions,
    last_session_start_time: sessions > 0 ? '2026-01-02T00:00:00.000000' : null,
    metadata: null,
    baseline_experiment_id: null,
  };
}

function session(id: string, name: string, datasetId: string, model: string): ApiSessionBase {
  return {
    id,
    tenant_id: TINY.tenant,
    name,
    description: null,
    start_time: '2026-01-02T00:00:00.000000',
    end_time: '2026-01-02T01:00:00.000000+00:00',
    extra: { metadata: { model, prompt_version: 'v1' } },
    default_dataset_id: null,
    reference_dataset_id: datasetId,
    test_run_number: null,
  };
}

function example(id: string, second: number, metadata: JsonObject): ApiExample {
  const stamp = `2026-01-01T00:00:0${second}.000000+00:00`;
  return {
    id,
    dataset_id: TINY.datasetD,
    name: `Example ${second}`,
    inputs: { question: `Q${second}` },
    outputs: { answer: `A${second}` },
    metadata,
    created_at: stamp,
    modified_at: stamp,
    source_run_id: null,
    attachment_urls: null,
  };
}

type Costs = readonly [prompt: string, completion: string, total: string] | null;
type FeedbackSpec = Pick<ApiFeedback, 'key' | 'score' | 'value' | 'comment'>;

function stamp(seconds: number): string {
  const whole = Math.floor(seconds);
  const micros = Math.round((seconds - whole) * 1e6);
  return `2026-01-02T00:00:${String(whole).padStart(2, '0')}.${String(micros).padStart(6, '0')}`;
}

export function tinyRunId(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

/** Run `n` of `session` on `example`, starting `start` s after 2026-01-02T00:00:00. */
function run(
  n: number,
  session: string,
  exampleId: string,
  start: number,
  latency: number,
  tokens: readonly [prompt: number, completion: number],
  costs: Costs,
  feedback: FeedbackSpec[] = [],
): ApiRun {
  const id = tinyRunId(n);
  const failed = costs === null;
  const model = session === TINY.sessionA ? 'm1' : 'm2';
  const startTime = stamp(start);
  return {
    id,
    trace_id: id,
    name: 'Target',
    run_type: 'chain',
    session_id: session,
    reference_example_id: exampleId,
    start_time: startTime,
    end_time: stamp(start + latency),
    status: failed ? 'error' : 'success',
    error: failed ? 'RateLimitError: slow down' : null,
    inputs: { question: 'Q' },
    outputs: failed ? null : { answer: LONG_ANSWER },
    extra: { metadata: { model, prompt_version: 'v1' } },
    execution_order: 1,
    serialized: null,
    events: null,
    tags: [],
    manifest_id: null,
    manifest_s3_id: null,
    inputs_s3_urls: null,
    outputs_s3_urls: null,
    s3_urls: null,
    dotted_order: null,
    trace_min_start_time: startTime,
    trace_max_start_time: startTime,
    total_tokens: tokens[0] + tokens[1],
    prompt_tokens: tokens[0],
    completion_tokens: tokens[1],
    prompt_cost: costs?.[0] ?? null,
    completion_cost: costs?.[1] ?? null,
    total_cost: costs?.[2] ?? null,
    feedback_stats: null,
    app_path: null,
    feedbacks: feedback.map((f, i) => ({
      id: tinyRunId(1000 + n * 10 + i),
      created_at: `${startTime}+00:00`,
      modified_at: `${startTime}+00:00`,
      correction: null,
      feedback_group_id: null,
      comparative_experiment_id: null,
      run_id: id,
      session_id: session,
      trace_id: id,
      start_time: startTime,
      is_root: true,
      feedback_source: {
        type: 'api',
        metadata: {},
        user_id: null,
        ls_user_id: null,
        user_name: null,
      },
      extra: null,
      feedback_thread_id: null,
      ...f,
    })),
  };
}

const correct = (score: number, comment: string | null = null) => ({
  key: 'correctness',
  score,
  value: null,
  comment,
});
const verdict = (label: string) => ({ key: 'verdict', score: null, value: label, comment: null });

export function createTinyStore(): WorkspaceStore {
  const { sessionA: A, sessionB: B, e1, e2, e3, e4 } = TINY;
  const C_A = ['0.001', '0.002', '0.003'] as const;
  const C_A2 = ['0.002', '0.004', '0.006'] as const;
  const C_B = ['0.0001', '0.0002', '0.0003'] as const;
  const note = { key: 'note', score: null, value: null, comment: 'Human verdict: PASS' };
  const runs: ApiRun[] = [
    run(1, A, e1, 10, 1, [10, 5], C_A, [correct(1), verdict('PASS')]),
    run(2, A, e2, 11, 2, [20, 10], C_A2, [correct(0, 'Missed the refund window'), verdict('FAIL')]),
    run(3, A, e3, 12, 4, [0, 0], null),
    run(4, A, e1, 13, 3, [10, 5], C_A, [correct(1)]),
    run(5, B, e1, 20, 0.5, [5, 5], C_B, [correct(0), note]),
    run(6, B, e2, 21, 1.5, [5, 5], C_B, [correct(1)]),
    run(7, B, e4, 22, 2.5, [5, 5], C_B, [correct(1)]),
  ];
  const contentD: DatasetContent = {
    examples: [
      example(e3, 3, { topic: 'shipping', level: '1' }),
      example(e1, 1, { topic: 'billing', level: 1 }),
      example(e2, 2, { topic: 'billing', level: 2.5 }),
      example(e4, 4, { level: 0 }),
    ],
    runs,
  };
  const empty: DatasetContent = { examples: [], runs: [] };
  return {
    tenantId: TINY.tenant,
    datasets: [dataset(TINY.datasetD, 'Tiny', 4, 2), dataset(TINY.datasetE, 'Other', 0, 1)],
    sessions: [
      session(A, 'tiny-a', TINY.datasetD, 'm1'),
      session(B, 'tiny-b', TINY.datasetD, 'm2'),
      session(TINY.sessionX, 'other-x', TINY.datasetE, 'm1'),
    ],
    contentOf: (id) => (id === TINY.datasetD ? contentD : empty),
    isContentBuilt: () => true,
  };
}
