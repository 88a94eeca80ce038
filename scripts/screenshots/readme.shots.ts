import { expect, type Page, test } from '@playwright/test';
import { datasetNamed, sessionNamed } from '../../e2e/support/demo-data';

const supportQa = datasetNamed('Support QA');
const ids = ['gpt-4o-v1', 'gpt-4o-v2', 'claude-3-5-sonnet-v2', 'llama-3.1-70b-v2'].map(
  (name) => sessionNamed(supportQa.id, name).id,
);
const VIEW = `/?dataset=${supportQa.id}&sessions=${ids.join(',')}&groupBy=run_metadata&key=model`;
const OUT = 'docs/screenshots';

test.use({ viewport: { width: 1440, height: 900 } });

async function ready(page: Page) {
  await expect(page.getByRole('grid', { name: 'Comparison matrix' })).toBeVisible();
  await expect(page.getByRole('figure').first()).toBeVisible();
}

test('overview', async ({ page }) => {
  await page.goto(VIEW);
  await ready(page);
  await page.screenshot({ path: `${OUT}/overview.png` });
});

test('matrix with baseline deltas', async ({ page }) => {
  await page.goto(`${VIEW}&baseline=${ids[0]}&sort=-delta:${ids[2]}:correctness`);
  await ready(page);
  await page.getByRole('grid', { name: 'Comparison matrix' }).scrollIntoViewIfNeeded();
  await page
    .getByRole('grid', { name: 'Comparison matrix' })
    .screenshot({ path: `${OUT}/matrix.png` });
});

test('detail with diff', async ({ page }) => {
  await page.goto(VIEW);
  await ready(page);
  await page.locator('tr[data-example-id]').nth(1).getByRole('rowheader').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Diff vs baseline' }).first().click();
  await page.screenshot({ path: `${OUT}/detail.png` });
});

test('charts', async ({ page }) => {
  await page.goto(`${VIEW}&chart=cost`);
  await ready(page);
  await page
    .getByRole('figure', { name: /^Cost/ })
    .locator('..')
    .screenshot({ path: `${OUT}/charts.png` });
});

test('statistics', async ({ page }) => {
  await page.goto(`${VIEW}&stats=open&statsKey=correctness&pageSize=100`);
  await ready(page);
  const stats = page.getByRole('region', { name: 'Is the difference real?' });
  await stats.scrollIntoViewIfNeeded();
  await stats.screenshot({ path: `${OUT}/statistics.png` });
});

test.describe('dark theme', () => {
  test.use({ colorScheme: 'dark' });
  test('dark', async ({ page }) => {
    await page.goto(`${VIEW}&baseline=${ids[0]}`);
    await ready(page);
    await page.getByRole('grid', { name: 'Comparison matrix' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${OUT}/dark.png` });
  });
});
