import { expect, type Page, test } from '@playwright/test';
import { chooseComparison } from './support/choose-comparison';
import { datasetNamed, sessionsOf } from './support/demo-data';
import { expectNoPageErrors, trackPageErrors } from './support/page-guards';
import { matrix } from './support/pickers';

/**
 * The demo's running experiment: its runs arrive one every 5 s after the demo starts, by the
 * page's clock, which the test controls (Playwright's clock), so arrivals and the 10 s
 * refresh happen when the test says.
 */
const dataset = datasetNamed('Running experiment');
const [finished, running] = [...sessionsOf(dataset.id)].sort((a, b) => (a.name < b.name ? -1 : 1));
const START = new Date('2026-12-06T10:00:00Z');

const rows = (page: Page) => matrix(page).locator('tr[data-example-id]');
/** Examples loaded, as the matrix's status says (its rows are virtualised: not all are in the DOM). */
async function loaded(page: Page): Promise<number> {
  const text = await page.getByText(/^Showing \d+ of \d+ loaded example/).textContent();
  return Number(/of (\d+) loaded/.exec(text ?? '')?.[1] ?? Number.NaN);
}
const liveStatus = (page: Page) => page.getByRole('status').filter({ hasText: /^Updat/ });

async function openRunning(page: Page) {
  await page.clock.install({ time: START });
  await chooseComparison(page, {
    dataset: 'Running experiment',
    experiments: [finished?.name ?? '', running?.name ?? ''],
    key: 'model',
  });
}

test('a running experiment is refetched every 10 s: new rows appear in place, the rest stays', async ({
  page,
}) => {
  const errors = trackPageErrors(page);
  await openRunning(page);
  await expect(liveStatus(page)).toContainText(/^Updating, last at \d\d:\d\d:\d\d/);
  const grid = matrix(page);
  const header = grid.getByRole('columnheader', { name: new RegExp(`^${running?.name}`) });
  await expect(header.getByText('running', { exact: true })).toBeVisible();
  await expect(
    grid
      .getByRole('columnheader', { name: new RegExp(`^${finished?.name}`) })
      .getByText('running', { exact: true }),
  ).toHaveCount(0);

  // The open detail, the URL (sort, filters, selection) and the focus stay through a refresh.
  const before = await loaded(page);
  const first = rows(page).first();
  const firstId = await first.getAttribute('data-example-id');
  await first.getByRole('rowheader').click();
  await expect(page.getByRole('dialog')).toBeVisible();
  const url = page.url();

  await page.clock.fastForward(10_000);
  await expect.poll(() => loaded(page)).toBeGreaterThan(before);
  const after = await loaded(page);
  // Rows that arrived flash once.
  await expect(grid.locator('tr.is-changed').first()).toBeAttached();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expect(grid.locator(`tr[data-example-id="${firstId}"]`)).toHaveAttribute(
    'aria-selected',
    'true',
  );
  expect(page.url()).toBe(url);

  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
  // Paused, nothing is asked: the rows stay as they are however long it waits.
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(liveStatus(page)).toContainText(/^Updates paused, last at/);
  await page.clock.fastForward(30_000);
  await page.waitForTimeout(500);
  expect(await loaded(page)).toBe(after);
  // Resumed, it asks at once: the runs that arrived meanwhile appear.
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(liveStatus(page)).toContainText(/^Updating, last at/);
  await expect.poll(() => loaded(page)).toBeGreaterThan(after);

  // Once every run is in and the experiment has an end time, the refresh stops and says so.
  await page.clock.fastForward(150_000);
  await page.clock.fastForward(10_000);
  await page.clock.fastForward(20_000);
  await expect.poll(() => loaded(page)).toBe(24);
  // The answer that brought the last runs also showed them grow, which asks for one more
  // look (a server may never set end times); when it lands after the jumps above (a slow
  // machine), that look is 10 s of the page's clock away.
  await page.clock.fastForward(10_000);
  await expect(liveStatus(page)).toHaveCount(0);
  await expect(header.getByText('running', { exact: true })).toHaveCount(0);
  await expectNoPageErrors(errors);
});

test('the statistics say the data is still coming in', async ({ page }) => {
  await openRunning(page);
  await page.getByRole('button', { name: 'Is the difference real?' }).click();
  await expect(page.getByText(/The data is still coming in: .* is still running/)).toBeVisible();
});

test('live=off in the URL turns the refresh off', async ({ page }) => {
  await page.clock.install({ time: START });
  await page.goto(
    `/?dataset=${dataset.id}&sessions=${finished?.id},${running?.id}&groupBy=run_metadata&key=model&live=off`,
  );
  await expect(matrix(page)).toBeVisible();
  const before = await loaded(page);
  await expect(liveStatus(page)).toHaveCount(0);
  await page.clock.fastForward(30_000);
  await page.waitForTimeout(500);
  expect(await loaded(page)).toBe(before);
});
