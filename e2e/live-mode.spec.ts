import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Request, test } from '@playwright/test';
import { E2E_API_KEY, E2E_WORKSPACE_ID, STAND_IN_PORT } from '../playwright.config';
import { datasetNamed, sessionNamed } from './support/demo-data';
import { expectNoPageErrors, trackPageErrors } from './support/page-guards';

/**
 * Live mode against a local stand-in for LangSmith: the production server's proxy must add the
 * key from the environment, and nothing the browser holds may contain it.
 */
const STAND_IN = `http://127.0.0.1:${STAND_IN_PORT}`;

// One stand-in and its request log serve these tests: they must not run side by side.
test.describe.configure({ mode: 'serial' });
const supportQa = datasetNamed('Support QA');

interface Recorded {
  method: string;
  path: string;
  headers: Record<string, string | undefined>;
}

async function standInRequests(): Promise<Recorded[]> {
  const response = await fetch(`${STAND_IN}/__stand-in/requests`);
  return (await response.json()) as Recorded[];
}

test('the proxy adds the key and workspace; the browser never holds the key', async ({
  page,
  context,
}) => {
  const errors = trackPageErrors(page);
  const browserRequests: Request[] = [];
  const consoleLines: string[] = [];
  page.on('request', (r) => browserRequests.push(r));
  page.on('console', (m) => consoleLines.push(m.text()));

  const gpt = sessionNamed(supportQa.id, 'gpt-4o-v1');
  const claude = sessionNamed(supportQa.id, 'claude-3-5-sonnet-v2');
  await page.goto(
    `/?dataset=${supportQa.id}&sessions=${gpt.id},${claude.id}&groupBy=run_metadata&key=model`,
  );
  await expect(page.getByText(`Live: 127.0.0.1:${STAND_IN_PORT}`)).toBeVisible();
  await expect(page.getByRole('grid', { name: 'Comparison matrix' })).toBeVisible();
  // The dataset's name, read through the proxy, heads the pickers (folded: the link opened
  // on a comparison).
  await expect(
    page.getByRole('button', { name: 'Support QA · 2 experiments · by model', exact: true }),
  ).toBeVisible();

  // What reached LangSmith: every API call carried the key and the workspace id.
  const received = (await standInRequests()).filter((r) => r.path.startsWith('/api/v1/'));
  expect(received.length).toBeGreaterThan(2);
  for (const r of received) {
    expect(r.headers['x-api-key']).toBe(E2E_API_KEY);
    expect(r.headers['x-tenant-id']).toBe(E2E_WORKSPACE_ID);
  }
  expect(received.some((r) => r.method === 'POST' && r.path.includes('/group/runs'))).toBe(true);

  // What the browser held: not in its requests, URL, storage, cookies, DOM or console.
  for (const r of browserRequests) {
    expect(r.url()).not.toContain(E2E_API_KEY);
    const headers = await r.allHeaders();
    expect(JSON.stringify(headers)).not.toContain(E2E_API_KEY);
    expect(r.postData() ?? '').not.toContain(E2E_API_KEY);
  }
  expect(page.url()).not.toContain(E2E_API_KEY);
  const storage = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
  expect(storage).not.toContain(E2E_API_KEY);
  expect(JSON.stringify(await context.cookies())).not.toContain(E2E_API_KEY);
  expect(await page.content()).not.toContain(E2E_API_KEY);
  expect(consoleLines.join('\n')).not.toContain(E2E_API_KEY);
  await expectNoPageErrors(errors);
});

test('the proxy forwards only /api/v1/* and is not an open proxy', async ({ request }) => {
  const outside = await request.get('/api/v2/datasets');
  expect(outside.status()).not.toBe(200);
  const absolute = await request.get(`/http://example.com/api/v1/datasets`);
  expect(await absolute.text()).not.toContain('"tenant_id"');
  const config = await request.get('/__versus/config.json');
  expect(await config.json()).toEqual({
    source: 'live',
    host: `127.0.0.1:${STAND_IN_PORT}`,
    webApp: `http://127.0.0.1:${STAND_IN_PORT}`,
  });
  expect(await config.text()).not.toContain(E2E_API_KEY);
  const forwarded = await standInRequests();
  expect(forwarded.filter((r) => !r.path.startsWith('/api/v1/'))).toEqual([]);
});

test('the built bundle does not contain the key', () => {
  const dir = join(process.cwd(), 'dist', 'assets');
  for (const file of readdirSync(dir)) {
    expect(readFileSync(join(dir, file), 'utf8')).not.toContain(E2E_API_KEY);
  }
});

test('exports and error messages never carry the key', async ({ page }) => {
  const gpt = sessionNamed(supportQa.id, 'gpt-4o-v1');
  const claude = sessionNamed(supportQa.id, 'claude-3-5-sonnet-v2');
  await page.goto(
    `/?dataset=${supportQa.id}&sessions=${gpt.id},${claude.id}&groupBy=run_metadata&key=model`,
  );
  await expect(page.getByRole('grid', { name: 'Comparison matrix' })).toBeVisible();
  for (const name of ['Export CSV', 'Export JSON']) {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name }).click();
    const file = readFileSync(await (await download).path(), 'utf8');
    expect(file.length).toBeGreaterThan(100);
    expect(file).not.toContain(E2E_API_KEY);
  }
  // An unknown dataset: the server's 404 travels back through the proxy as a message.
  await page.goto('/?dataset=01234567-89ab-4cde-8f01-23456789abcd');
  const alert = page.getByRole('alert').first();
  await expect(alert).toBeVisible();
  expect(await alert.textContent()).not.toContain(E2E_API_KEY);
});
