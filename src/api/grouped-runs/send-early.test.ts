// @vitest-environment node
import { QueryClient } from '@tanstack/react-query';
import { HttpResponse, http } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { demoStore } from '../../mocks/handlers/index-list';
import { serveDemoData } from '../../testing/demo-server';
import { forgetEarly } from '../client';
import { groupedRunsQuery } from './query';
import { FIRST_SCREEN, FIRST_SCREEN_FROM, type GroupedRunsRequest } from './request';
import { sendGroupedRunsEarly } from './send-early';

/**
 * main.tsx sends the view's group/runs requests before the app's code has loaded; the
 * page's query must take them over, not ask a second time. Against the demo handlers.
 */
const server = serveDemoData();
afterEach(forgetEarly);

const dataset = demoStore.datasets.find((d) => d.name === 'Support QA');
if (!dataset) throw new Error('demo data has no Support QA dataset');
const sessions = demoStore.sessions.filter((s) => s.reference_dataset_id === dataset.id);
const request = (limit: number): GroupedRunsRequest => ({
  // In another order than the query sorts them: the bodies still match.
  session_ids: sessions.map((s) => s.id).reverse(),
  group_by: 'run_metadata',
  metadata_key: 'model',
  offset: 0,
  limit,
});

/** The limits of the group/runs requests that reached the server. */
function countRequests(): number[] {
  const limits: number[] = [];
  server.use(
    http.post('*/api/v1/datasets/:id/group/runs', async ({ request: sent }) => {
      limits.push(((await sent.clone().json()) as { limit: number }).limit);
      return undefined; // on to the demo handler
    }),
  );
  return limits;
}

async function load(limit: number) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return client.fetchQuery(groupedRunsQuery(dataset?.id ?? '', request(limit)));
}

describe('group/runs requests sent early', () => {
  it('a page is asked for once, and reads the same as without the early request', async () => {
    const limits = countRequests();
    const plain = await load(100);
    expect(limits).toEqual([100]);
    limits.length = 0;
    sendGroupedRunsEarly(dataset.id, request(100));
    const early = await load(100);
    expect(limits).toEqual([100]);
    expect(early.groups.map((g) => g.examples.map((e) => e.id))).toEqual(
      plain.groups.map((g) => g.examples.map((e) => e.id)),
    );
  });

  it('a large page and its first screen are each asked for once', async () => {
    const limits = countRequests();
    const page = FIRST_SCREEN_FROM + 100;
    sendGroupedRunsEarly(dataset.id, request(page));
    await load(page);
    expect(limits.sort((a, b) => a - b)).toEqual([FIRST_SCREEN, page]);
  });

  it('a request the spec forbids is not sent early (the query says why)', async () => {
    const limits = countRequests();
    sendGroupedRunsEarly(dataset.id, { ...request(100), session_ids: ['not-a-uuid'] });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(limits).toEqual([]);
  });

  it('an early answer that failed is reported by the query', async () => {
    server.use(
      http.post('*/api/v1/datasets/:id/group/runs', () =>
        HttpResponse.json({ detail: 'Dataset gone' }, { status: 404 }),
      ),
    );
    sendGroupedRunsEarly(dataset.id, request(100));
    await expect(load(100)).rejects.toMatchObject({ kind: 'not-found', message: 'Dataset gone' });
  });
});
