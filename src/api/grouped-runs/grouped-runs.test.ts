import { describe, expect, it } from 'vitest';
import { ApiError } from '../errors';
import { parseGroupedRuns } from './parse';
import { buildGroupedRunsBody } from './request';

const S1 = '0b8d6f5e-1111-4a2b-8c3d-000000000001';
const E1 = '7c1d2e3f-0000-4a2b-8c3d-000000000001';
const T = 'a0000000-0000-4000-8000-000000000000';

function run(overrides: Record<string, unknown> = {}) {
  return {
    id: '9a000000-0000-4000-8000-000000000001',
    session_id: S1,
    name: 'Target',
    run_type: 'chain',
    trace_id: '9a000000-0000-4000-8000-000000000001',
    status: 'success',
    start_time: '2024-06-06T01:02:51.000000',
    end_time: '2024-06-06T01:02:53.500000',
    outputs: { answer: 'hi' },
    total_cost: '0.00052065',
    prompt_cost: 0.0003,
    feedback_stats: { correctness: { n: 1, avg: 1.0, stdev: 0.0, errors: 0, values: {} } },
    tenant_id: T,
    ttl_seconds: 1209600,
    ...overrides,
  };
}

function response(runs: unknown[], extra: Record<string, unknown> = {}) {
  return {
    groups: [
      {
        filter:
          "and(eq(is_root, true), and(eq(metadata_key, 'model'), eq(metadata_value, 'gpt-4o')))",
        group_key: 'gpt-4o',
        count: runs.length,
        total_cost: 0.206485,
        error_rate: 0,
        latency_p50: 7.896,
        latency_p99: 13.09332,
        example_count: 1,
        feedback_stats: null,
        sessions: [
          {
            id: S1,
            tenant_id: T,
            filter: 'x',
            name: 'exp-1',
            start_time: '2024-06-06T01:03:04.557530+00:00',
            run_count: null,
            latency_p50: null,
            latency_p99: null,
            total_tokens: null,
            total_cost: null,
            feedback_stats: null,
            session_feedback_stats: null,
            run_facets: null,
            error_rate: null,
            trace_tier: 'longlived',
          },
        ],
        examples: [
          {
            id: E1,
            dataset_id: T,
            name: 'Example 1',
            inputs: { question: 'q' },
            created_at: '2024-06-06T01:02:51.366397',
            runs,
          },
        ],
        ...extra,
      },
    ],
  };
}

describe('parseGroupedRuns', () => {
  it('normalises costs, timestamps, latency and feedback once', () => {
    const { groups, issues } = parseGroupedRuns(response([run()]));
    expect(issues).toEqual([]);
    const group = groups[0];
    expect(group?.stats.totalCost).toBe(0.206485);
    expect(group?.stats.errorRate).toBe(0);
    expect(group?.sessions[0]?.startTime).toBe(Date.UTC(2024, 5, 6, 1, 3, 4, 557));
    expect(group?.sessions[0]?.runCount).toBeNull();
    const parsedRun = group?.examples[0]?.runs[0];
    expect(parsedRun?.totalCost).toBe(0.00052065);
    expect(parsedRun?.promptCost).toBe(0.0003);
    expect(parsedRun?.latency).toBeCloseTo(2.5);
    expect(parsedRun?.feedback.correctness?.mean).toBe(1);
  });

  it('accepts integer, float, zero and empty-string group keys', () => {
    for (const key of [0, 1.5, '', 42]) {
      const { groups } = parseGroupedRuns(response([run()], { group_key: key }));
      expect(groups[0]?.key).toBe(key);
    }
  });

  it('derives per-key stats from feedbacks when feedback_stats is absent', () => {
    const { groups } = parseGroupedRuns(
      response([
        run({
          feedback_stats: undefined,
          feedbacks: [
            { id: 'f1', key: 'correctness', score: true },
            { id: 'f2', key: 'verdict', score: null, value: 'PASS', comment: 'ok' },
          ],
        }),
      ]),
    );
    const fb = groups[0]?.examples[0]?.runs[0]?.feedback;
    expect(fb?.correctness).toMatchObject({ kind: 'numeric', mean: 1, n: 1 });
    expect(fb?.verdict).toMatchObject({
      kind: 'categorical',
      categories: { PASS: 1 },
      comments: ['ok'],
    });
  });

  it('sets a malformed run aside with its path and keeps the rest', () => {
    const { groups, issues } = parseGroupedRuns(
      response([run(), run({ id: 'nope', session_id: 42 })]),
    );
    expect(groups[0]?.examples[0]?.runs).toHaveLength(1);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toMatch(/^groups\[0\]\.examples\[0\]\.runs\[1\]\./);
  });

  it('accepts unknown run types and missing optional keys', () => {
    const { groups, issues } = parseGroupedRuns(
      response([run({ run_type: 'agent_step', error: undefined, tags: undefined })]),
    );
    expect(issues).toEqual([]);
    expect(groups[0]?.examples[0]?.runs[0]?.runType).toBe('agent_step');
  });

  it.each([null, 'text', [], { group: [] }])('rejects %j as a whole with a typed error', (json) => {
    expect(() => parseGroupedRuns(json)).toThrow(ApiError);
  });
});

describe('buildGroupedRunsBody', () => {
  const base = { session_ids: [S1], group_by: 'run_metadata' as const, metadata_key: 'model' };

  it('applies the spec defaults', () => {
    const built = buildGroupedRunsBody(base);
    expect(built.ok && built.body).toMatchObject({ offset: 0, limit: 10, per_group_limit: 5 });
  });

  it.each([
    ['empty session_ids', { session_ids: [] }],
    ['a malformed session id', { session_ids: ['x'] }],
    ['limit 0', { limit: 0 }],
    ['negative offset', { offset: -1 }],
    ['per_group_limit 11', { per_group_limit: 11 }],
    ['an unknown group_by', { group_by: 'feelings' }],
  ])('refuses %s before sending', (_name, patch) => {
    const built = buildGroupedRunsBody({ ...base, ...(patch as object) });
    expect(built.ok).toBe(false);
  });
});
