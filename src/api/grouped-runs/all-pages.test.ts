// @vitest-environment node
import { InfiniteQueryObserver, QueryClient } from '@tanstack/react-query';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { demoStore } from '../../mocks/handlers/index-list';
import { serveDemoData } from '../../testing/demo-server';
import {
  type AllPagesRequest,
  allPagesQuery,
  LOAD_ALL_MAX_PAGE,
  nextSlice,
  type PageSlice,
} from './all-pages';

/** Every slice "Load all" asks for, from the view's page size, for a group of `total`. */
function slices(first: number, total: number): PageSlice[] {
  const out: PageSlice[] = [{ offset: 0, limit: first }];
  for (let next = nextSlice(out[0] as PageSlice, total); next; next = nextSlice(next, total)) {
    out.push(next);
  }
  return out;
}

describe('nextSlice', () => {
  it('covers every example once, in order, with pages doubling up to the cap', () => {
    for (const [first, total] of [
      [100, 10_000],
      [20, 80],
      [100, 100],
      [100, 101],
      [7, 12_345],
    ] as const) {
      const all = slices(first, total);
      let covered = 0;
      for (const s of all) {
        expect(s.offset).toBe(covered);
        expect(s.limit).toBeLessThanOrEqual(Math.max(first, LOAD_ALL_MAX_PAGE));
        covered += s.limit;
      }
      expect(covered).toBeGreaterThanOrEqual(total);
      // The last page is needed: without it the examples are not all covered.
      expect(covered - (all.at(-1)?.limit ?? 0)).toBeLessThan(total);
    }
  });

  it('asks 10,000 examples from a page of 100 in a dozen round trips', () => {
    const all = slices(100, 10_000);
    expect(all.map((s) => s.limit).slice(0, 5)).toEqual([100, 200, 400, 800, 1_000]);
    expect(all).toHaveLength(5 + Math.ceil((10_000 - 2_500) / 1_000));
  });
});

// ---------- reading ahead (against the demo handlers) ----------

const server = serveDemoData();
const dataset = demoStore.datasets.find((d) => d.name === 'Support QA');
if (!dataset) throw new Error('demo data has no Support QA dataset');
const request: AllPagesRequest = {
  session_ids: demoStore.sessions
    .filter((s) => s.reference_dataset_id === dataset.id)
    .map((s) => s.id),
  group_by: 'run_metadata',
  metadata_key: 'model',
};

/** Logs every group/runs request's offset; holds the one from `holdOffset` until released. */
function logRequests(holdOffset?: number) {
  const offsets: number[] = [];
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  server.use(
    http.post('*/api/v1/datasets/:id/group/runs', async ({ request: sent }) => {
      const body = (await sent.clone().json()) as { offset: number };
      offsets.push(body.offset);
      if (body.offset === holdOffset) await released;
      return undefined; // on to the demo handler
    }),
  );
  return { offsets, release };
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
}

function observe(client: QueryClient) {
  const options = allPagesQuery(dataset?.id ?? '', request, 20);
  const observer = new InfiniteQueryObserver(client, options);
  const stop = observer.subscribe(() => {});
  const pages = () => observer.getCurrentResult().data?.pages.length ?? 0;
  return { observer, stop, pages, options };
}

describe('allPagesQuery reads ahead', () => {
  it('sends the next page once a page is in, and that page then uses it', async () => {
    const log = logRequests();
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const { observer, stop, pages } = observe(client);
    await until(() => pages() === 1);
    await observer.fetchNextPage();
    expect(pages()).toBe(2);
    // Pages of 20 and 40 are in; the next one (from 60) was asked for before its turn.
    await until(() => log.offsets.includes(60));
    await observer.fetchNextPage();
    expect(pages()).toBe(3);
    expect(log.offsets.filter((o) => o === 60)).toHaveLength(1);
    const third = observer.getCurrentResult().data?.pages[2];
    expect(third?.groups[0]?.examples.length).toBe(
      Math.min(80, (dataset?.example_count ?? 0) - 60),
    );
    stop();
  });

  it('drops the page read ahead when loading is cancelled, and asks again on Continue', async () => {
    const log = logRequests(60);
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const { observer, stop, pages, options } = observe(client);
    await until(() => pages() === 1);
    await observer.fetchNextPage();
    await until(() => log.offsets.includes(60));
    // The page from 60 waits on the held request read ahead; cancel it.
    const waiting = observer.fetchNextPage();
    await client.cancelQueries({ queryKey: options.queryKey });
    await waiting;
    expect(pages()).toBe(2);
    log.release();
    await observer.fetchNextPage();
    expect(pages()).toBe(3);
    // The cancelled request was not taken: Continue asked for the page again.
    expect(log.offsets.filter((o) => o === 60)).toHaveLength(2);
    stop();
  });
});
