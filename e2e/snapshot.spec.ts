import { statSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { chooseComparison } from './support/choose-comparison';
import { datasetNamed, sessionsOf } from './support/demo-data';
import { expectNoPageErrors, trackPageErrors } from './support/page-guards';
import { matrix } from './support/pickers';

/**
 * "Download snapshot" walked by mouse: a comparison chosen from an empty URL, saved, and the
 * file opened from disk in a new browser context where every request but the file itself
 * is aborted and counted. The snapshot must show what the live view showed, and work.
 */

const supportQa = datasetNamed('Support QA');
const experiments = sessionsOf(supportQa.id).slice(0, 4);
const [first, second] = experiments;
const MB = 1024 * 1024;

const statsPanel = (page: Page) => page.getByRole('region', { name: 'Is the difference real?' });

/** What both pages must agree on: rendered rows, a chart's table, the statistics table. */
async function readView(page: Page) {
  const grid = matrix(page);
  await expect(grid).toBeVisible();
  await page.locator('[data-scroll-pace]').evaluate(async (el) => {
    el.scrollTop = 0;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
  const rows = await grid
    .locator('tr[data-example-id]')
    .evaluateAll((trs) => trs.map((tr) => tr.textContent));
  const chartTable = page.getByRole('table', { name: /data table/ });
  if (!(await chartTable.isVisible())) {
    await page.getByRole('button', { name: 'Show as table' }).first().click();
  }
  await expect(chartTable).toBeVisible();
  const chart = await chartTable.textContent();
  const stats = statsPanel(page).getByRole('table').first();
  await expect(stats).toBeVisible();
  return {
    status: await page.getByText(/^Showing \d+ of/).textContent(),
    rows,
    chart,
    stats: await stats.textContent(),
  };
}

async function openOffline(browser: Browser, file: string) {
  // Offline too, as a file sent by mail is often read: nothing in it may depend on a network.
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    offline: true,
  });
  const fileUrl = pathToFileURL(file).href;
  const attempted: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url === fileUrl) return route.continue();
    attempted.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith('file:') && !url.startsWith('data:') && !url.startsWith('blob:')) {
      attempted.push(url);
    }
  });
  const errors = trackPageErrors(page);
  // A request the CSP stopped never reaches the route: the page counts those itself.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      // zod tests once whether it may compile with `new Function` (it may not, as on the
      // server's page): not a request.
      if (event.blockedURI === 'eval') return;
      seen.push(`${event.effectiveDirective} ${event.blockedURI}`);
    });
  });
  await page.goto(fileUrl);
  const violations = () =>
    page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
  return { page, attempted, errors, context, violations };
}

test('a snapshot opened from disk with no network shows and works like the live view', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const errors = trackPageErrors(page);
  await chooseComparison(page, {
    dataset: supportQa.name,
    experiments: experiments.map((s) => s.name),
    key: 'model',
  });
  await page.getByRole('button', { name: 'Is the difference real?' }).click();
  await expect(page).toHaveURL(/stats=open/);
  const live = await readView(page);
  const liveUrl = page.url();

  const saving = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download snapshot' }).click();
  const download = await saving;
  expect(download.suggestedFilename()).toMatch(/^versus-support-qa-\d{4}-\d\d-\d\d-\d{4}\.html$/);
  const file = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(file);
  await expect(page.getByRole('status').filter({ hasText: /^Saved versus-/ })).toBeVisible();
  const size = statSync(file).size;
  testInfo.annotations.push({ type: 'snapshot size', description: `${size} bytes` });
  // Support QA, ~80 examples x 4 experiments: well under the 3 MB of a 100 x 4 comparison.
  expect(size).toBeLessThan(3 * MB);
  await expectNoPageErrors(errors);

  const offline = await openOffline(browser, file);
  const snap = offline.page;
  await expect(snap.getByRole('region', { name: 'Snapshot' })).toHaveText(
    new RegExp(
      `^Snapshot of ${supportQa.name}, 4 experiments, taken \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC from 127\\.0\\.0\\.1:\\d+ \\(demo data\\)\\. Read-only`,
    ),
  );
  expect(await readView(snap)).toEqual(live);
  await expect(snap.getByRole('button', { name: 'Download snapshot' })).toHaveCount(0);
  // The machine is offline, but the file has all it shows: no "You are offline" alarm.
  await expect(snap.getByText('You are offline')).toHaveCount(0);

  // "Copy link" gives the same view on the Versus page the snapshot was taken on: a link to
  // this file would open nothing on another machine.
  await offline.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await snap.getByRole('button', { name: 'Copy link' }).click();
  await expect(snap.getByText('Link copied')).toBeVisible();
  expect(await snap.evaluate(() => navigator.clipboard.readText())).toBe(liveUrl);

  // A filter keeps the same rows as the same filter on the live page.
  for (const p of [snap, page]) {
    await p.getByRole('combobox', { name: 'Show', exact: true }).selectOption('regressions');
  }
  await expect(snap).toHaveURL(/#.*regressions/);
  const liveFiltered = await page.getByText(/^Showing \d+ of/).textContent();
  await expect(snap.getByText(/^Showing \d+ of/)).toHaveText(liveFiltered ?? '?');
  await snap
    .getByRole('combobox', { name: 'Show', exact: true })
    .selectOption({ label: 'All examples' });

  // The detail panel opens on the embedded runs.
  const firstRow = matrix(snap).locator('tr[data-example-id]').first();
  const exampleName = (await firstRow.getByRole('rowheader').textContent()) ?? '?';
  await firstRow.getByRole('rowheader').click();
  const detail = snap.getByRole('dialog');
  await expect(detail).toBeVisible();
  const heading = detail.getByRole('heading', { level: 2 });
  await expect(heading).not.toBeEmpty();
  // The row header shows the example's name and then its input.
  expect(exampleName.startsWith((await heading.textContent()) ?? '?')).toBe(true);
  await expect(detail.getByRole('region', { name: first?.name ?? '?' })).toBeVisible();
  await snap.keyboard.press('Escape');

  // Sorting works on the embedded data, and the state goes in the hash.
  const grid = matrix(snap);
  await snap.getByRole('combobox', { name: 'Sort by' }).selectOption('score');
  await snap.getByRole('combobox', { name: 'Sort experiment' }).selectOption(first?.id ?? '');
  await snap.getByRole('combobox', { name: 'Sort key' }).selectOption('helpfulness');
  await expect(snap).toHaveURL(/#.*sort=score/);
  const scores = (
    await grid
      .locator(`tr [data-session-id="${first?.id}"] [data-feedback-key="helpfulness"]`)
      .allTextContents()
  )
    .map(Number)
    .filter((n) => !Number.isNaN(n));
  expect(scores.length).toBeGreaterThan(3);
  expect(scores).toEqual([...scores].sort((a, b) => a - b));

  // A new baseline: the header says so and the statistics compare against it.
  await snap
    .getByRole('combobox', { name: 'Baseline', exact: true })
    .selectOption(second?.id ?? '');
  await expect(snap).toHaveURL(new RegExp(`#.*baseline=${second?.id}`));
  await expect(
    grid.locator(`th[data-session-id="${second?.id}"]`).getByText('Baseline'),
  ).toBeVisible();
  await expect(statsPanel(snap).getByRole('table').first()).toContainText(first?.name ?? '?');

  expect(offline.attempted, 'requests a snapshot made').toEqual([]);
  expect(await offline.violations(), 'requests the CSP stopped').toEqual([]);
  await expectNoPageErrors(offline.errors);
  await offline.context.close();
});

/** A view opened by its link, saved: the file's size in bytes. */
async function savedSize(page: Page, url: string, file: string) {
  await page.goto(url);
  await expect(matrix(page)).toBeVisible();
  const button = page.getByRole('button', { name: 'Download snapshot' });
  await expect(button).toBeEnabled();
  const saving = page.waitForEvent('download');
  await button.click();
  const download = await saving;
  await download.saveAs(file);
  return statSync(file).size;
}

test('sizes: a 100 x 4 comparison under 3 MB, the whole Support QA view under 5 MB', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const scale = datasetNamed('Scale demo (10,000 × 8)');
  const four = sessionsOf(scale.id).slice(0, 4);
  expect(four).toHaveLength(4);
  const hundredByFour = await savedSize(
    page,
    `/?dataset=${scale.id}&sessions=${four.map((s) => s.id).join(',')}&groupBy=run_metadata&key=model`,
    testInfo.outputPath('scale-100x4.html'),
  );
  await expect(page.getByText(/^Showing 100 of/)).toBeVisible();
  const all = sessionsOf(supportQa.id);
  const supportQaAll = await savedSize(
    page,
    `/?dataset=${supportQa.id}&sessions=${all.map((s) => s.id).join(',')}&groupBy=run_metadata&key=model`,
    testInfo.outputPath('support-qa-all.html'),
  );
  testInfo.annotations.push({
    type: 'snapshot sizes',
    description: `100 x 4: ${hundredByFour} bytes; Support QA x ${all.length}: ${supportQaAll} bytes`,
  });
  expect(hundredByFour).toBeLessThan(3 * MB);
  expect(supportQaAll).toBeLessThan(5 * MB);
});

test('the viewer with no data, or damaged data, says what it is', async ({
  request,
  browser,
}, testInfo) => {
  const response = await request.get('/snapshot/viewer.html');
  expect(response.ok()).toBe(true);
  expect(response.headers()['cache-control']).toBe('no-cache');
  const template = await response.text();
  const marker = '<script id="versus-snapshot-data" type="application/octet-stream">';
  const cases = [
    { name: 'empty.html', html: template, says: /with no snapshot in it/ },
    {
      name: 'damaged.html',
      // A gzip header and nothing after it: a file cut short.
      html: `${template.slice(0, template.lastIndexOf(marker) + marker.length)}H4sIAAAAAAAAA${template.slice(template.lastIndexOf(marker) + marker.length)}`,
      says: /This snapshot file is damaged/,
    },
  ];
  for (const { name, html, says } of cases) {
    const file = testInfo.outputPath(name);
    writeFileSync(file, html);
    const offline = await openOffline(browser, file);
    await expect(offline.page.getByRole('alert')).toHaveText(says);
    expect(offline.attempted).toEqual([]);
    await expectNoPageErrors(offline.errors);
    await offline.context.close();
  }
});

test('a snapshot of an empty view says, offline, what the live view said', async ({
  page,
  browser,
}, testInfo) => {
  // An experiment that has not produced runs yet: nothing to group, chart or compare.
  const fresh = datasetNamed('Fresh experiment');
  const [only] = sessionsOf(fresh.id);
  const file = testInfo.outputPath('empty-view.html');
  await page.goto(`/?dataset=${fresh.id}&sessions=${only?.id}&groupBy=run_metadata&key=model`);
  const said = page.getByText(/^No runs of these experiments carry the metadata key model\./);
  await expect(said).toBeVisible();
  const saving = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download snapshot' }).click();
  await (await saving).saveAs(file);

  const offline = await openOffline(browser, file);
  await expect(offline.page.getByRole('region', { name: 'Snapshot' })).toContainText(
    `Snapshot of ${fresh.name}, 1 experiment, taken `,
  );
  await expect(
    offline.page.getByText(/^No runs of these experiments carry the metadata key model\./),
  ).toHaveText((await said.textContent()) ?? '?');
  await expect(offline.page.getByText(/^Showing 0 of 0 loaded examples/)).toBeVisible();
  expect(offline.attempted).toEqual([]);
  await expectNoPageErrors(offline.errors);
  await offline.context.close();
});
