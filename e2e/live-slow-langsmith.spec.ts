import { expect, type Page, type Route, test } from '@playwright/test';
import { datasetNamed, sessionNamed } from './support/demo-data';

/**
 * A LangSmith that is slow to answer group/runs (page.route holds the request: no answer
 * comes). The page's clock is run forward instead of waiting for real: after 10 s the page says it is still waiting (with the time and Cancel),
 * at 30 s without an answer it shows an alert with Retry, and it never asks again on its own.
 */
const supportQa = datasetNamed('Support QA');
const gpt = sessionNamed(supportQa.id, 'gpt-4o-v1');
const claude = sessionNamed(supportQa.id, 'claude-3-5-sonnet-v2');
const LINK = `/?dataset=${supportQa.id}&sessions=${gpt.id},${claude.id}&groupBy=run_metadata&key=model`;

/** Holds every group/runs request until `release`; counts them. */
async function holdGroupRuns(page: Page) {
  const held: Route[] = [];
  let holding = true;
  await page.route('**/api/v1/datasets/*/group/runs', async (route) => {
    if (!holding) return route.continue();
    held.push(route);
  });
  return {
    count: () => held.length,
    release: async () => {
      holding = false;
      // Requests the page gave up on are gone; those still open go on to the server.
      await Promise.all(held.map((r) => r.continue().catch(() => undefined)));
    },
  };
}

test('a slow answer is said after 10 s; at 30 s an alert with Retry, without automatic retries', async ({
  page,
}) => {
  await page.clock.install();
  const groupRuns = await holdGroupRuns(page);
  await page.goto(LINK);
  await expect(page.getByText('Loading the comparison…')).toBeVisible();
  await expect.poll(groupRuns.count).toBe(1);

  // The page's time also flows on its own: only "after ten seconds" is certain here (the
  // exact threshold is a unit test's).
  await page.clock.runFor(11_000);
  const waiting = page
    .getByRole('status')
    .filter({ hasText: 'Still waiting for the grouped runs' });
  await expect(waiting).toContainText(/\d+ s so far/);
  await expect(waiting.getByRole('button', { name: 'Cancel' })).toBeVisible();

  await page.clock.runFor(20_000);
  // The comparison's own alert (a pickers' request caught by the same clock jump may time out
  // too, with its own alert and Retry).
  const alert = page
    .getByRole('region', { name: 'Comparison' })
    .getByRole('alert')
    .filter({ hasText: 'took too long' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('did not start to answer within 30 s');
  await expect(waiting).toHaveCount(0);
  // No silent retries: a minute on, the request was still sent once.
  await page.clock.runFor(60_000);
  expect(groupRuns.count()).toBe(1);

  await groupRuns.release();
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('grid', { name: 'Comparison matrix' })).toBeVisible();
});

test('Cancel stops the wait and offers to try again', async ({ page }) => {
  await page.clock.install();
  const groupRuns = await holdGroupRuns(page);
  await page.goto(LINK);
  await expect.poll(groupRuns.count).toBe(1);
  await page.clock.runFor(12_000);
  await page.getByRole('button', { name: 'Cancel' }).click();
  const cancelled = page.getByRole('status').filter({ hasText: 'was cancelled' });
  await expect(cancelled).toBeVisible();
  await expect(page.getByText('Loading the comparison…')).toHaveCount(0);
  await groupRuns.release();
  await cancelled.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('grid', { name: 'Comparison matrix' })).toBeVisible();
});
