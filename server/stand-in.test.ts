// @vitest-environment node
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { buildWorkload, createBenchStore } from '../bench/workloads';
import { createStandIn } from './stand-in';

const workload = buildWorkload({ name: 'S', examples: 5, sessions: 2, seed: 11 });
const closers: (() => void)[] = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
});

async function serve(replay: boolean, bytesPerSecond = 0, from = workload) {
  const standIn = createStandIn({
    store: createBenchStore([from]),
    apiKey: 'k',
    replay,
    bytesPerSecond,
  });
  await new Promise<void>((resolve) => standIn.server.listen(0, '127.0.0.1', resolve));
  closers.push(() => {
    standIn.server.closeAllConnections();
    standIn.server.close();
  });
  const { port } = standIn.server.address() as AddressInfo;
  const post = (body: object, key = 'k') =>
    fetch(`http://127.0.0.1:${port}/api/v1/datasets/${from.dataset.id}/group/runs`, {
      method: 'POST',
      headers: { 'X-Api-Key': key, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  return { ...standIn, post };
}

const request = (limit: number) => ({
  session_ids: workload.sessions.map((s) => s.id),
  group_by: 'run_metadata',
  metadata_key: 'prompt_version',
  offset: 0,
  limit,
});

describe('stand-in replay (the bench)', () => {
  it('serves a repeated request the bytes it computed the first time, and still records it', async () => {
    const standIn = await serve(true);
    const first = await (await standIn.post(request(5))).text();
    // Were the response computed again, the changed data would show.
    (workload.content.examples[0] as { inputs: unknown }).inputs = { changed: true };
    const again = await standIn.post(request(5));
    expect(again.status).toBe(200);
    expect(await again.text()).toBe(first);
    expect(standIn.requests.filter((r) => r.method === 'POST')).toHaveLength(2);
    // A different request is computed: it sees the change.
    expect(await (await standIn.post(request(4))).text()).toContain('"changed":true');
    // The key is still checked before anything is replayed.
    expect((await standIn.post(request(5), 'wrong')).status).toBe(401);
  });

  it('computes every response without it', async () => {
    const standIn = await serve(false);
    (workload.content.examples[0] as { inputs: unknown }).inputs = { before: true };
    const first = await (await standIn.post(request(5))).text();
    (workload.content.examples[0] as { inputs: unknown }).inputs = { after: true };
    const again = await (await standIn.post(request(5))).text();
    expect(first).toContain('"before":true');
    expect(again).toContain('"after":true');
  });
});

describe("stand-in download rate (the bench's --download-mb-s)", () => {
  const large = buildWorkload({ name: 'M', examples: 400, sessions: 2, seed: 12 });
  const all = {
    session_ids: large.sessions.map((s) => s.id),
    group_by: 'run_metadata',
    metadata_key: 'prompt_version',
    offset: 0,
    limit: 400,
  };

  it('sends a large body no faster than the rate, and all of it', async () => {
    const whole = await (await (await serve(true, 0, large)).post(all)).text();
    expect(whole.length).toBeGreaterThan(1_000_000);
    const rate = 4_000_000;
    const started = performance.now();
    const slow = await (await (await serve(true, rate, large)).post(all)).text();
    const took = performance.now() - started;
    expect(slow).toBe(whole);
    // All but the quarter megabyte sent ahead waits for its time: a lower bound only.
    expect(took).toBeGreaterThanOrEqual(((whole.length - 256 * 1024) / rate) * 1000 * 0.9);
  });
});
