// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rawRequest } from './raw-request';
import { SessionStore, sessionIdFrom } from './sessions';
import { type LoggedServer, startStandIn, startVersus } from './testing';

const ALICE = 'lsv2_pt_alice_key_0000000000000000';
const BOB = 'lsv2_pt_bob_key_1111111111111111111';
const BOB_WORKSPACE = '22222222-3333-4444-8555-666666666666';

let standIn: Awaited<ReturnType<typeof startStandIn>>;
let versus: LoggedServer;

beforeAll(async () => {
  standIn = await startStandIn([ALICE, BOB]);
  versus = await startVersus({
    LANGSMITH_ENDPOINT: standIn.url,
    // Ignored in per-user mode: nobody gets the server's key.
    LANGSMITH_API_KEY: ALICE,
    VERSUS_AUTH: 'per-user',
  });
});
afterAll(async () => {
  await versus.close();
  await standIn.close();
});
beforeEach(() => {
  standIn.requests.length = 0;
});

const page = () => ({ origin: versus.origin, 'sec-fetch-site': 'same-origin' });

async function signIn(apiKey: string, workspaceId?: string, headers = page()) {
  const res = await rawRequest(
    versus.port,
    'POST',
    '/__versus/session',
    { ...headers, 'content-type': 'application/json' },
    JSON.stringify({ apiKey, workspaceId }),
  );
  const setCookie = String(res.headers['set-cookie'] ?? '');
  return { ...res, setCookie, cookie: setCookie.split(';')[0] ?? '' };
}

const list = (cookie: string) =>
  rawRequest(versus.port, 'GET', '/api/v1/datasets?limit=1', { ...page(), cookie });

describe('per-user sign-in', () => {
  it('refuses the API until signed in, and never uses the server key', async () => {
    const res = await list('');
    expect(res.status).toBe(401);
    expect(standIn.requests).toEqual([]);
    const config = await rawRequest(versus.port, 'GET', '/__versus/config.json', page());
    expect(JSON.parse(config.text)).toEqual({
      source: 'live',
      host: new URL(standIn.url).host,
      webApp: new URL(standIn.url).origin,
      auth: 'per-user',
      signedIn: false,
    });
  });

  it('checks the key with LangSmith and answers a wrong one with 401, without a session', async () => {
    const wrong = await signIn('lsv2_pt_wrong_key');
    expect(wrong.status).toBe(401);
    expect(JSON.parse(wrong.text).detail).toMatch(/did not accept this API key/);
    expect(wrong.setCookie).toBe('');
    expect(wrong.text).not.toContain('lsv2_pt_wrong_key');
    // The check was an allowlisted read with that key.
    expect(standIn.requests.map((r) => [r.method, r.path, r.headers['x-api-key']])).toEqual([
      ['GET', '/api/v1/datasets?limit=1', 'lsv2_pt_wrong_key'],
    ]);
  });

  it('keeps the key in a httpOnly, SameSite=Strict cookie session that the answer never shows', async () => {
    const ok = await signIn(ALICE);
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.text)).toEqual({ signedIn: true });
    expect(ok.text).not.toContain(ALICE);
    expect(ok.setCookie).toMatch(/^versus_session=[A-Za-z0-9_-]{43}; /);
    expect(ok.setCookie).toContain('HttpOnly');
    expect(ok.setCookie).toContain('SameSite=Strict');
    expect(ok.setCookie).toContain('Max-Age=43200');
    expect(ok.setCookie).not.toContain('Secure');
    expect(ok.setCookie).not.toContain(ALICE);
    const config = await rawRequest(versus.port, 'GET', '/__versus/config.json', {
      ...page(),
      cookie: ok.cookie,
    });
    expect(JSON.parse(config.text)).toMatchObject({ signedIn: true });
  });

  it('marks the cookie Secure behind an https proxy', async () => {
    const ok = await signIn(ALICE, undefined, { ...page(), 'x-forwarded-proto': 'https' } as never);
    expect(ok.setCookie).toContain('; Secure');
  });

  it('forwards each person their own key only, and stops at sign-out', async () => {
    const alice = await signIn(ALICE);
    const bob = await signIn(BOB, BOB_WORKSPACE);
    standIn.requests.length = 0;
    expect((await list(alice.cookie)).status).toBe(200);
    expect((await list(bob.cookie)).status).toBe(200);
    expect((await list(alice.cookie)).status).toBe(200);
    expect(standIn.requests.map((r) => [r.headers['x-api-key'], r.headers['x-tenant-id']])).toEqual(
      [
        [ALICE, undefined],
        [BOB, BOB_WORKSPACE],
        [ALICE, undefined],
      ],
    );

    const out = await rawRequest(versus.port, 'DELETE', '/__versus/session', {
      ...page(),
      cookie: alice.cookie,
    });
    expect(out.status).toBe(200);
    expect(String(out.headers['set-cookie'])).toContain('Max-Age=0');
    standIn.requests.length = 0;
    expect((await list(alice.cookie)).status).toBe(401);
    expect((await list(bob.cookie)).status).toBe(200);
    expect(standIn.requests.map((r) => r.headers['x-api-key'])).toEqual([BOB]);
  });

  it.each([
    ['from another site', { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }],
    ['without any Origin (a forged request)', {}],
    [
      'from another port of this host',
      { origin: 'http://127.0.0.1:1', 'sec-fetch-site': 'same-site' },
    ],
  ])('refuses a sign-in %s, before asking LangSmith', async (_name, headers) => {
    const res = await signIn(ALICE, undefined, headers as never);
    expect(res.status).toBe(403);
    expect(res.setCookie).toBe('');
    expect(standIn.requests).toEqual([]);
  });

  it('refuses a cross-site sign-out', async () => {
    const alice = await signIn(ALICE);
    const res = await rawRequest(versus.port, 'DELETE', '/__versus/session', {
      origin: 'https://evil.example',
      cookie: alice.cookie,
    });
    expect(res.status).toBe(403);
    expect((await list(alice.cookie)).status).toBe(200);
  });

  it.each([
    ['no key', { apiKey: '' }],
    ['a key with spaces', { apiKey: 'two words' }],
    ['a workspace that is not a UUID', { apiKey: ALICE, workspaceId: 'ws-1' }],
    ['not an object', 'x'],
  ])('answers %s with 400 and a message, without asking LangSmith', async (_name, body) => {
    const res = await rawRequest(
      versus.port,
      'POST',
      '/__versus/session',
      { ...page(), 'content-type': 'application/json' },
      JSON.stringify(body),
    );
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text).detail).toEqual(expect.any(String));
    expect(standIn.requests).toEqual([]);
  });

  it('writes neither key nor cookie to the log', async () => {
    const alice = await signIn(ALICE);
    await list(alice.cookie);
    await signIn('lsv2_pt_wrong_key');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const log = versus.lines.join('\n');
    expect(log).toContain('"path":"/__versus/session"');
    const cookieValue = alice.cookie.split('=')[1] ?? '';
    expect(cookieValue.length).toBeGreaterThan(20);
    for (const secret of [ALICE, BOB, 'lsv2_pt_wrong_key', cookieValue]) {
      expect(log).not.toContain(secret);
    }
  });

  it('/healthz says per-user', async () => {
    expect(JSON.parse((await rawRequest(versus.port, 'GET', '/healthz')).text)).toEqual({
      status: 'ok',
      mode: 'per-user',
    });
  });
});

describe('SessionStore', () => {
  it('forgets a session at its expiry', () => {
    let now = 1_000;
    const store = new SessionStore(60_000, () => now);
    const id = store.create({ apiKey: 'k', workspaceId: undefined });
    now += 59_999;
    expect(store.get(id)).toEqual({ apiKey: 'k', workspaceId: undefined });
    now += 1;
    expect(store.get(id)).toBeNull();
    expect(store.size).toBe(0);
    store.close();
  });

  it('sweeps sessions nobody comes back for', () => {
    let now = 0;
    const store = new SessionStore(1_000, () => now);
    store.create({ apiKey: 'a', workspaceId: undefined });
    store.create({ apiKey: 'b', workspaceId: undefined });
    now = 1_000;
    store.sweep();
    expect(store.size).toBe(0);
    store.close();
  });

  it('gives every sign-in a new, unguessable id', () => {
    const store = new SessionStore(1_000);
    const ids = new Set(
      Array.from({ length: 100 }, () => store.create({ apiKey: 'k', workspaceId: undefined })),
    );
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    store.close();
  });

  it('reads only its own cookie, in its own shape', () => {
    const id = 'A'.repeat(43);
    expect(sessionIdFrom(`a=1; versus_session=${id}; b=2`)).toBe(id);
    expect(sessionIdFrom(`versus_session=${id}x`)).toBeNull();
    expect(sessionIdFrom(`xversus_session=${id}`)).toBeNull();
    expect(sessionIdFrom(undefined)).toBeNull();
  });
});

describe('session expiry through the server', () => {
  it('answers 401 once VERSUS_SESSION_MAX_AGE has passed', async () => {
    const short = await startVersus({
      LANGSMITH_ENDPOINT: standIn.url,
      VERSUS_AUTH: 'per-user',
      VERSUS_SESSION_MAX_AGE: '3s',
    });
    try {
      const res = await rawRequest(
        short.port,
        'POST',
        '/__versus/session',
        { origin: short.origin, 'content-type': 'application/json' },
        JSON.stringify({ apiKey: BOB }),
      );
      const signedInAt = Date.now();
      const cookie = String(res.headers['set-cookie']).split(';')[0] ?? '';
      expect(String(res.headers['set-cookie'])).toContain('Max-Age=3');
      const get = () =>
        rawRequest(short.port, 'GET', '/api/v1/datasets?limit=1', { origin: short.origin, cookie });
      expect((await get()).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, signedInAt + 3_100 - Date.now()));
      expect((await get()).status).toBe(401);
    } finally {
      await short.close();
    }
  }, 15_000);
});
