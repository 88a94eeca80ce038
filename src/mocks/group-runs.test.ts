// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createTinyStore, TINY, tinyRunId } from '../testing/tiny-store';
import type { ApiExampleGroup, ApiGroupedResponse, ApiResult, ValidationIssue } from './api-types';
import { DEMO_DATASET_NAMES, generateDemoWorkspace, type WorkspaceStore } from './generator';
import { groupRuns } from './group-runs';

function ok(result: ApiResult): ApiGroupedResponse {
  expect(result.status).toBe(200);
  return result.body as ApiGroupedResponse;
}

function issues(result: ApiResult): ValidationIssue[] {
  expect(result.status).toBe(422);
  return (result.body as { detail: ValidationIssue[] }).detail;
}

function group(body: ApiGroupedResponse, key: string | number): ApiExampleGroup {
  const found = body.groups.find((g) => g.group_key === key);
  if (!found) throw new Error(`no group ${key}`);
  return found;
}

const demo = generateDemoWorkspace(undefined, { scale: null });
const qa = demo.datasets.find((d) => d.name === DEMO_DATASET_NAMES.supportQa);
if (!qa) throw new Error('Support QA missing');
const qaSessions = demo.sessions.filter((s) => s.reference_dataset_id === qa.id);
const allIds = qaSessions.map((s) => s.id);
const modelOf = (id: string) => {
  const metadata = qaSessions.find((s) => s.id === id)?.extra?.metadata;
  return (metadata as Record<string, unknown> | undefined)?.model;
};

describe('grouping the demo data', () => {
  it('groups by run metadata model: three groups with that model’s two sessions each', () => {
    const body = ok(
      groupRuns(demo, qa.id, {
        session_ids: allIds,
        group_by: 'run_metadata',
        metadata_key: 'model',
        limit: 100,
      }),
    );
    expect(body.groups.map((g) => g.group_key)).toEqual([
      'claude-3-5-sonnet',
      'gpt-4o',
      'llama-3.1-70b',
    ]);
    for (const g of body.groups) {
      expect(g.sessions).toHaveLength(2);
      for (const s of g.sessions) expect(modelOf(s.id)).toBe(g.group_key);
      // Sessions keep the order of session_ids.
      expect(g.sessions.map((s) => s.id)).toEqual(
        allIds.filter((id) => modelOf(id) === g.group_key),
      );
      expect(g.example_count).toBe(80);
      expect(g.examples).toHaveLength(80);
      expect(g.filter).toBe(
        `and(eq(is_root, true), and(eq(metadata_key, 'model'), eq(metadata_value, '${g.group_key}')))`,
      );
      const sessionIds = new Set(g.sessions.map((s) => s.id));
      for (const ex of g.examples)
        for (const r of ex.runs) expect(sessionIds.has(r.session_id)).toBe(true);
      expect(g.count).toBe(g.sessions.reduce((n, s) => n + (s.run_count ?? 0), 0));
    }
    // The three-repetition experiment shows all three runs per example under the default cap.
    const llama = group(body, 'llama-3.1-70b');
    expect(llama.count).toBe(320);
    expect(llama.examples[0]?.runs).toHaveLength(4);
  });

  it('groups by example metadata topic with every session in every group', () => {
    const body = ok(
      groupRuns(demo, qa.id, {
        session_ids: allIds,
        group_by: 'example_metadata',
        metadata_key: 'topic',
        limit: 5,
      }),
    );
    expect(body.groups.map((g) => g.group_key)).toEqual([
      'account',
      'billing',
      'returns',
      'shipping',
      'technical',
    ]);
    const total = body.groups.reduce((n, g) => n + g.example_count, 0);
    expect(total).toBe(80);
    for (const g of body.groups) {
      expect(g.sessions).toHaveLength(6);
      expect(g.examples).toHaveLength(5);
      for (const ex of g.examples) expect(ex.metadata?.topic).toBe(g.group_key);
      expect(g.filter).toContain(`eq(example_metadata_value, '${g.group_key}')`);
    }
  });

  it('keeps the JSON type of group keys', () => {
    const temperature = ok(
      groupRuns(demo, qa.id, {
        session_ids: allIds,
        group_by: 'run_metadata',
        metadata_key: 'temperature',
      }),
    );
    expect(temperature.groups.map((g) => g.group_key)).toEqual([0.2, 0.7]);
    const reps = ok(
      groupRuns(demo, qa.id, {
        session_ids: allIds,
        group_by: 'run_metadata',
        metadata_key: 'num_repetitions',
      }),
    );
    expect(reps.groups.map((g) => g.group_key)).toEqual([1, 3]);
  });

  it('answers an unknown metadata key with no groups', () => {
    const body = ok(
      groupRuns(demo, qa.id, {
        session_ids: allIds,
        group_by: 'run_metadata',
        metadata_key: 'nope',
      }),
    );
    expect(body.groups).toEqual([]);
  });
});

describe('aggregates on a hand-made store', () => {
  const tiny: WorkspaceStore = createTinyStore();
  const request = (extra: Record<string, unknown> = {}) =>
    groupRuns(tiny, TINY.datasetD, {
      session_ids: [TINY.sessionA, TINY.sessionB],
      group_by: 'run_metadata',
      metadata_key: 'prompt_version',
      ...extra,
    });

  it('computes the group totals by hand', () => {
    const body = ok(request());
    expect(body.groups).toHaveLength(1);
    const g = group(body, 'v1');
    expect(g).toMatchObject({
      count: 7,
      total_tokens: 90,
      prompt_tokens: 55,
      completion_tokens: 35,
      total_cost: '0.0129',
      prompt_cost: '0.0043',
      completion_cost: '0.0086',
      latency_p50: 2,
      min_start_time: '2026-01-02T00:00:10.000000',
      max_start_time: '2026-01-02T00:00:22.000000',
      example_count: 2,
      filter:
        "and(eq(is_root, true), and(eq(metadata_key, 'prompt_version'), eq(metadata_value, 'v1')))",
    });
    // Latencies 0.5 1 1.5 2 2.5 3 4: the 99th percentile sits 94% of the way from 3 to 4.
    expect(g.latency_p99).toBeCloseTo(3.94, 10);
    expect(g.error_rate).toBeCloseTo(1 / 7, 10);
    const correctness = g.feedback_stats?.correctness;
    expect(correctness?.n).toBe(6);
    expect(correctness?.avg).toBeCloseTo(4 / 6, 10);
    expect(correctness?.stdev).toBeCloseTo(Math.sqrt(4 / 6 - (4 / 6) ** 2), 10);
    expect(correctness).toMatchObject({
      errors: 0,
      values: {},
      comments: ['Missed the refund window'],
      sources: ['{"type":"api","metadata":{}}'],
      session_min_score: 0,
      session_max_score: 1,
      show_feedback_arrow: true,
      contains_thread_feedback: false,
    });
    expect(g.feedback_stats?.verdict).toMatchObject({
      n: 0,
      avg: null,
      values: { PASS: 1, FAIL: 1 },
    });
    expect(g.feedback_stats?.note).toMatchObject({
      n: 0,
      avg: null,
      comments: ['Human verdict: PASS'],
    });
  });

  it('computes per-session stats over that session’s runs in the group', () => {
    const [a, b] = group(ok(request()), 'v1').sessions;
    expect(a).toMatchObject({
      id: TINY.sessionA,
      name: 'tiny-a',
      tenant_id: TINY.tenant,
      reference_dataset_id: TINY.datasetD,
      run_count: 4,
      example_count: 3,
      error_rate: 0.25,
      latency_p50: 2.5,
      total_tokens: 60,
      total_cost: '0.012',
      min_start_time: '2026-01-02T00:00:10.000000',
      max_start_time: '2026-01-02T00:00:13.000000',
      last_run_start_time: '2026-01-02T00:00:13.000000',
    });
    expect(a?.latency_p99).toBeCloseTo(3.97, 10);
    expect(a?.feedback_stats?.correctness?.avg).toBeCloseTo(2 / 3, 10);
    expect(b).toMatchObject({
      id: TINY.sessionB,
      run_count: 3,
      example_count: 3,
      error_rate: 0,
      latency_p50: 1.5,
    });
  });

  it('lists the examples both sessions ran, in created order, with every run tagged by session', () => {
    const g = group(ok(request()), 'v1');
    expect(g.examples.map((e) => e.id)).toEqual([TINY.e1, TINY.e2]);
    expect(g.examples[0]?.runs.map((r) => r.id)).toEqual([
      tinyRunId(1),
      tinyRunId(4),
      tinyRunId(5),
    ]);
    expect(g.examples[0]?.runs.map((r) => r.session_id)).toEqual([
      TINY.sessionA,
      TINY.sessionA,
      TINY.sessionB,
    ]);
    expect(g.examples[0]).toMatchObject({
      name: 'Example 1',
      inputs: { question: 'Q1' },
      dataset_id: TINY.datasetD,
    });
  });

  it('orders sessions as session_ids does', () => {
    const body = ok(
      groupRuns(tiny, TINY.datasetD, {
        session_ids: [TINY.sessionB, TINY.sessionA],
        group_by: 'run_metadata',
        metadata_key: 'prompt_version',
      }),
    );
    expect(group(body, 'v1').sessions.map((s) => s.id)).toEqual([TINY.sessionB, TINY.sessionA]);
    expect(group(body, 'v1').examples[0]?.runs.map((r) => r.id)).toEqual([
      tinyRunId(5),
      tinyRunId(1),
      tinyRunId(4),
    ]);
  });

  it('caps runs per session per example with per_group_limit', () => {
    const g = group(ok(request({ per_group_limit: 1 })), 'v1');
    expect(g.examples[0]?.runs.map((r) => r.id)).toEqual([tinyRunId(1), tinyRunId(5)]);
    expect(g.count).toBe(7); // stats still cover every run
  });

  it('pages examples with offset and limit, keeping example_count', () => {
    const first = group(ok(request({ limit: 1 })), 'v1');
    expect(first.examples.map((e) => e.id)).toEqual([TINY.e1]);
    expect(first.example_count).toBe(2);
    const second = group(ok(request({ limit: 1, offset: 1 })), 'v1');
    expect(second.examples.map((e) => e.id)).toEqual([TINY.e2]);
    const past = group(ok(request({ offset: 5 })), 'v1');
    expect(past.examples).toEqual([]);
    expect(past.example_count).toBe(2);
  });

  it('groups by example metadata and leaves out runs whose example lacks the key', () => {
    const body = ok(request({ group_by: 'example_metadata', metadata_key: 'topic' }));
    expect(body.groups.map((g) => g.group_key)).toEqual(['billing', 'shipping']);
    const billing = group(body, 'billing');
    expect(billing.count).toBe(5);
    expect(billing.sessions.map((s) => [s.id, s.run_count, s.example_count])).toEqual([
      [TINY.sessionA, 3, 2],
      [TINY.sessionB, 2, 2],
    ]);
    const shipping = group(body, 'shipping');
    expect(shipping.sessions.map((s) => s.id)).toEqual([TINY.sessionA]);
    expect(shipping).toMatchObject({ count: 1, error_rate: 1, example_count: 1, total_cost: null });
  });

  it('keeps numbers, zero and numeric-looking strings as distinct typed keys', () => {
    const body = ok(request({ group_by: 'example_metadata', metadata_key: 'level' }));
    expect(body.groups.map((g) => g.group_key)).toEqual([0, 1, 2.5, '1']);
    expect(group(body, 0).filter).toContain('eq(example_metadata_value, 0)');
  });

  it('replaces inputs and outputs by short previews when asked', () => {
    const g = group(ok(request({ preview: true })), 'v1');
    const r = g.examples[0]?.runs[0];
    expect(r?.inputs).toBeNull();
    expect(r?.outputs).toBeNull();
    expect(r?.inputs_preview).toBe('Q');
    expect(r?.outputs_preview?.length).toBe(200);
    expect(r?.outputs_preview?.endsWith('…')).toBe(true);
    const full = group(ok(request()), 'v1').examples[0]?.runs[0];
    expect(full?.outputs).toEqual({ answer: expect.any(String) });
    expect(full?.outputs_preview).toBeUndefined();
  });

  it('applies per-session filters before grouping', () => {
    const errorsOnly = group(
      ok(request({ filters: { [TINY.sessionA]: ['eq(status, "error")'] } })),
      'v1',
    );
    expect(errorsOnly.count).toBe(4); // a3 plus all of B
    expect(errorsOnly.example_count).toBe(0); // A ran only e3, which B did not run
    const success = group(
      ok(request({ filters: { [TINY.sessionA]: ["eq(status, 'success')"] } })),
      'v1',
    );
    expect(success.sessions[0]?.run_count).toBe(3);
    const wrong = group(
      ok(
        request({
          filters: {
            [TINY.sessionA]: ["and(eq(feedback_key, 'correctness'), eq(feedback_score, 0))"],
          },
        }),
      ),
      'v1',
    );
    expect(wrong.sessions[0]?.run_count).toBe(1);
    const slow = group(ok(request({ filters: { [TINY.sessionB]: ['gt(latency, 1)'] } })), 'v1');
    expect(slow.sessions[1]?.run_count).toBe(2);
    // A filter the subset does not understand narrows nothing.
    const unknown = group(
      ok(request({ filters: { [TINY.sessionA]: ['search("refund")'] } })),
      'v1',
    );
    expect(unknown.count).toBe(7);
  });
});

describe('request validation', () => {
  const tiny = createTinyStore();
  const base = {
    session_ids: [TINY.sessionA],
    group_by: 'run_metadata',
    metadata_key: 'model',
  };
  const bad = (body: unknown) => issues(groupRuns(tiny, TINY.datasetD, body));

  it.each([
    ['empty session_ids', { session_ids: [] }, ['body', 'session_ids'], 'too_short'],
    [
      'a session id that is not a uuid',
      { session_ids: ['nope'] },
      ['body', 'session_ids', 0],
      'uuid_parsing',
    ],
    ['limit 0', { limit: 0 }, ['body', 'limit'], 'greater_than_equal'],
    ['offset -1', { offset: -1 }, ['body', 'offset'], 'greater_than_equal'],
    ['per_group_limit 11', { per_group_limit: 11 }, ['body', 'per_group_limit'], 'less_than_equal'],
    [
      'per_group_limit 0',
      { per_group_limit: 0 },
      ['body', 'per_group_limit'],
      'greater_than_equal',
    ],
    ['a bad group_by', { group_by: 'session' }, ['body', 'group_by'], 'enum'],
    ['a fractional limit', { limit: 2.5 }, ['body', 'limit'], 'int_from_float'],
    ['a non-boolean preview', { preview: 'maybe' }, ['body', 'preview'], 'bool_parsing'],
    ['filters that are not an object', { filters: ['x'] }, ['body', 'filters'], 'dict_type'],
    [
      'a filter key that is not a uuid',
      { filters: { nope: [] } },
      ['body', 'filters', 'nope', '[key]'],
      'uuid_parsing',
    ],
  ])('rejects %s', (_, patch, loc, type) => {
    const detail = bad({ ...base, ...patch });
    expect(detail).toHaveLength(1);
    expect(detail[0]).toMatchObject({ loc, type, msg: expect.any(String) });
  });

  it('says what FastAPI says', () => {
    expect(bad({ ...base, limit: 0 })[0]).toEqual({
      loc: ['body', 'limit'],
      msg: 'Input should be greater than or equal to 1',
      type: 'greater_than_equal',
      input: 0,
      ctx: { ge: 1 },
    });
    expect(bad({ ...base, per_group_limit: 11 })[0]?.msg).toBe(
      'Input should be less than or equal to 10',
    );
    expect(bad({ ...base, group_by: 'x' })[0]?.msg).toBe(
      "Input should be 'run_metadata' or 'example_metadata'",
    );
  });

  it('reports missing required fields', () => {
    const { metadata_key: _, ...withoutKey } = base;
    expect(bad(withoutKey)).toEqual([
      expect.objectContaining({
        loc: ['body', 'metadata_key'],
        type: 'missing',
        msg: 'Field required',
      }),
    ]);
    expect(bad({}).map((d) => d.loc)).toEqual([
      ['body', 'session_ids'],
      ['body', 'group_by'],
      ['body', 'metadata_key'],
    ]);
    expect(bad(undefined)).toEqual([expect.objectContaining({ loc: ['body'], type: 'missing' })]);
    expect(bad([1])).toEqual([
      expect.objectContaining({ loc: ['body'], type: 'model_attributes_type' }),
    ]);
  });

  it('lists every problem at once, the path included', () => {
    const detail = issues(groupRuns(tiny, 'not-a-uuid', { ...base, limit: 0, offset: -1 }));
    expect(detail.map((d) => d.loc)).toEqual([
      ['path', 'dataset_id'],
      ['body', 'offset'],
      ['body', 'limit'],
    ]);
  });

  it('accepts what pydantic coerces: numeric strings and integral floats', () => {
    expect(
      groupRuns(tiny, TINY.datasetD, { ...base, limit: '3', offset: 0.0, preview: 'true' }).status,
    ).toBe(200);
  });
});

describe('not found', () => {
  const tiny = createTinyStore();
  const base = { group_by: 'run_metadata', metadata_key: 'model' };

  it('404s an unknown dataset', () => {
    const result = groupRuns(tiny, '11111111-1111-4111-8111-111111111111', {
      ...base,
      session_ids: [TINY.sessionA],
    });
    expect(result).toEqual({ status: 404, body: { detail: 'Dataset not found' } });
  });

  it('404s an unknown session and a session of another dataset', () => {
    const unknown = '22222222-2222-4222-8222-222222222222';
    expect(
      groupRuns(tiny, TINY.datasetD, { ...base, session_ids: [TINY.sessionA, unknown] }),
    ).toEqual({
      status: 404,
      body: { detail: `Session ${unknown} not found` },
    });
    expect(groupRuns(tiny, TINY.datasetD, { ...base, session_ids: [TINY.sessionX] })).toEqual({
      status: 404,
      body: { detail: `Session ${TINY.sessionX} not found` },
    });
  });

  it('matches ids case-insensitively, as uuids are', () => {
    const result = groupRuns(tiny, TINY.datasetD.toUpperCase(), {
      ...base,
      session_ids: [TINY.sessionA.toUpperCase()],
    });
    expect(result.status).toBe(200);
  });
});

describe('at scale (10,000 examples × 8 sessions)', () => {
  const store = generateDemoWorkspace();
  const scale = store.datasets.find((d) => d.name === DEMO_DATASET_NAMES.scale);
  if (!scale) throw new Error('scale dataset missing');
  const ids = store.sessions.filter((s) => s.reference_dataset_id === scale.id).map((s) => s.id);

  it('pages a grouping and serves a 10,000-example page', () => {
    const page = ok(
      groupRuns(store, scale.id, {
        session_ids: ids,
        group_by: 'run_metadata',
        metadata_key: 'model',
        limit: 100,
      }),
    );
    expect(page.groups).toHaveLength(4);
    for (const g of page.groups) {
      expect(g.example_count).toBe(10_000);
      expect(g.examples).toHaveLength(100);
      expect(g.sessions).toHaveLength(2);
    }
    const all = ok(
      groupRuns(store, scale.id, {
        session_ids: ids,
        group_by: 'run_metadata',
        metadata_key: 'prompt_version',
        limit: 10_000,
        preview: true,
      }),
    );
    expect(all.groups.map((g) => [g.group_key, g.examples.length, g.count])).toEqual([
      ['v1', 10_000, 40_000],
      ['v2', 10_000, 40_000],
    ]);
    expect(all.groups[0]?.examples[0]?.runs).toHaveLength(4);
  }, 60_000);
});
