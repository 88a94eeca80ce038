// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createTinyStore, TINY } from '../testing/tiny-store';
import {
  getDataset,
  listDatasets,
  listSessions,
  parseJsonBody,
  sessionMetadata,
} from './api-logic';
import type { ApiDataset, ApiResult, ApiTracerSession, ValidationIssue } from './api-types';
import { DEMO_DATASET_NAMES, generateDemoWorkspace } from './generator';

const demo = generateDemoWorkspace(undefined, { scale: { examples: 30, sessions: 2 } });
const q = (text: string) => new URLSearchParams(text);
const datasetNamed = (name: string) => {
  const d = demo.datasets.find((x) => x.name === name);
  if (!d) throw new Error(name);
  return d;
};
const qa = datasetNamed(DEMO_DATASET_NAMES.supportQa);
const fresh = datasetNamed(DEMO_DATASET_NAMES.fresh);

function body<T>(result: ApiResult): T {
  expect(result.status).toBe(200);
  return result.body as T;
}
function detail(result: ApiResult): ValidationIssue[] {
  expect(result.status).toBe(422);
  return (result.body as { detail: ValidationIssue[] }).detail;
}

describe('GET /api/v1/datasets', () => {
  it('lists newest experiments first, datasets without experiments last', () => {
    const names = body<ApiDataset[]>(listDatasets(demo, q(''))).map((d) => d.name);
    expect(names[0]).toBe(DEMO_DATASET_NAMES.supportQa);
    expect(names[names.length - 1]).toBe(DEMO_DATASET_NAMES.empty);
    // Support QA, the running experiment, the fresh one, the scale demo, the empty one.
    expect(names).toHaveLength(5);
  });

  it('filters by name_contains (any case) and by repeated id', () => {
    expect(
      body<ApiDataset[]>(listDatasets(demo, q('name_contains=SUPPORT'))).map((d) => d.name),
    ).toEqual([DEMO_DATASET_NAMES.supportQa]);
    const both = body<ApiDataset[]>(listDatasets(demo, q(`id=${qa.id}&id=${fresh.id}`)));
    expect(both.map((d) => d.id).sort()).toEqual([qa.id, fresh.id].sort());
  });

  it('sorts by name and created_at in either direction and pages', () => {
    const byName = body<ApiDataset[]>(listDatasets(demo, q('sort_by=name&sort_by_desc=false'))).map(
      (d) => d.name,
    );
    expect(byName).toEqual([...byName].sort());
    const created = body<ApiDataset[]>(
      listDatasets(demo, q('sort_by=created_at&sort_by_desc=true')),
    );
    expect(created.map((d) => d.created_at)).toEqual(
      created
        .map((d) => d.created_at)
        .sort()
        .reverse(),
    );
    const second = body<ApiDataset[]>(
      listDatasets(demo, q('sort_by=name&sort_by_desc=false&offset=1&limit=1')),
    );
    expect(second.map((d) => d.name)).toEqual([byName[1]]);
  });

  it('rejects limits outside 1..100 and bad ids with FastAPI-shaped 422s', () => {
    expect(detail(listDatasets(demo, q('limit=0')))[0]).toMatchObject({
      loc: ['query', 'limit'],
      type: 'greater_than_equal',
    });
    expect(detail(listDatasets(demo, q('limit=101')))[0]).toMatchObject({
      loc: ['query', 'limit'],
      type: 'less_than_equal',
      msg: 'Input should be less than or equal to 100',
    });
    expect(detail(listDatasets(demo, q('limit=ten')))[0]).toMatchObject({ type: 'int_parsing' });
    expect(detail(listDatasets(demo, q('id=x')))[0]).toMatchObject({
      loc: ['query', 'id', 0],
      type: 'uuid_parsing',
    });
    expect(detail(listDatasets(demo, q('sort_by=size')))[0]).toMatchObject({
      loc: ['query', 'sort_by'],
      type: 'enum',
    });
  });
});

describe('GET /api/v1/datasets/{id}', () => {
  it('returns the dataset, 404s unknown ids and 422s non-uuids', () => {
    expect(body<ApiDataset>(getDataset(demo, qa.id)).name).toBe(DEMO_DATASET_NAMES.supportQa);
    expect(getDataset(demo, '11111111-1111-4111-8111-111111111111')).toEqual({
      status: 404,
      body: { detail: 'Dataset not found' },
    });
    expect(detail(getDataset(demo, 'abc'))[0]).toMatchObject({
      loc: ['path', 'dataset_id'],
      type: 'uuid_parsing',
    });
  });
});

describe('GET /api/v1/sessions', () => {
  it('lists a dataset’s experiments newest first, with stats when asked', () => {
    const sessions = body<ApiTracerSession[]>(
      listSessions(demo, q(`reference_dataset=${qa.id}&include_stats=true`)),
    );
    expect(sessions).toHaveLength(6);
    expect(sessions.map((s) => s.start_time)).toEqual(
      sessions
        .map((s) => s.start_time)
        .sort()
        .reverse(),
    );
    for (const s of sessions) {
      expect(s.run_count).toBeGreaterThanOrEqual(80);
      expect(s.latency_p50).toBeGreaterThan(0);
      expect(s.total_cost).toMatch(/^\d+\.\d+$/);
      expect(s.last_run_start_time).toMatch(/^2026-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/);
      expect(s.feedback_stats?.correctness?.n).toBeGreaterThan(0);
      expect(s.error_rate).toBeGreaterThanOrEqual(0);
    }
  });

  it('leaves stats null without include_stats, and for a fresh experiment', () => {
    const plain = body<ApiTracerSession[]>(listSessions(demo, q(`reference_dataset=${qa.id}`)));
    expect(plain[0]).toMatchObject({ run_count: null, latency_p50: null, feedback_stats: null });
    const [f] = body<ApiTracerSession[]>(
      listSessions(demo, q(`reference_dataset=${fresh.id}&include_stats=true`)),
    );
    expect(f).toMatchObject({
      run_count: null,
      latency_p50: null,
      total_tokens: null,
      total_cost: null,
      feedback_stats: null,
      session_feedback_stats: null,
      error_rate: null,
      end_time: null,
    });
  });

  it('filters by several datasets, ids and name_contains, and sorts by stats', () => {
    const two = body<ApiTracerSession[]>(
      listSessions(demo, q(`reference_dataset=${qa.id}&reference_dataset=${fresh.id}`)),
    );
    expect(two).toHaveLength(7);
    const claude = body<ApiTracerSession[]>(
      listSessions(demo, q('name_contains=SUPPORT-QA-CLAUDE')),
    );
    expect(claude.map((s) => s.name).every((n) => n.startsWith('support-qa-claude'))).toBe(true);
    expect(claude).toHaveLength(2);
    const [first, second] = two;
    const byId = body<ApiTracerSession[]>(
      listSessions(demo, q(`id=${first?.id}&id=${second?.id}`)),
    );
    expect(byId.map((s) => s.id)).toEqual([first?.id, second?.id]);
    const fastest = body<ApiTracerSession[]>(
      listSessions(
        demo,
        q(`reference_dataset=${qa.id}&sort_by=latency_p50&sort_by_desc=false&include_stats=true`),
      ),
    );
    const p50s = fastest.map((s) => s.latency_p50 ?? 0);
    expect(p50s).toEqual([...p50s].sort((a, b) => a - b));
    expect(detail(listSessions(demo, q('reference_dataset=nope')))[0]?.loc).toEqual([
      'query',
      'reference_dataset',
      0,
    ]);
  });

  it('matches hand-computed stats on the tiny store', () => {
    const [a] = body<ApiTracerSession[]>(
      listSessions(createTinyStore(), q(`id=${TINY.sessionA}&include_stats=true`)),
    );
    expect(a).toMatchObject({
      run_count: 4,
      error_rate: 0.25,
      latency_p50: 2.5,
      total_cost: '0.012',
      total_tokens: 60,
    });
  });
});

describe('GET /api/v1/sessions/{id}/metadata', () => {
  const session = demo.sessions.find((s) => s.reference_dataset_id === qa.id);
  if (!session) throw new Error('no session');
  const meta = session.extra?.metadata as Record<string, unknown>;

  it('lists run-metadata keys with their top values as strings', () => {
    const result = body<Record<string, string[]>>(sessionMetadata(demo, session.id, q('')));
    expect(result.model).toEqual([meta.model]);
    expect(result.prompt_version).toEqual([meta.prompt_version]);
    expect(result.num_repetitions).toEqual([String(meta.num_repetitions)]);
    for (const values of Object.values(result))
      for (const v of values) expect(typeof v).toBe('string');
  });

  it('honours metadata_keys and k', () => {
    const result = body<Record<string, string[]>>(
      sessionMetadata(demo, session.id, q('metadata_keys=model&metadata_keys=temperature&k=1')),
    );
    expect(Object.keys(result).sort()).toEqual(['model', 'temperature']);
    expect(detail(sessionMetadata(demo, session.id, q('k=0')))[0]).toMatchObject({
      loc: ['query', 'k'],
    });
  });

  it('404s unknown sessions and 422s non-uuids', () => {
    expect(sessionMetadata(demo, '11111111-1111-4111-8111-111111111111', q('')).status).toBe(404);
    expect(detail(sessionMetadata(demo, 'x', q('')))[0]).toMatchObject({
      loc: ['path', 'session_id'],
    });
  });
});

describe('parseJsonBody', () => {
  it('parses JSON and answers malformed JSON with a 422', () => {
    expect(parseJsonBody('{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
    const broken = parseJsonBody('{"a":');
    expect(broken.ok).toBe(false);
    if (!broken.ok) {
      expect(broken.result.status).toBe(422);
      expect(broken.result.body).toMatchObject({
        detail: [{ loc: ['body', 0], type: 'json_invalid' }],
      });
    }
  });
});
