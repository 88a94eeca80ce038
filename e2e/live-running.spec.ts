import { expect, type Page, test } from '@playwright/test';
import { STAND_IN_PORT } from '../playwright.config';
import { datasetNamed, sessionsOf } from './support/demo-data';
import { matrix } from './support/pickers';

/**
 * Live mode against the stand-in's running experiment: its runs arrive when the test moves
 * the stand-in's clock, and the page refetches on its own 10 s interval (the page's clock,
 * moved by the test too).
 */
const STAND_IN = `http://127.0.0.1:${STAND_IN_PORT}`;
const dataset = datasetNamed('Running experiment');
const [finished, running] = [...sessionsOf(dataset.id)].sort((a, b) => (a.name < b.name ? -1 : 1));

async function loaded(page: Page): Promise<number> {
  const text = await page.getByText(/^Showing \d+ of \d+ loaded example/).textContent();
  return Number(/of (\d+) loaded/.exec(text ?? '')?.[1] ?? Number.NaN);
}

test('a running experiment in LangSmith is refetched and its new runs appear', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-12-06T10:00:00Z') });
  await page.goto(
    `/?dataset=${dataset.id}&sessions=${finished?.id},${running?.id}&groupBy=run_metadata&key=model`,
  );
  const grid = matrix(page);
  await expect(grid).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /^Updating, last at/ })).toBeVisible();
  await expect(
    grid
      .getByRole('columnheader', { name: new RegExp(`^${running?.name}`) })
      .getByText('running', { exact: true }),
  ).toBeVisible();
  const before = await loaded(page);

  // Three more runs arrive in LangSmith; the page's next refresh shows them.
  await fetch(`${STAND_IN}/__stand-in/clock`, {
    method: 'POST',
    body: JSON.stringify({ advanceMs: 15_000 }),
  });
  await page.clock.fastForward(10_000);
  await expect.poll(() => loaded(page)).toBe(before + 3);
});
