// @vitest-environment node
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fetchRaw, forgetEarly, sendEarly, setTransport } from './client';
import { ApiError } from './errors';

const url = 'http://versus.test/api/v1/datasets/d/group/runs';
const server = setupServer();

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  forgetEarly();
  setTransport(null);
  server.resetHandlers();
});
afterAll(() => server.close());

/** Answers every POST with the body it got and counts them. */
function echo(): { bodies: string[] } {
  const seen = { bodies: [] as string[] };
  server.use(
    http.post(url, async ({ request }) => {
      const body = await request.text();
      seen.bodies.push(body);
      return HttpResponse.json({ echo: JSON.parse(body) });
    }),
  );
  return seen;
}

describe('requests sent early', () => {
  it('are taken over by the first fetchRaw of the same method, path and body', async () => {
    const seen = echo();
    sendEarly('POST', url, { limit: 100, offset: 0 });
    const text = await fetchRaw(url, {
      method: 'POST',
      body: { limit: 100, offset: 0 },
      raw: true,
    });
    expect(JSON.parse(text.toString())).toEqual({ echo: { limit: 100, offset: 0 } });
    expect(seen.bodies).toEqual(['{"limit":100,"offset":0}']);
    // Taken once: the next fetch of the same request asks again.
    await fetchRaw(url, { method: 'POST', body: { limit: 100, offset: 0 }, raw: true });
    expect(seen.bodies).toHaveLength(2);
  });

  it('are not taken by a request with another body', async () => {
    const seen = echo();
    sendEarly('POST', url, { limit: 100, offset: 0 });
    await fetchRaw(url, { method: 'POST', body: { limit: 50, offset: 0 }, raw: true });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen.bodies.sort()).toEqual(['{"limit":100,"offset":0}', '{"limit":50,"offset":0}']);
  });

  it('report a failure through the fetch that takes them over', async () => {
    server.use(
      http.post(url, () => HttpResponse.json({ detail: 'No such dataset' }, { status: 404 })),
    );
    sendEarly('POST', url, { a: 1 });
    const error = await fetchRaw(url, { method: 'POST', body: { a: 1 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).kind).toBe('not-found');
    expect((error as ApiError).message).toBe('No such dataset');
  });

  it('stop when the fetch that took them over is cancelled', async () => {
    const requests: { aborted: boolean }[] = [];
    server.use(
      http.post(url, async ({ request }) => {
        const seen = { aborted: false };
        requests.push(seen);
        request.signal.addEventListener('abort', () => {
          seen.aborted = true;
        });
        await new Promise((resolve) => setTimeout(resolve, 2_000));
        return HttpResponse.json({});
      }),
    );
    sendEarly('POST', url, { a: 1 });
    const cancel = new AbortController();
    const pending = fetchRaw(url, { method: 'POST', body: { a: 1 }, signal: cancel.signal });
    setTimeout(() => cancel.abort(new DOMException('Cancelled', 'AbortError')), 20);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    await expect.poll(() => requests.map((r) => r.aborted)).toEqual([true]);
  });

  it('are cancelled when no fetch took them over', async () => {
    let aborted = false;
    server.use(
      http.post(url, async ({ request }) => {
        request.signal.addEventListener('abort', () => {
          aborted = true;
        });
        await new Promise((resolve) => setTimeout(resolve, 2_000));
        return HttpResponse.json({});
      }),
    );
    sendEarly('POST', url, { a: 1 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    forgetEarly();
    await expect.poll(() => aborted).toBe(true);
  });

  it('are not sent where a transport answers instead of the network (a snapshot)', async () => {
    const seen = echo();
    setTransport(async () => HttpResponse.json({ from: 'transport' }));
    sendEarly('POST', url, { a: 1 });
    const text = await fetchRaw(url, { method: 'POST', body: { a: 1 }, raw: true });
    expect(JSON.parse(text.toString())).toEqual({ from: 'transport' });
    expect(seen.bodies).toEqual([]);
  });
});
