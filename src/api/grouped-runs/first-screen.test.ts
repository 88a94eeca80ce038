// @vitest-environment node
import { QueryClient } from '@tanstack/react-query';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { demoStore } from '../../mocks/handlers/index-list';
import { serveDemoData } from '../../testing/demo-server';
import { groupedRunsQuery } from './query';
import type { GroupedRunsRequest } from './request';
import { FIRST_SCREEN, FIRST_SCREEN_FROM } from './request';
import type { GroupedRuns } from './schemas';

/**
 * A large page sends a small first-screen request beside its own, shows its rows first, and
 * never lets them replace (or outlive) the page's own answer. Against the demo handlers.
 */
const server = serveDemoData();

const dataset = demoStore.datasets.find((d) => d.name === 'Support QA');
if (!dataset) throw new Error('demo data has no Support QA dataset');
const sessions = demoStore.sessions.filter((s) => s.reference_dataset_id === dataset.id);
const request = (limit: number): GroupedRunsRequest => ({
  session_ids: sessions.map((s) => s.id),
  group_by: 'run_metadata',
  metadata_key: 'model',
  offset: 0,
  limit,
});

/** Holds back the group/runs responses with the given limit until released. */
function gate(limit: number) {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const limits: number[] = [];
  server.use(
    http.post('*/api/v1/datasets/:id/group/runs', async ({ request: sent }) => {
      const body = (await sent.clone().json()) as { limit: number };
      limits.push(body.limit);
      if (body.limit === limit) await released;
      return undefined; // on to the demo handler
    }),
  );
  return { release, limits };
}

const examplesOf = (data: GroupedRuns | undefined) =>
  Math.max(0, ...(data?.groups.map((g) => g.examples.length) ?? []));

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
}

describe('first screen of a large page', () => {
  const page = FIRST_SCREEN_FROM + 100;

  it('shows the first screen while the page is on its way, then the whole page', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const options = groupedRunsQuery(dataset.id, request(page));
    const held = gate(page);
    const done = client.fetchQuery(options);
    await until(() => client.getQueryData(options.queryKey) !== undefined);
    const first = client.getQueryData(options.queryKey);
    expect(first?.reading).toEqual({
      examples: FIRST_SCREEN,
      of: dataset.example_count,
      from: 'first-screen',
    });
    expect(examplesOf(first)).toBe(FIRST_SCREEN);
    held.release();
    const whole = await done;
    expect(whole.reading).toBeUndefined();
    expect(examplesOf(whole)).toBe(dataset.example_count);
    expect(client.getQueryData(options.queryKey)).toBe(whole);
    expect(held.limits.sort((a, b) => a - b)).toEqual([FIRST_SCREEN, page]);
  });

  it('loads the page when the first screen fails', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    server.use(
      http.post('*/api/v1/datasets/:id/group/runs', async ({ request: sent }) => {
        const body = (await sent.clone().json()) as { limit: number };
        return body.limit === FIRST_SCREEN
          ? HttpResponse.json({ detail: 'x' }, { status: 500 })
          : undefined;
      }),
    );
    const whole = await client.fetchQuery(groupedRunsQuery(dataset.id, request(page)));
    expect(examplesOf(whole)).toBe(dataset.example_count);
  });

  it('leaves no first screen behind when the page fails before it', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const options = groupedRunsQuery(dataset.id, request(page));
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let firstScreenServed = false;
    server.use(
      http.post('*/api/v1/datasets/:id/group/runs', async ({ request: sent }) => {
        const body = (await sent.clone().json()) as { limit: number };
        if (body.limit === page) return HttpResponse.json({ detail: 'boom' }, { status: 422 });
        await released;
        firstScreenServed = true;
        return undefined;
      }),
    );
    await expect(client.fetchQuery(options)).rejects.toMatchObject({ kind: 'validation' });
    release();
    await until(() => firstScreenServed);
    await new Promise((r) => setTimeout(r, 50));
    expect(client.getQueryState(options.queryKey)?.status).toBe('error');
    expect(client.getQueryData(options.queryKey)).toBeUndefined();
  });

  it('sends one request for a page of ordinary size', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const held = gate(-1);
    await client.fetchQuery(groupedRunsQuery(dataset.id, request(FIRST_SCREEN_FROM)));
    expect(held.limits).toEqual([FIRST_SCREEN_FROM]);
  });
});
