// @vitest-environment node
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTinyStore, TINY } from '../../testing/tiny-store';
import { DEMO_DATASET_NAMES } from '../generator';
import { server } from '../node';
import { createHandlers, demoStore } from './index-list';

const BASE = 'http://versus.test';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

async function json(path: string, init?: RequestInit): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${BASE}${path}`, init);
  return { status: response.status, body: await response.json() };
}

const supportQa = demoStore.datasets.find((d) => d.name === DEMO_DATASET_NAMES.supportQa);

describe('MSW handlers over the demo store', () => {
  it('serves the datasets list and one dataset from any origin', async () => {
    const list = await json('/api/v1/datasets?name_contains=support');
    expect(list.status).toBe(200);
    expect(list.body).toEqual([supportQa]);
    const one = await json(`/api/v1/datasets/${supportQa?.id}`);
    expect(one).toEqual({ status: 200, body: supportQa });
    const other = await fetch(`http://localhost:4173/api/v1/datasets/${supportQa?.id}`);
    expect(other.status).toBe(200);
  });

  it('serves sessions, their metadata and grouped runs', async () => {
    const sessions = await json(
      `/api/v1/sessions?reference_dataset=${supportQa?.id}&include_stats=true`,
    );
    expect(sessions.status).toBe(200);
    const ids = (sessions.body as Array<{ id: string }>).map((s) => s.id);
    expect(ids).toHaveLength(6);
    const metadata = await json(`/api/v1/sessions/${ids[0]}/metadata?metadata_keys=model`);
    expect(Object.keys(metadata.body as object)).toEqual(['model']);
    const grouped = await json(`/api/v1/datasets/${supportQa?.id}/group/runs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        session_ids: ids,
        group_by: 'run_metadata',
        metadata_key: 'model',
        limit: 3,
      }),
    });
    expect(grouped.status).toBe(200);
    expect((grouped.body as { groups: unknown[] }).groups).toHaveLength(3);
  });

  it('answers malformed JSON and bad parameters with 422, unknown ids with 404', async () => {
    const malformed = await json(`/api/v1/datasets/${supportQa?.id}/group/runs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"session_ids": [',
    });
    expect(malformed.status).toBe(422);
    expect(malformed.body).toMatchObject({ detail: [{ type: 'json_invalid', loc: ['body', 0] }] });
    expect((await json('/api/v1/datasets?limit=0')).status).toBe(422);
    expect((await json('/api/v1/datasets/11111111-1111-4111-8111-111111111111')).status).toBe(404);
  });
});

describe('createHandlers', () => {
  it('serves any store, with an optional artificial latency', async () => {
    server.use(...createHandlers(createTinyStore(), { latencyMs: 60 }));
    const started = performance.now();
    const list = await json('/api/v1/datasets');
    expect(performance.now() - started).toBeGreaterThanOrEqual(50);
    expect((list.body as Array<{ id: string }>).map((d) => d.id)).toContain(TINY.datasetD);
  });
});
