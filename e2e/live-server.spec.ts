import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { LIVE_PORT, STAND_IN_PORT } from '../playwright.config';
import { rawRequest } from '../server/raw-request';

/**
 * The production server as something anyone on the machine (or any web page the analyst
 * visits) can reach: writes, paths outside the app's requests and cross-site requests are
 * refused there, and the LangSmith stand-in behind it, which records everything it
 * receives, proves that none of them got through. Each request carries a fresh marker (an
 * id or a search text) so these checks hold while other live tests use the same stand-in.
 */
const STAND_IN = `http://127.0.0.1:${STAND_IN_PORT}`;
const HOST = `127.0.0.1:${LIVE_PORT}`;
const OWN_ORIGIN = `http://${HOST}`;

interface Recorded {
  method: string;
  path: string;
}

async function received(): Promise<Recorded[]> {
  return (await (await fetch(`${STAND_IN}/__stand-in/requests`)).json()) as Recorded[];
}

const send = (method: string, path: string, headers: Record<string, string> = {}, body?: string) =>
  rawRequest(LIVE_PORT, method, path, headers, body);

/** The list of what the app requests: anything else reaching LangSmith is a leak. */
const APP_REQUESTS = [
  /^GET \/api\/v1\/datasets(\?.*)?$/,
  /^GET \/api\/v1\/datasets\/[0-9a-f-]{36}$/,
  /^GET \/api\/v1\/sessions(\?.*)?$/,
  /^GET \/api\/v1\/sessions\/[0-9a-f-]{36}\/metadata(\?.*)?$/,
  /^POST \/api\/v1\/datasets\/[0-9a-f-]{36}\/group\/runs$/,
];

test('a same-origin read reaches the stand-in (the marker check below can see a leak)', async () => {
  const marker = `marker-${randomUUID()}`;
  const res = await send('GET', `/api/v1/datasets?name_contains=${marker}`, {
    origin: OWN_ORIGIN,
    'sec-fetch-site': 'same-origin',
  });
  expect(res.status).toBe(200);
  expect((await received()).some((r) => r.path.includes(marker))).toBe(true);
});

test('no write method reaches LangSmith', async () => {
  const ids = new Map<string, string>();
  for (const method of ['DELETE', 'PATCH', 'PUT', 'POST']) {
    const id = randomUUID();
    ids.set(method, id);
    const res = await send(
      method,
      `/api/v1/datasets/${id}`,
      { 'content-type': 'application/json' },
      '{"name":"changed"}',
    );
    expect(res.status, `${method} /api/v1/datasets/{id}`).toBe(405);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
  }
  for (const [method, path] of [
    ['DELETE', '/api/v1/sessions/{id}'],
    ['POST', '/api/v1/runs/{id}'],
    ['PUT', '/api/v1/datasets/{id}/group/runs'],
    ['PATCH', '/api/v1/sessions/{id}/metadata'],
  ] as const) {
    const id = randomUUID();
    ids.set(`${method} ${path}`, id);
    const res = await send(
      method,
      path.replace('{id}', id),
      { 'content-type': 'application/json' },
      '{}',
    );
    expect([404, 405], `${method} ${path}`).toContain(res.status);
  }
  const seen = JSON.stringify(await received());
  for (const id of ids.values()) expect(seen).not.toContain(id);
});

test('no path outside the allowlist reaches LangSmith, however it is spelt', async () => {
  const marker = randomUUID();
  const paths = [
    `/api/v1/${marker}`,
    `/api/v1/../../${marker}`,
    `/api/v1/%2e%2e/%2e%2e/${marker}`,
    `/api/v1/datasets%2f..%2f${marker}`,
    `/api/v1/datasets\\..\\${marker}`,
    `/api/v1//datasets/${marker}`,
    `/api/v1/datasets/${marker}/examples`,
    `/api/v2/datasets/${marker}`,
    `/api/v1/datasets?limit=1&${marker}=1`,
  ];
  for (const path of paths) {
    const res = await send('GET', path, { origin: OWN_ORIGIN });
    expect([400, 404], path).toContain(res.status);
    expect(JSON.parse(res.text), path).toEqual({ detail: expect.any(String) });
  }
  expect(JSON.stringify(await received())).not.toContain(marker);
});

test('no cross-site request reaches LangSmith', async () => {
  const markers: string[] = [];
  const cases: Record<string, string>[] = [
    { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    { origin: 'https://evil.example' },
    { 'sec-fetch-site': 'cross-site' },
    { 'sec-fetch-site': 'same-site', origin: `http://localhost:${LIVE_PORT}` },
    { origin: 'null' },
    // DNS rebinding: attacker.example now resolves to this machine.
    { host: `attacker.example:${LIVE_PORT}`, origin: `http://attacker.example:${LIVE_PORT}` },
  ];
  for (const headers of cases) {
    const marker = `cross-${randomUUID()}`;
    markers.push(marker);
    const res = await send('GET', `/api/v1/datasets?name_contains=${marker}`, headers);
    expect(res.status, JSON.stringify(headers)).toBe(403);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const post = await send(
      'POST',
      `/api/v1/datasets/${randomUUID()}/group/runs`,
      { ...headers, 'content-type': 'application/json' },
      JSON.stringify({ marker }),
    );
    expect(post.status, JSON.stringify(headers)).toBe(403);
  }
  const seen = JSON.stringify(await received());
  for (const marker of markers) expect(seen).not.toContain(marker);
});

test('a body over 64 KB is refused with 413 and never forwarded', async () => {
  const id = randomUUID();
  const res = await send(
    'POST',
    `/api/v1/datasets/${id}/group/runs`,
    { origin: OWN_ORIGIN, 'content-type': 'application/json' },
    JSON.stringify({ pad: 'x'.repeat(65 * 1024) }),
  );
  expect(res.status).toBe(413);
  expect(JSON.stringify(await received())).not.toContain(id);
});

test('everything the stand-in ever received is one of the app requests', async ({ page }) => {
  // Some real traffic first: the app's own requests, as a person's visit makes them.
  await page.goto('/');
  await expect(page.getByRole('combobox', { name: 'Dataset' })).toBeVisible();
  const log = await received();
  expect(log.length).toBeGreaterThan(0);
  const leaks = log
    .map((r) => `${r.method} ${r.path}`)
    .filter((line) => !APP_REQUESTS.some((pattern) => pattern.test(line)));
  expect(leaks).toEqual([]);
});

test('/healthz answers JSON, never the app page', async ({ request }) => {
  const res = await request.get('/healthz');
  expect(res.headers()['content-type']).toMatch(/^application\/json/);
  expect(await res.json()).toEqual({ status: 'ok', mode: 'live' });
});

test('the page comes with its security headers, uncached; its scripts are cached for good', async ({
  page,
}) => {
  const response = await page.goto('/');
  const headers = response?.headers() ?? {};
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['permissions-policy']).toContain('camera=()');
  expect(headers['cache-control']).toBe('no-cache');
  const script = await page.locator('script[type="module"][src]').first().getAttribute('src');
  const asset = await page.request.get(script ?? '', {
    headers: { 'accept-encoding': 'br, gzip' },
  });
  expect(asset.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(asset.headers()['content-encoding']).toMatch(/^(br|gzip)$/);
});

test('Versus cannot be framed by another page', async ({ page }) => {
  // Another origin on this machine whose page frames Versus, and (the control) itself.
  const other = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(
      req.url === '/inner'
        ? '<p>inner</p>'
        : `<iframe id="versus" src="http://${HOST}/"></iframe><iframe id="own" src="/inner"></iframe>`,
    );
  });
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
  try {
    const answered = page.waitForResponse(`http://${HOST}/`);
    await page.goto(origin);
    expect((await answered).status()).toBe(200);
    await expect(page.frameLocator('#own').getByText('inner')).toBeVisible();
    // Chromium puts its error page in place of a frame the server forbids.
    await expect
      .poll(() => page.frames().map((f) => f.url()))
      .toContain('chrome-error://chromewebdata/');
    expect(page.frames().map((f) => f.url())).not.toContain(`http://${HOST}/`);
  } finally {
    other.closeAllConnections();
    other.close();
  }
});
