import { readFileSync } from 'node:fs';
import { type Browser, expect, type Page, test } from '@playwright/test';
import Papa from 'papaparse';
import { datasetNamed, sessionNamed } from './support/demo-data';

const supportQa = datasetNamed('Support QA');
const gpt = sessionNamed(supportQa.id, 'gpt-4o-v1');
const claude = sessionNamed(supportQa.id, 'claude-3-5-sonnet-v2');
const llama = sessionNamed(supportQa.id, 'llama-3.1-70b-v1');
const BASE = `/?dataset=${supportQa.id}&sessions=${gpt.id},${claude.id},${llama.id}&groupBy=run_metadata&key=model`;

async function snapshot(page: Page) {
  const grid = page.getByRole('grid', { name: 'Comparison matrix' });
  await expect(grid).toBeVisible();
  // The same scroll position in both pages: only the rows in view (and two more) render.
  await page.locator('[data-scroll-pace]').evaluate(async (el) => {
    el.scrollTop = 0;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
  return {
    rows: await grid
      .locator('tr[data-example-id]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-example-id'))),
    columns: await grid
      .locator('th[data-session-id]')
      .evaluateAll((cells) => cells.map((c) => c.getAttribute('data-session-id'))),
    baseline: await page.getByRole('combobox', { name: 'Baseline', exact: true }).inputValue(),
    detail: await page.getByRole('dialog').getByRole('heading', { level: 2 }).textContent(),
    // The panel loads lazily: wait for it, then read whether it is open.
    stats: await page
      .getByRole('button', { name: 'Is the difference real?' })
      .getAttribute('aria-expanded', { timeout: 10_000 }),
  };
}

async function freshPage(browser: Browser, url: string) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

test('a link reproduces the full view in a fresh browser', async ({ page, browser }) => {
  await page.goto(BASE);
  await page.getByRole('combobox', { name: 'Baseline', exact: true }).selectOption(claude.id);
  await page.getByRole('combobox', { name: 'Sort by' }).selectOption('score');
  await page.getByRole('combobox', { name: 'Sort experiment' }).selectOption(gpt.id);
  await page.getByRole('combobox', { name: 'Sort key' }).selectOption('helpfulness');
  await page.getByRole('combobox', { name: 'Show', exact: true }).selectOption('regressions');
  await page.getByRole('button', { name: `Move ${llama.name} left` }).click();
  await page.locator('tr[data-example-id]').first().getByRole('rowheader').click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('j');
  const statsToggle = page.getByText('Is the difference real?');
  await statsToggle.click();
  await expect(page).toHaveURL(/stats=open/);
  await expect(page).toHaveURL(new RegExp(`sessions=${gpt.id},${llama.id},${claude.id}`));
  const before = await snapshot(page);

  const other = await freshPage(browser, page.url());
  const after = await snapshot(other);
  expect(after).toEqual(before);
  await other.context().close();
});

test('Copy link copies the current URL, without any key', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`${BASE}&only=errors`);
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByText('Link copied')).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(page.url());
  expect(copied.toLowerCase()).not.toContain('key=lsv2');
});

test('CSV and JSON exports hold one row per example and session of the view', async ({ page }) => {
  await page.goto(`${BASE}&only=regressions`);
  await expect(page.getByRole('grid', { name: 'Comparison matrix' })).toBeVisible();
  // The matrix renders only the rows in view; the status line counts them all.
  const status = await page.getByText(/^Showing \d+ of/).textContent();
  const rows = Number(/Showing (\d+)/.exec(status ?? '')?.[1]);
  expect(rows).toBeGreaterThan(0);

  const csvDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const csvPath = await (await csvDownload).path();
  const csv = readFileSync(csvPath, 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const parsed = Papa.parse<Record<string, string>>(csv.slice(1), {
    header: true,
    skipEmptyLines: true,
  });
  expect(parsed.errors).toEqual([]);
  const header = parsed.meta.fields ?? [];
  expect(header).toEqual(
    expect.arrayContaining([
      'example_id',
      'session_id',
      'session_name',
      'correctness',
      'delta_correctness',
    ]),
  );

  const jsonDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export JSON' }).click();
  const json = JSON.parse(readFileSync(await (await jsonDownload).path(), 'utf8'));
  expect(json.view).toBe(page.url());
  const exampleIds = new Set(json.rows.map((r: Record<string, unknown>) => r.example_id));
  expect(exampleIds.size).toBe(rows);
  expect(json.rows.length).toBeLessThanOrEqual(rows * 3);
  expect(json.rows.length).toBe(parsed.data.length);
  expect(parsed.data.map((r) => r.example_id)).toEqual(
    json.rows.map((r: Record<string, unknown>) => r.example_id),
  );
  expect(Array.isArray(json.statistics)).toBe(true);
});

test('the share and export buttons stand apart, each label on one line, wide or narrow', async ({
  page,
}) => {
  await page.goto(BASE);
  const download = page.getByRole('button', { name: 'Download snapshot' });
  await expect(download).toBeVisible();
  const names = ['Copy link', 'Export CSV', 'Export JSON', 'Download snapshot'];
  for (const width of [1440, 800]) {
    await page.setViewportSize({ width, height: 900 });
    await expect(download).toBeEnabled();
    const boxes = [];
    for (const name of names) {
      const box = await page.getByRole('button', { name, exact: true }).boundingBox();
      if (!box) throw new Error(`${name}: not laid out at ${width} px`);
      boxes.push({ name, ...box });
    }
    const oneLine = boxes[0]?.height ?? 0;
    for (const [i, box] of boxes.entries()) {
      expect(box.height, `${box.name} at ${width} px: its label wraps`).toBeLessThan(oneLine * 1.5);
      const next = boxes[i + 1];
      // Neighbours on the same row keep a gap between their borders.
      if (next && Math.abs(next.y - box.y) < oneLine / 2) {
        expect(
          next.x - (box.x + box.width),
          `${box.name} | ${next.name} at ${width} px`,
        ).toBeGreaterThanOrEqual(4);
      }
    }
  }
});
