// @vitest-environment node
import { createServer } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { rawRequest } from './raw-request';
import {
  closeServer,
  DATASET_ID,
  HASHED_ASSET,
  type LoggedServer,
  listen,
  startStandIn,
  startVersus,
} from './testing';

const KEY = 'lsv2_pt_server_key_0123456789';
const WORKSPACE = '11111111-2222-4333-8444-555555555555';

let standIn: Awaited<ReturnType<typeof startStandIn>>;
let versus: LoggedServer;

beforeAll(async () => {
  standIn = await startStandIn([KEY]);
  versus = await startVersus({
    LANGSMITH_ENDPOINT: standIn.url,
    LANGSMITH_API_KEY: KEY,
    LANGSMITH_WORKSPACE_ID: WORKSPACE,
  });
});
afterAll(async () => {
  await versus.close();
  await standIn.close();
});
beforeEach(() => {
  standIn.requests.length = 0;
});

const sameOrigin = () => ({ origin: versus.origin, 'sec-fetch-site': 'same-origin' });
const groupRuns = `/api/v1/datasets/${DATASET_ID}/group/runs`;

describe('the proxy in front of LangSmith', () => {
  it('forwards an app request with the server key and workspace, and nothing of the browser', async () => {
    const res = await rawRequest(versus.port, 'GET', '/api/v1/datasets?limit=1', {
      ...sameOrigin(),
      cookie: 'other=1',
      authorization: 'Bearer x',
    });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toHaveLength(1);
    expect(standIn.requests).toHaveLength(1);
    const [seen] = standIn.requests;
    expect(seen?.path).toBe('/api/v1/datasets?limit=1');
    expect(seen?.headers['x-api-key']).toBe(KEY);
    expect(seen?.headers['x-tenant-id']).toBe(WORKSPACE);
    expect(seen?.headers.cookie).toBeUndefined();
    expect(seen?.headers.authorization).toBeUndefined();
    expect(seen?.headers.origin).toBeUndefined();
  });

  it('forwards the group/runs POST body as sent', async () => {
    const body = JSON.stringify({
      session_ids: [],
      group_by: 'run_metadata',
      metadata_key: 'model',
      offset: 0,
      limit: 5,
    });
    const res = await rawRequest(
      versus.port,
      'POST',
      groupRuns,
      { ...sameOrigin(), 'content-type': 'application/json' },
      body,
    );
    // The stand-in judges the body as LangSmith would; what matters is that it arrived whole.
    expect([200, 422]).toContain(res.status);
    expect(standIn.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`POST ${groupRuns}`]);
  });

  // Each is refused by the server and never reaches the upstream.
  it.each([
    ['DELETE', `/api/v1/datasets/${DATASET_ID}`, {}, 405],
    ['PATCH', `/api/v1/datasets/${DATASET_ID}`, {}, 405],
    ['PUT', `/api/v1/datasets/${DATASET_ID}`, {}, 405],
    ['POST', '/api/v1/runs', {}, 404],
    ['POST', '/api/v1/datasets', {}, 405],
    ['GET', '/api/v1/../../admin', {}, 400],
    ['GET', '/api/v1/%2e%2e/%2e%2e/admin', {}, 400],
    ['GET', '/api/v1/datasets%2f..%2fadmin', {}, 400],
    ['GET', '/api/v1\\..\\admin', {}, 400],
    ['GET', '/api/v1//datasets', {}, 400],
    ['GET', 'http://evil.example/api/v1/datasets', {}, 400],
    ['GET', '/api/v1/datasets', { origin: 'https://evil.example' }, 403],
    ['GET', '/api/v1/datasets', { 'sec-fetch-site': 'cross-site' }, 403],
    ['GET', '/api/v1/datasets', { host: 'evil.example:4173' }, 403],
    ['GET', '/api/v1/datasets?api_key=x', {}, 400],
    ['POST', groupRuns, { 'content-type': 'text/plain' }, 415],
    [
      'POST',
      groupRuns,
      { origin: 'https://evil.example', 'content-type': 'application/json' },
      403,
    ],
  ] as const)('%s %s %j -> %i, not forwarded', async (method, path, headers, status) => {
    const res = await rawRequest(
      versus.port,
      method,
      path,
      headers,
      method === 'GET' ? undefined : '{}',
    );
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(res.text)).toEqual({ detail: expect.any(String) });
    expect(res.text).not.toContain(KEY);
    expect(standIn.requests).toEqual([]);
  });

  it('answers a body over 64 KB with 413 and does not forward it', async () => {
    const body = JSON.stringify({ pad: 'x'.repeat(64 * 1024) });
    const res = await rawRequest(
      versus.port,
      'POST',
      groupRuns,
      { ...sameOrigin(), 'content-type': 'application/json' },
      body,
    );
    expect(res.status).toBe(413);
    expect(standIn.requests).toEqual([]);
  });

  it('answers a chunked body over 64 KB (no Content-Length) with 413 too', async () => {
    const res = await rawRequest(
      versus.port,
      'POST',
      groupRuns,
      { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      Buffer.alloc(70 * 1024, 0x20),
    );
    expect(res.status).toBe(413);
    expect(standIn.requests).toEqual([]);
  });

  it('passes the upstream answer for a missing key back as it is (401), with the same origin rules', async () => {
    const other = await startVersus({ LANGSMITH_ENDPOINT: standIn.url });
    try {
      const res = await rawRequest(other.port, 'GET', '/api/v1/datasets?limit=1');
      expect(res.status).toBe(401);
    } finally {
      await other.close();
    }
  });

  it('says when LangSmith cannot be reached, as JSON', async () => {
    const down = createServer();
    const port = await listen(down);
    await closeServer(down);
    const other = await startVersus({ LANGSMITH_ENDPOINT: `http://127.0.0.1:${port}` });
    try {
      const res = await rawRequest(other.port, 'GET', '/api/v1/datasets');
      expect(res.status).toBe(502);
      expect(JSON.parse(res.text).detail).toMatch(/could not be reached/);
    } finally {
      await other.close();
    }
  });
});

describe('upstream answers', () => {
  it('never passes CORS headers or cookies on, and streams the body before the upstream ends', async () => {
    let finish: () => void = () => {};
    const upstream = createServer((_req, res) => {
      res.writeHead(200, {
        'content-type': 'application/json',
        'access-control-allow-origin': '*',
        'access-control-allow-credentials': 'true',
        'set-cookie': 'ls=1',
      });
      res.write('[{"first":');
      // The rest only once the client has seen the first chunk: a buffering proxy would hang.
      finish = () => res.end('true}]');
    });
    const port = await listen(upstream);
    const other = await startVersus({ LANGSMITH_ENDPOINT: `http://127.0.0.1:${port}` });
    try {
      const res = await fetch(`${other.origin}/api/v1/datasets`);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      expect(res.headers.get('access-control-allow-credentials')).toBeNull();
      expect(res.headers.get('set-cookie')).toBeNull();
      const reader = (res.body as ReadableStream<Uint8Array>).getReader();
      const first = await reader.read();
      expect(new TextDecoder().decode(first.value)).toBe('[{"first":');
      finish();
      let rest = '';
      for (let r = await reader.read(); !r.done; r = await reader.read()) {
        rest += new TextDecoder().decode(r.value);
      }
      expect(rest).toBe('true}]');
    } finally {
      await other.close();
      await closeServer(upstream);
    }
  });

  it('sends a read again on a new connection when LangSmith closed the pooled one under it', async () => {
    const perSocket = new WeakMap<object, number>();
    let seen = 0;
    const upstream = createServer((req, res) => {
      seen += 1;
      const n = (perSocket.get(req.socket) ?? 0) + 1;
      perSocket.set(req.socket, n);
      // The second request on a kept-alive connection finds it closed (the keep-alive race).
      if (n > 1) {
        req.socket.destroy();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('[]');
    });
    const port = await listen(upstream);
    const other = await startVersus({ LANGSMITH_ENDPOINT: `http://127.0.0.1:${port}` });
    try {
      expect((await rawRequest(other.port, 'GET', '/api/v1/datasets')).status).toBe(200);
      const again = await rawRequest(other.port, 'GET', '/api/v1/datasets');
      expect(again.status).toBe(200);
      expect(again.text).toBe('[]');
      expect(seen).toBe(3);
    } finally {
      await other.close();
      await closeServer(upstream);
    }
  });

  it('answers 504 when LangSmith sends no headers in time, and stops waiting', async () => {
    const upstream = createServer(() => {
      // Never answers.
    });
    const port = await listen(upstream);
    const other = await startVersus(
      { LANGSMITH_ENDPOINT: `http://127.0.0.1:${port}` },
      { upstreamHeadersTimeoutMs: 200 },
    );
    try {
      const res = await rawRequest(other.port, 'GET', '/api/v1/datasets');
      expect(res.status).toBe(504);
    } finally {
      await other.close();
      await closeServer(upstream);
    }
  });
});

describe('the page and its files', () => {
  it('serves index.html uncached and hashed assets immutable, compressed', async () => {
    const page = await fetch(`${versus.origin}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(await page.text()).toContain('<div id="root">');
    const asset = await fetch(`${versus.origin}/${HASHED_ASSET}`, {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-encoding')).toBe('gzip');
    const worker = await fetch(`${versus.origin}/mockServiceWorker.js`);
    expect(worker.headers.get('cache-control')).toBe('no-cache');
  });

  it('sends the security headers on the page and on API answers', async () => {
    for (const path of ['/', '/api/v1/datasets?limit=1', '/api/v1/runs']) {
      const res = await fetch(`${versus.origin}${path}`);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('permissions-policy')).toMatch(
        /camera=\(\).*geolocation=\(\).*microphone=\(\)/,
      );
    }
    const page = await fetch(`${versus.origin}/`);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('answers unknown paths, dot segments and foreign hosts without the page', async () => {
    expect((await rawRequest(versus.port, 'GET', '/nope')).status).toBe(404);
    expect((await rawRequest(versus.port, 'GET', '/assets/../index.html')).status).toBe(400);
    expect((await rawRequest(versus.port, 'GET', '/%2e%2e/package.json')).status).toBe(400);
    const rebound = await rawRequest(versus.port, 'GET', '/', { host: 'attacker.example' });
    expect(rebound.status).toBe(403);
    expect(rebound.text).not.toContain('<div id="root">');
  });

  it('/healthz answers JSON with the mode, to any Host, never the page', async () => {
    for (const host of [`127.0.0.1:${versus.port}`, '10.1.2.3:4173']) {
      const res = await rawRequest(versus.port, 'GET', '/healthz', { host });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(JSON.parse(res.text)).toEqual({ status: 'ok', mode: 'live' });
    }
    const demo = await startVersus({});
    try {
      expect(await (await fetch(`${demo.origin}/healthz`)).json()).toEqual({
        status: 'ok',
        mode: 'demo',
      });
      // Demo mode: the browser's worker answers the API; a call that reaches the server is told so.
      expect((await rawRequest(demo.port, 'GET', '/api/v1/datasets')).status).toBe(503);
    } finally {
      await demo.close();
    }
  });

  it('tells the page its data source, never the key', async () => {
    const res = await fetch(`${versus.origin}/__versus/config.json`);
    const host = new URL(standIn.url).host;
    expect(await res.json()).toEqual({ source: 'live', host, webApp: new URL(standIn.url).origin });
  });
});

describe('the request log', () => {
  it('writes one line per request with no key, cookie or query value', async () => {
    const before = versus.lines.length;
    await rawRequest(versus.port, 'GET', '/api/v1/datasets?name_contains=secret-search&limit=1', {
      cookie: 'versus_session=cookie-value-123',
      'x-api-key': 'browser-sent-key',
    });
    await rawRequest(versus.port, 'GET', '/healthz');
    // Written when each response has closed, which may be just after the client has it.
    await vi.waitFor(() => expect(versus.lines.length - before).toBe(2));
    const lines = versus.lines.slice(before);
    const first = JSON.parse(lines[0] ?? '{}');
    expect(first).toMatchObject({
      method: 'GET',
      path: '/api/v1/datasets',
      query: ['name_contains', 'limit'],
      status: 200,
    });
    const all = versus.lines.join('\n');
    for (const secret of [KEY, 'secret-search', 'cookie-value-123', 'browser-sent-key']) {
      expect(all).not.toContain(secret);
    }
  });
});

describe('shutdown', () => {
  it('lets a response in flight finish, then closes', async () => {
    let finish: () => void = () => {};
    let started: () => void = () => {};
    const inFlight = new Promise<void>((resolve) => {
      started = resolve;
    });
    const upstream = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('[', () => started());
      finish = () => res.end(']');
    });
    const port = await listen(upstream);
    const other = await startVersus({ LANGSMITH_ENDPOINT: `http://127.0.0.1:${port}` });
    try {
      const response = fetch(`${other.origin}/api/v1/datasets`).then((r) => r.text());
      await inFlight;
      const closed = other.close();
      finish();
      expect(await response).toBe('[]');
      await closed;
      await expect(fetch(`${other.origin}/healthz`)).rejects.toThrow();
    } finally {
      await closeServer(upstream);
    }
  });
});
