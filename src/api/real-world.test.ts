import { describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { datasetSchema } from './datasets';
import { sessionMetadataSchema } from './session-metadata';
import { sessionSchema } from './sessions';

/** Shapes seen in real LangSmith payloads (docs/real-world-shapes.md), read as sent. */
const T = '6f9b6d0e-8a55-4c5e-9a3b-1f2a3b4c5d6e';

describe('sessions as real servers send them', () => {
  it('reads a fresh experiment with every stat null', () => {
    const session = sessionSchema.parse({
      id: T,
      tenant_id: T,
      name: 'fresh',
      start_time: '2024-06-06T01:02:51.366397',
      run_count: null,
      latency_p50: null,
      latency_p99: null,
      total_tokens: null,
      prompt_tokens: null,
      completion_tokens: null,
      total_cost: null,
      prompt_cost: null,
      completion_cost: null,
      feedback_stats: null,
      session_feedback_stats: null,
      run_facets: null,
      error_rate: null,
      streaming_rate: null,
    });
    expect(session).toMatchObject({
      runCount: null,
      latencyP50: null,
      totalCost: null,
      errorRate: null,
      feedback: {},
    });
    expect(session.startTime).toBe(Date.UTC(2024, 5, 6, 1, 2, 51, 366));
  });

  it('reads costs as numbers or decimal strings, integer rates and extra fields', () => {
    const session = sessionSchema.parse({
      id: T,
      tenant_id: T,
      name: 'x',
      start_time: '2024-06-06T01:03:04.557530+00:00',
      end_time: '2026-02-16 01:35:18.573255',
      total_cost: 0.206485,
      prompt_cost: '0.00052065',
      error_rate: 0,
      streaming_rate: 0,
      latency_p50: 7.896,
      latency_p99: 13.09332,
      trace_tier: 'shortlived',
      brand_new_field: { anything: true },
      extra: { metadata: { model: 'gpt-4o', num_repetitions: 3, git: { dirty: false } } },
      feedback_stats: { acc: { n: 6, avg: 7.825, mode: 3.43, is_all_model: true } },
    });
    expect(session).toMatchObject({
      totalCost: 0.206485,
      promptCost: 0.00052065,
      errorRate: 0,
      latencyP99: 13.09332,
      metadata: { model: 'gpt-4o', num_repetitions: 3 },
    });
    expect(session.feedback.acc?.mean).toBe(7.825);
    expect(session.endTime).toBe(Date.UTC(2026, 1, 16, 1, 35, 18, 573));
  });

  it('names a session that has no name', () => {
    expect(sessionSchema.parse({ id: T, tenant_id: T }).name).toBe('Experiment 6f9b6d0e');
  });

  it('rejects a session without an id, saying where', () => {
    const result = z.array(sessionSchema).safeParse([{ name: 'no id' }]);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([0, 'id']);
  });
});

describe('datasets and metadata', () => {
  it('reads a dataset with offset timestamps and null counts', () => {
    const dataset = datasetSchema.parse({
      id: T,
      tenant_id: T,
      name: 'QA',
      created_at: '2024-06-06T01:03:04.557530+00:00',
      modified_at: '2024-06-06T01:02:51.366397',
      session_count: 0,
      example_count: null,
      data_type: 'kv',
    });
    expect(dataset).toMatchObject({ name: 'QA', exampleCount: null, sessionCount: 0 });
  });

  it('keeps string-able metadata values and drops the rest', () => {
    expect(
      sessionMetadataSchema.parse({ model: ['gpt-4o', 3, true, null, { a: 1 }], broken: 'x' }),
    ).toEqual({ model: ['gpt-4o', '3', 'true'], broken: [] });
  });
});
