// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  downstreamResponseHeaders,
  hostProblem,
  matchApiRequest,
  originProblem,
  pathProblem,
  upstreamRequestHeaders,
} from './proxy-rules';

const DS = '492e2d6e-b523-4a94-b328-3b0114fbd67c';
const SESSION = '0f5a3c1e-2b4d-4e6f-8a9b-1c2d3e4f5a6b';

/** The requests the app makes (src/api/*.ts), as the issue lists them. */
const APP_REQUESTS: [string, string][] = [
  ['GET', '/api/v1/datasets?name_contains=support&offset=0&limit=25'],
  ['GET', '/api/v1/datasets?offset=25&limit=25'],
  ['GET', '/api/v1/datasets?limit=1'],
  ['GET', `/api/v1/datasets/${DS}`],
  [
    'GET',
    `/api/v1/sessions?reference_dataset=${DS}&offset=0&limit=100&include_stats=true&sort_by=start_time&sort_by_desc=true`,
  ],
  ['GET', `/api/v1/sessions/${SESSION}/metadata?k=10`],
  ['POST', `/api/v1/datasets/${DS}/group/runs`],
];

describe('the allowlist', () => {
  it.each(APP_REQUESTS)('forwards the app request %s %s unchanged', (method, url) => {
    const match = matchApiRequest(method, url);
    expect(match).toMatchObject({ ok: true, upstreamPath: url });
  });

  it('re-encodes the query it forwards from the parameters it checked', () => {
    const match = matchApiRequest('GET', '/api/v1/datasets?name_contains=a%20b+c&limit=5');
    expect(match).toMatchObject({
      ok: true,
      upstreamPath: '/api/v1/datasets?name_contains=a+b+c&limit=5',
    });
  });

  // Writes, and methods the app never sends, on paths the app does use.
  it.each([
    ['DELETE', `/api/v1/datasets/${DS}`, 'GET'],
    ['PATCH', `/api/v1/datasets/${DS}`, 'GET'],
    ['PUT', `/api/v1/datasets/${DS}`, 'GET'],
    ['POST', '/api/v1/datasets', 'GET'],
    ['POST', '/api/v1/sessions', 'GET'],
    ['DELETE', `/api/v1/sessions/${SESSION}/metadata`, 'GET'],
    ['GET', `/api/v1/datasets/${DS}/group/runs`, 'POST'],
    ['PUT', `/api/v1/datasets/${DS}/group/runs`, 'POST'],
    ['HEAD', '/api/v1/datasets', 'GET'],
    ['OPTIONS', '/api/v1/datasets', 'GET'],
    ['TRACE', '/api/v1/datasets', 'GET'],
    ['CONNECT', '/api/v1/datasets', 'GET'],
    ['PROPFIND', '/api/v1/datasets', 'GET'],
    ['get', '/api/v1/datasets', 'GET'],
  ])('refuses %s %s with 405 (Allow: %s)', (method, url, allow) => {
    expect(matchApiRequest(method, url)).toEqual({
      ok: false,
      refusal: expect.objectContaining({ status: 405, allow }),
    });
  });

  // Endpoints the app never calls, near misses of the ones it does, and tricks.
  it.each([
    ['GET', '/api/v1/runs'],
    ['POST', '/api/v1/runs'],
    ['DELETE', `/api/v1/sessions/${SESSION}`],
    ['GET', `/api/v1/sessions/${SESSION}`],
    ['POST', `/api/v1/datasets/${DS}/examples`],
    ['GET', `/api/v1/datasets/${DS}/examples`],
    ['POST', '/api/v1/api-key'],
    ['GET', '/api/v1/workspaces'],
    ['GET', '/api/v1'],
    ['GET', '/api/v1/'],
    ['GET', '/api'],
    ['GET', '/api/v2/datasets'],
    ['GET', '/api/v10/datasets'],
    ['GET', '/api/v1x/datasets'],
    ['GET', '/API/v1/datasets'],
    ['GET', '/api/v1/Datasets'],
    ['GET', '/api/v1/datasets/'],
    ['GET', '/api/v1/datasets/not-a-uuid'],
    ['GET', `/api/v1/datasets/${DS}x`],
    ['GET', `/api/v1/datasets/${DS}/`],
    ['GET', `/api/v1/datasets/${DS};x`],
    ['POST', `/api/v1/datasets/${DS}/group/runs/`],
    ['POST', `/api/v1/datasets/${DS}/group/runs.json`],
    ['GET', '/api/v1/datasets#frag'],
    ['GET', `/api/v1/sessions/${SESSION}/metadata/extra`],
  ])('refuses %s %s with 404', (method, url) => {
    expect(matchApiRequest(method, url)).toEqual({
      ok: false,
      refusal: expect.objectContaining({ status: 404 }),
    });
  });

  // Paths that a server further on could decode or resolve into another one.
  it.each([
    '/api/v1/../../admin',
    '/api/v1/./datasets',
    '/api/v1/datasets/..',
    `/api/v1/datasets/${DS}/../../sessions`,
    '/api/v1/%2e%2e/%2e%2e/admin',
    '/api/v1/%2E%2E/admin',
    '/api/v1/.%2e/admin',
    '/api/v1/%2e/datasets',
    '/api/v1/datasets%2fx',
    '/api/v1/datasets%2Fx',
    `/api/v1/datasets/${DS}%2f..%2f..%2fadmin`,
    '/api/v1/datasets%5c..%5cadmin',
    '/api/v1\\..\\admin',
    '/api/v1/datasets\\',
    '//api/v1/datasets',
    '/api//v1/datasets',
    '/api/v1//datasets',
    '/api/v1/datasets//',
    '/api/v1/%252e%252e/admin',
    '/api/v1/datasets%00',
    `/api/v1/datasets/%34${DS.slice(1)}`,
    'http://evil.example/api/v1/datasets',
    'api/v1/datasets',
    '*',
    '',
  ])('refuses the path %s with 400, before matching', (url) => {
    for (const method of ['GET', 'POST', 'DELETE']) {
      expect(matchApiRequest(method, url)).toEqual({
        ok: false,
        refusal: expect.objectContaining({ status: 400 }),
      });
    }
  });

  it.each([
    ['/api/v1/datasets?limit=1&api_key=x', 'an unknown parameter'],
    ['/api/v1/datasets?limit=1&limit=2', 'a repeated parameter'],
    ['/api/v1/datasets?limit=-1', 'a negative count'],
    ['/api/v1/datasets?limit=1e9', 'a count in another notation'],
    ['/api/v1/datasets?name_contains=a%0Ab', 'a control character'],
    ['/api/v1/datasets?__proto__=1', 'a prototype name'],
    ['/api/v1/datasets?constructor=1', 'an inherited name'],
    [`/api/v1/datasets/${DS}?limit=1`, 'a query where the app sends none'],
    [`/api/v1/sessions?reference_dataset=x`, 'a dataset that is not a UUID'],
    [`/api/v1/sessions?include_stats=yes`, 'a boolean that is not one'],
    [`/api/v1/sessions?sort_by=start_time;drop`, 'a sort field with punctuation'],
  ])('refuses %s (%s) with 400', (url) => {
    expect(matchApiRequest('GET', url)).toEqual({
      ok: false,
      refusal: expect.objectContaining({ status: 400 }),
    });
  });

  it('lets reference_dataset repeat, as the app sends an array', () => {
    const url = `/api/v1/sessions?reference_dataset=${DS}&reference_dataset=${SESSION}`;
    expect(matchApiRequest('GET', url)).toMatchObject({ ok: true, upstreamPath: url });
  });
});

describe('pathProblem (every path the server serves)', () => {
  it.each([
    '/',
    '/assets/index-abc123.js',
    '/mockServiceWorker.js',
    '/healthz',
    '/__versus/config.json',
  ])('accepts %s', (path) => {
    expect(pathProblem(path)).toBeNull();
  });
  it.each([
    '/assets/../server/env.ts',
    '/%2e%2e/etc/passwd',
    '/assets%2f..%2fx',
    '/a\\b',
    '//x',
    '/x/./y',
  ])('refuses %s', (path) => {
    expect(pathProblem(path)).toEqual(expect.any(String));
  });
});

describe('hostProblem (DNS rebinding)', () => {
  it.each([
    'localhost',
    'localhost:4173',
    '127.0.0.1:4173',
    '[::1]:4173',
    'LOCALHOST:4173',
    'localhost.:4173',
  ])('answers its own name %s', (host) => {
    expect(hostProblem(host, [])).toBeNull();
  });

  it.each([
    undefined,
    '',
    'evil.example',
    'evil.example:4173',
    'localhost.evil.example',
    '127.0.0.1.nip.io:4173',
    '0.0.0.0:4173',
    '192.168.1.20:4173',
    'localhost:4173@evil.example',
    'localhost:99999x',
    'local host',
  ])('refuses the Host %s', (host) => {
    expect(hostProblem(host, [])).toEqual(expect.any(String));
  });

  it('answers the names in VERSUS_ALLOWED_HOSTS, and subdomains of a leading-dot entry', () => {
    const allowed = ['versus.example.com', '.corp.example'];
    expect(hostProblem('versus.example.com', allowed)).toBeNull();
    expect(hostProblem('versus.example.com:443', allowed)).toBeNull();
    expect(hostProblem('a.corp.example', allowed)).toBeNull();
    expect(hostProblem('corp.example', allowed)).toBeNull();
    expect(hostProblem('evilcorp.example', allowed)).toEqual(expect.any(String));
    expect(hostProblem('versus.example.com.evil.example', allowed)).toEqual(expect.any(String));
  });
});

describe('originProblem (same origin only)', () => {
  const host = '127.0.0.1:4173';
  it.each([
    ['no browser headers (curl)', {}],
    ['same-origin fetch', { origin: 'http://127.0.0.1:4173', 'sec-fetch-site': 'same-origin' }],
    ['a GET without Origin', { 'sec-fetch-site': 'same-origin' }],
    ['an address-bar navigation', { 'sec-fetch-site': 'none' }],
    ['a default port', { origin: 'http://localhost', host: 'localhost:80' }],
  ])('accepts %s', (_name, headers) => {
    expect(originProblem({ host, ...headers })).toBeNull();
  });

  it.each([
    ['another site', { origin: 'https://evil.example' }],
    [
      'another site, same-origin claimed',
      { origin: 'https://evil.example', 'sec-fetch-site': 'same-origin' },
    ],
    ['cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['same-site (another port of this host)', { 'sec-fetch-site': 'same-site' }],
    ['another port', { origin: 'http://127.0.0.1:5173' }],
    ['another scheme-less name', { origin: 'http://localhost:4173' }],
    ['the null origin (sandboxed frame, file://)', { origin: 'null' }],
    ['a non-http origin', { origin: 'chrome-extension://abc' }],
    ['garbage', { origin: '::::' }],
    ['an unknown fetch site', { 'sec-fetch-site': 'weird' }],
  ])('refuses %s', (_name, headers) => {
    expect(originProblem({ host, ...headers })).toEqual(expect.any(String));
  });

  it('requires proof of origin for writes to the server itself', () => {
    expect(originProblem({ host }, true)).toEqual(expect.any(String));
    expect(originProblem({ host, 'sec-fetch-site': 'none' }, true)).toEqual(expect.any(String));
    expect(originProblem({ host, origin: 'http://127.0.0.1:4173' }, true)).toBeNull();
    expect(originProblem({ host, 'sec-fetch-site': 'same-origin' }, true)).toBeNull();
  });
});

describe('headers across the proxy', () => {
  it('builds what LangSmith receives from scratch: the key, never the browser credentials', () => {
    const headers = upstreamRequestHeaders(
      {
        cookie: 'versus_session=abc',
        authorization: 'Bearer browser',
        'x-api-key': 'a key the page chose',
        'x-tenant-id': 'other',
        origin: 'http://127.0.0.1:4173',
        referer: 'http://127.0.0.1:4173/?dataset=x',
        'x-forwarded-for': '10.0.0.1',
        'accept-encoding': 'gzip, deflate, br, zstd',
        host: '127.0.0.1:4173',
      },
      { apiKey: 'server-key', workspaceId: 'ws' },
      120,
    );
    expect(headers).toEqual({
      accept: 'application/json',
      'user-agent': 'versus-proxy',
      'accept-encoding': 'gzip, deflate, br',
      'content-type': 'application/json',
      'content-length': '120',
      'x-api-key': 'server-key',
      'x-tenant-id': 'ws',
    });
  });

  it('passes no CORS header, cookie or server banner back, and keeps JSON answers uncached', () => {
    const headers = downstreamResponseHeaders({
      'content-type': 'application/json',
      'content-length': '10',
      'content-encoding': 'gzip',
      'access-control-allow-origin': '*',
      'access-control-allow-credentials': 'true',
      'access-control-allow-methods': 'DELETE',
      'set-cookie': ['ls=1'],
      server: 'uvicorn',
      'retry-after': '3',
    });
    expect(Object.keys(headers).filter((h) => h.startsWith('access-control'))).toEqual([]);
    expect(headers['set-cookie']).toBeUndefined();
    expect(headers.server).toBeUndefined();
    expect(headers).toMatchObject({
      'content-type': 'application/json',
      'content-encoding': 'gzip',
      'content-length': '10',
      'retry-after': '3',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
  });

  it('never lets an upstream answer render as a page', () => {
    for (const type of ['text/html', 'image/svg+xml', undefined]) {
      expect(downstreamResponseHeaders({ 'content-type': type })['content-type']).toBe(
        'text/plain; charset=utf-8',
      );
    }
  });
});
