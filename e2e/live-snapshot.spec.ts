import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { E2E_API_KEY, STAND_IN_PORT } from '../playwright.config';
import { datasetNamed, sessionNamed } from './support/demo-data';
import { matrix } from './support/pickers';

/**
 * Live mode: a snapshot of LangSmith data holds the answers, never the server's key (read
 * here from the file's data, un-gzipped), names the LangSmith host, and keeps the links into
 * LangSmith, opened from disk with every request aborted.
 */
const supportQa = datasetNamed('Support QA');
const gpt = sessionNamed(supportQa.id, 'gpt-4o-v1');
const claude = sessionNamed(supportQa.id, 'claude-3-5-sonnet-v2');
const HOST = `127.0.0.1:${STAND_IN_PORT}`;

test('a live snapshot holds no key, names its LangSmith host and keeps its links', async ({
  page,
  browser,
}, testInfo) => {
  await page.goto(
    `/?dataset=${supportQa.id}&sessions=${gpt.id},${claude.id}&groupBy=run_metadata&key=model`,
  );
  await expect(matrix(page)).toBeVisible();
  const saving = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download snapshot' }).click();
  const file = testInfo.outputPath('live.html');
  await (await saving).saveAs(file);

  const html = readFileSync(file, 'utf8');
  const data =
    /<script id="versus-snapshot-data" type="application\/octet-stream">([^<]+)<\/script>\s*<\/body>/.exec(
      html,
    )?.[1];
  expect(data, 'the file embeds its data').toBeTruthy();
  const payload = gunzipSync(Buffer.from(data ?? '', 'base64')).toString('utf8');
  expect(payload).toContain(`"host":"${HOST}"`);
  expect(payload).toContain('/group/runs');
  for (const text of [html, payload]) {
    expect(text).not.toContain(E2E_API_KEY);
    expect(text.toLowerCase()).not.toContain('lsv2_');
  }

  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const fileUrl = pathToFileURL(file).href;
  const attempted: string[] = [];
  await context.route('**/*', (route) => {
    if (route.request().url() === fileUrl) return route.continue();
    attempted.push(route.request().url());
    return route.abort();
  });
  const snap = await context.newPage();
  await snap.goto(fileUrl);
  await expect(snap.getByRole('region', { name: 'Snapshot' })).toContainText(
    `Snapshot of ${supportQa.name}, 2 experiments, taken `,
  );
  await expect(snap.getByRole('region', { name: 'Snapshot' })).toContainText(`from ${HOST}.`);
  const row = matrix(snap).locator('tr[data-example-id]').first();
  await expect(
    row
      .locator(`td[data-session-id="${claude.id}"]`)
      .getByRole('link', { name: /^Open in LangSmith: trace of / }),
  ).toHaveAttribute('href', new RegExp(`^http://${HOST.replace(/\./g, '\\.')}/o/`));
  expect(attempted).toEqual([]);
  await context.close();
});
