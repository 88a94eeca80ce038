import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { PER_USER_KEYS, PER_USER_PORT, PER_USER_STAND_IN_PORT } from '../playwright.config';
import { rawRequest } from '../server/raw-request';
import { datasetNamed, sessionNamed } from './support/demo-data';
import { expectNoPageErrors, trackPageErrors } from './support/page-guards';

/**
 * VERSUS_AUTH=per-user: each person signs in with their own LangSmith key. The stand-in
 * behind this server accepts two keys and records every request with the key it came with.
 * One stand-in log serves these tests: they run one after another.
 */
// Each test signs in (a page reload) before the comparison loads: more time than one load.
test.describe.configure({ mode: 'serial', timeout: 60_000 });

const STAND_IN = `http://127.0.0.1:${PER_USER_STAND_IN_PORT}`;
const [ALICE, BOB] = PER_USER_KEYS;
const supportQa = datasetNamed('Support QA');
const gpt = sessionNamed(supportQa.id, 'gpt-4o-v1');
const claude = sessionNamed(supportQa.id, 'claude-3-5-sonnet-v2');
const LINK = `/?dataset=${supportQa.id}&sessions=${gpt.id},${claude.id}&groupBy=run_metadata&key=model`;

interface Recorded {
  method: string;
  path: string;
  headers: Record<string, string | undefined>;
}

async function received(): Promise<Recorded[]> {
  const all = (await (await fetch(`${STAND_IN}/__stand-in/requests`)).json()) as Recorded[];
  return all.filter((r) => r.path.startsWith('/api/v1/'));
}
const clearReceived = () => fetch(`${STAND_IN}/__stand-in/requests`, { method: 'DELETE' });
const acceptKeys = (keys: readonly string[]) =>
  fetch(`${STAND_IN}/__stand-in/keys`, { method: 'PUT', body: JSON.stringify(keys) });

async function signIn(page: Page, key: string) {
  await page.getByLabel('LangSmith API key').fill(key);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

const matrix = (page: Page) => page.getByRole('grid', { name: 'Comparison matrix' });
/** The comparison on screen after a sign-in (a reload, then the page's requests). */
const expectMatrix = (page: Page) => expect(matrix(page)).toBeVisible({ timeout: 20_000 });

test.afterEach(async () => {
  await acceptKeys(PER_USER_KEYS);
});

test('a shared link opened signed out asks for a key, then opens the linked view', async ({
  page,
}) => {
  const errors = trackPageErrors(page);
  await page.goto(LINK);
  await expect(page.getByText(`Live: 127.0.0.1:${PER_USER_STAND_IN_PORT}`)).toBeVisible();
  await expect(page.getByLabel('LangSmith API key')).toBeVisible();
  await expect(page.getByLabel('Workspace ID')).toBeVisible();
  await expect(matrix(page)).toHaveCount(0);
  await signIn(page, ALICE);
  await expectMatrix(page);
  // The dataset's name, read with Alice's key, heads the pickers (folded: the link opened on a
  // comparison).
  await expect(
    page.getByRole('button', { name: 'Support QA · 2 experiments · by model', exact: true }),
  ).toBeVisible();
  expect(new URL(page.url()).search).toBe(new URL(LINK, 'http://x').search);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expectNoPageErrors(errors);
});

test('a wrong key is answered in the form, not by an empty dashboard', async ({ page }) => {
  await page.goto(LINK);
  await signIn(page, 'lsv2_pt_not_a_key_of_this_workspace');
  await expect(page.getByRole('alert')).toContainText('did not accept this API key');
  await expect(page.getByLabel('LangSmith API key')).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Dataset' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
});

test('two people, two keys: each reaches LangSmith with their own only; sign-out stops it', async ({
  browser,
}) => {
  // Two browsers, each signing in and loading a comparison twice.
  test.setTimeout(90_000);
  const contexts: BrowserContext[] = [];
  const open = async (key: string) => {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    const sent: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/api/v1/')) sent.push(r.url());
    });
    await page.goto(LINK);
    await signIn(page, key);
    await expectMatrix(page);
    return { context, page, sent };
  };
  try {
    const alice = await open(ALICE);
    const bob = await open(BOB);

    // Both at once: every request reaches LangSmith with its sender's key, one for one.
    await Promise.all([alice.page, bob.page].map((p) => p.waitForLoadState('networkidle')));
    await clearReceived();
    alice.sent.length = 0;
    bob.sent.length = 0;
    await Promise.all([alice.page.reload(), bob.page.reload()]);
    await Promise.all([expectMatrix(alice.page), expectMatrix(bob.page)]);
    await expect
      .poll(async () => (await received()).length)
      .toBe(alice.sent.length + bob.sent.length);
    const keys = (await received()).map((r) => r.headers['x-api-key']);
    expect(keys.filter((k) => k === ALICE)).toHaveLength(alice.sent.length);
    expect(keys.filter((k) => k === BOB)).toHaveLength(bob.sent.length);
    expect(alice.sent.length).toBeGreaterThan(2);

    // The cookie holds an id, not the key; page script cannot read it.
    const [cookie] = await alice.context.cookies();
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    expect(cookie?.value).not.toContain(ALICE);
    const aliceCookie = `${cookie?.name}=${cookie?.value}`;

    // Alice signs out: back to the form, and her session no longer reaches LangSmith.
    await alice.page.getByRole('button', { name: 'Sign out' }).click();
    await expect(alice.page.getByLabel('LangSmith API key')).toBeVisible();
    await clearReceived();
    const replay = await rawRequest(PER_USER_PORT, 'GET', '/api/v1/datasets?limit=5', {
      cookie: aliceCookie,
    });
    expect(replay.status).toBe(401);
    await bob.page.reload();
    await expectMatrix(bob.page);
    const after = (await received()).map((r) => r.headers['x-api-key']);
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((k) => k === BOB)).toBe(true);
  } finally {
    for (const context of contexts) await context.close();
  }
});

test('the key never reaches page script, storage, the URL, the page or the console', async ({
  page,
  context,
}) => {
  const consoleLines: string[] = [];
  page.on('console', (m) => consoleLines.push(m.text()));
  const responses: string[] = [];
  page.on('response', (r) => {
    if (!new URL(r.url()).pathname.startsWith('/__versus/')) return;
    // A body the page has already let go of (it reloads after sign-in) is not there to read.
    r.text().then(
      (text) => responses.push(text),
      () => undefined,
    );
  });
  await page.goto(LINK);
  await signIn(page, BOB);
  await expectMatrix(page);
  expect(page.url()).not.toContain(BOB);
  expect(await page.content()).not.toContain(BOB);
  const storage = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
  expect(storage).not.toContain(BOB);
  expect(await page.evaluate(() => document.cookie)).toBe('');
  expect(JSON.stringify(await context.cookies())).not.toContain(BOB);
  expect(responses.length).toBeGreaterThan(0);
  expect(responses.join('\n')).not.toContain(BOB);
  expect(consoleLines.join('\n')).not.toContain(BOB);
});

test('a key LangSmith stops accepting shows the key message, with a way to sign in again', async ({
  page,
}) => {
  await page.goto(LINK);
  await signIn(page, ALICE);
  await expectMatrix(page);
  await acceptKeys([BOB]);
  await page.reload();
  const alert = page.getByRole('alert').first();
  await expect(alert).toContainText('The API key is missing or wrong');
  await alert.getByRole('button', { name: 'Sign in again' }).click();
  await expect(page.getByLabel('LangSmith API key')).toBeVisible();
  await signIn(page, BOB);
  await expectMatrix(page);
});

test('sign-in is refused from another site', async () => {
  const res = await rawRequest(
    PER_USER_PORT,
    'POST',
    '/__versus/session',
    {
      origin: 'https://evil.example',
      'sec-fetch-site': 'cross-site',
      'content-type': 'application/json',
    },
    JSON.stringify({ apiKey: ALICE }),
  );
  expect(res.status).toBe(403);
  expect(res.headers['set-cookie']).toBeUndefined();
});

test('/healthz says per-user', async ({ request }) => {
  expect(await (await request.get('/healthz')).json()).toEqual({ status: 'ok', mode: 'per-user' });
});
