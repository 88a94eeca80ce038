// @vitest-environment node
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { apiFailure } from '../testing/api-failure';
import { fetchJson, fetchRaw } from './client';
import { ApiError } from './errors';
import { retryDelay, shouldRetry } from './query-client';

const ORIGIN = 'http://versus.test';
const server = setupServer();

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const schema = z.object({ name: z.string(), n: z.number() });

const url = `${ORIGIN}/api/v1/thing`;

describe('fetchJson', () => {
  it('returns what the schema produced', async () => {
    server.use(http.get(url, () => HttpResponse.json({ name: 'a', n: 1, extra: true })));
    await expect(fetchJson(url, schema)).resolves.toEqual({ name: 'a', n: 1 });
  });

  it('encodes query parameters, repeating arrays', async () => {
    let seen = '';
    server.use(
      http.get(url, ({ request }) => {
        seen = new URL(request.url).search;
        return HttpResponse.json({ name: 'a', n: 1 });
      }),
    );
    await fetchJson(url, schema, { query: { a: ['x', 'y'], b: 2, c: undefined, d: '' } });
    expect(seen).toBe('?a=x&a=y&b=2');
  });

  it.each([
    [401, 'unauthorized'],
    [403, 'unauthorized'],
    [404, 'not-found'],
    [429, 'rate-limited'],
    [500, 'server'],
    [503, 'server'],
    [418, 'http'],
  ])('maps HTTP %i to %s with the server message', async (status, kind) => {
    server.use(http.get(url, () => HttpResponse.json({ detail: 'Nope here' }, { status })));
    const error = await apiFailure(fetchJson(url, schema));
    expect(error.kind).toBe(kind);
    expect(error.status).toBe(status);
    expect(error.message).toBe('Nope here');
  });

  it('keeps 422 validation detail (loc, msg)', async () => {
    server.use(
      http.get(url, () =>
        HttpResponse.json(
          {
            detail: [
              { loc: ['body', 'limit'], msg: 'Input should be >= 1', type: 'greater_than_equal' },
            ],
          },
          { status: 422 },
        ),
      ),
    );
    const error = await apiFailure(fetchJson(url, schema));
    expect(error.kind).toBe('validation');
    expect(error.detail).toEqual([
      { loc: ['body', 'limit'], msg: 'Input should be >= 1', type: 'greater_than_equal' },
    ]);
  });

  it('reads Retry-After in seconds', async () => {
    server.use(
      http.get(url, () =>
        HttpResponse.json(
          { detail: 'slow down' },
          { status: 429, headers: { 'Retry-After': '7' } },
        ),
      ),
    );
    const error = await apiFailure(fetchJson(url, schema));
    expect(error.retryAfterMs).toBe(7000);
    expect(error.retryable).toBe(true);
    expect(retryDelay(0, error)).toBe(7000);
  });

  it('reports a network failure', async () => {
    server.use(http.get(url, () => HttpResponse.error()));
    const error = await apiFailure(fetchJson(url, schema));
    expect(error.kind).toBe('network');
    expect(error.retryable).toBe(true);
  });

  it('reports a body that is not JSON with its first bytes', async () => {
    server.use(http.get(url, () => new HttpResponse('<html>Bad gateway</html>', { status: 200 })));
    const error = await apiFailure(fetchJson(url, schema));
    expect(error.kind).toBe('not-json');
    expect(error.bodySnippet).toBe('<html>Bad gateway</html>');
  });

  it('reports a schema mismatch with the path and value that failed', async () => {
    server.use(http.get(url, () => HttpResponse.json({ name: 'a', n: 'three' })));
    const error = await apiFailure(fetchJson(url, schema));
    expect(error.kind).toBe('schema');
    expect(error.problems[0]).toMatchObject({ path: 'n', value: '"three"' });
  });

  it('aborts a request over the time limit', async () => {
    server.use(
      http.get(url, async () => {
        await new Promise((r) => setTimeout(r, 200));
        return HttpResponse.json({ name: 'a', n: 1 });
      }),
    );
    const error = await apiFailure(fetchJson(url, schema, { timeoutMs: 20 }));
    expect(error.kind).toBe('timeout');
  });

  it('reports a body cut off mid-way as a network failure', async () => {
    server.use(
      http.get(url, () => {
        const stream = new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"name":'));
            setTimeout(() => controller.error(new Error('connection reset')), 10);
          },
        });
        return new HttpResponse(stream, { headers: { 'Content-Type': 'application/json' } });
      }),
    );
    const error = await apiFailure(fetchJson(url, schema));
    expect(error.kind).toBe('network');
  });
});

describe('retries', () => {
  it('retries only retryable failures, at most 3 times', () => {
    const rateLimited = new ApiError({ kind: 'rate-limited', message: '', path: '' });
    const notFound = new ApiError({ kind: 'not-found', message: '', path: '' });
    expect(shouldRetry(0, rateLimited)).toBe(true);
    expect(shouldRetry(2, rateLimited)).toBe(true);
    expect(shouldRetry(3, rateLimited)).toBe(false);
    expect(shouldRetry(0, notFound)).toBe(false);
    expect(shouldRetry(0, new Error('x'))).toBe(false);
  });

  it('never retries a time-out on its own (the page offers Retry instead)', () => {
    const timeout = new ApiError({ kind: 'timeout', message: '', path: '' });
    const network = new ApiError({ kind: 'network', message: '', path: '' });
    expect(shouldRetry(0, timeout)).toBe(false);
    expect(shouldRetry(0, network)).toBe(true);
  });

  it('backs off exponentially without Retry-After', () => {
    const server = new ApiError({ kind: 'server', message: '', path: '' });
    expect([0, 1, 2].map((n) => retryDelay(n, server))).toEqual([500, 1000, 2000]);
  });
});

describe('fetchRaw reads a body as it downloads', () => {
  it('decodes characters split across chunks, drops a BOM, and keeps every byte', async () => {
    const text = `\uFEFF${JSON.stringify({ name: 'é😀中', n: 1 })}`;
    const bytes = new TextEncoder().encode(text);
    server.use(
      http.post(url, () => {
        const stream = new ReadableStream<Uint8Array>({
          start(controller) {
            // One byte a chunk: every multi-byte character arrives in pieces.
            for (const byte of bytes) controller.enqueue(new Uint8Array([byte]));
            controller.close();
          },
        });
        return new HttpResponse(stream, { headers: { 'Content-Type': 'application/json' } });
      }),
    );
    const raw = await fetchRaw(url, { method: 'POST', body: {}, raw: true });
    expect(raw.toString()).toBe(text.slice(1));
    expect(raw.toString()).toBe(await new Response(bytes).text());
    // Read in the chunks it arrived in, it answers the same characters and slices.
    const whole = text.slice(1);
    expect(raw.length).toBe(whole.length);
    expect(Array.from({ length: whole.length }, (_, i) => raw.charCodeAt(i))).toEqual(
      Array.from({ length: whole.length }, (_, i) => whole.charCodeAt(i)),
    );
    expect(raw.slice(3, 12)).toBe(whole.slice(3, 12));
  });
});

describe('fetchRaw decodes a large chunk in pieces', () => {
  it('keeps characters that straddle the pieces whole', async () => {
    // One 200 KB chunk of 3- and 4-byte characters: every 64 KB piece boundary cuts one.
    const text = JSON.stringify({ s: '中😀'.repeat(30_000) });
    const bytes = new TextEncoder().encode(text);
    expect(bytes.length).toBeGreaterThan(3 * 65_536);
    server.use(
      http.post(url, () => {
        const stream = new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(bytes);
            controller.close();
          },
        });
        return new HttpResponse(stream, { headers: { 'Content-Type': 'application/json' } });
      }),
    );
    const heard: string[] = [];
    const raw = await fetchRaw(url, {
      method: 'POST',
      body: {},
      raw: true,
      onText: (piece) => heard.push(piece),
    });
    expect(raw.toString()).toBe(text);
    expect(raw.slice(65_530, 65_560)).toBe(text.slice(65_530, 65_560));
    // Whoever listens while it downloads hears the same text, in order, in several pieces.
    expect(heard.join('')).toBe(text);
    expect(heard.filter((piece) => piece !== '').length).toBeGreaterThan(3);
  });

  it('tells no one of the text of an error answer as it arrives', async () => {
    server.use(http.post(url, () => HttpResponse.json({ detail: 'gone' }, { status: 404 })));
    const heard: string[] = [];
    const failure = await apiFailure(
      fetchRaw(url, { method: 'POST', body: {}, raw: true, onText: (p) => heard.push(p) }),
    );
    expect(failure.kind).toBe('not-found');
    expect(heard).toEqual([]);
  });
});

describe('fetchRaw readAfter', () => {
  it('reads the body only once the promise settles, even when it rejects', async () => {
    server.use(http.get(url, () => HttpResponse.json({ name: 'a', n: 1 })));
    for (const outcome of ['resolve', 'reject'] as const) {
      let settle = () => {};
      const readAfter = new Promise<void>((resolve, reject) => {
        settle = outcome === 'resolve' ? resolve : () => reject(new Error('first screen failed'));
      });
      let done = false;
      const read = fetchRaw(url, { readAfter }).then((json) => {
        done = true;
        return json;
      });
      await new Promise((r) => setTimeout(r, 30));
      expect(done).toBe(false);
      settle();
      await expect(read).resolves.toEqual({ name: 'a', n: 1 });
    }
  });

  it('does not wait to report an HTTP error', async () => {
    server.use(http.get(url, () => HttpResponse.json({ detail: 'gone' }, { status: 404 })));
    const never = new Promise(() => {});
    expect((await apiFailure(fetchRaw(url, { readAfter: never }))).kind).toBe('not-found');
  });
});
