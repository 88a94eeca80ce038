import { expect, type Page, test } from '@playwright/test';
import { datasetNamed, sessionNamed } from './support/demo-data';
import { expectNoPageErrors, trackPageErrors } from './support/page-guards';
import { matrix } from './support/pickers';

/**
 * A link to a comparison sends its group/runs requests from the page's first chunk, before
 * the app's code has evaluated (`versus:app-start`), and the page's query takes them over:
 * each request reaches the server once.
 */
const supportQa = datasetNamed('Support QA');
const gpt = sessionNamed(supportQa.id, 'gpt-4o-v1');
const claude = sessionNamed(supportQa.id, 'claude-3-5-sonnet-v2');
const view = `/?dataset=${supportQa.id}&sessions=${gpt.id},${claude.id}&groupBy=run_metadata&key=model`;

/** The limits of the group/runs requests the page sends, in order. */
function groupedRunsLimits(page: Page): number[] {
  const limits: number[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().includes('/group/runs')) {
      limits.push((request.postDataJSON() as { limit: number }).limit);
    }
  });
  return limits;
}

/** When (ms after navigation) the group/runs requests left, and when the app's code started. */
function timings(page: Page) {
  return page.evaluate(() => ({
    sent: performance
      .getEntriesByType('resource')
      .filter((e) => e.name.includes('/group/runs'))
      .map((e) => e.startTime),
    appStart: performance.getEntriesByName('versus:app-start', 'mark')[0]?.startTime ?? null,
  }));
}

test('a comparison link sends its request before the app has started, and only once', async ({
  page,
}) => {
  const errors = trackPageErrors(page);
  const limits = groupedRunsLimits(page);
  await page.goto(view);
  await expect(matrix(page).locator('tr[data-example-id]').first()).toBeVisible();
  expect(limits).toEqual([100]);
  const { sent, appStart } = await timings(page);
  expect(appStart).not.toBeNull();
  expect(sent).toHaveLength(1);
  expect(sent[0]).toBeLessThan(appStart ?? 0);
  expectNoPageErrors(errors);
});

test('a large page sends its first screen and itself early, each once', async ({ page }) => {
  const errors = trackPageErrors(page);
  const limits = groupedRunsLimits(page);
  await page.goto(`${view}&pageSize=500`);
  await expect(matrix(page).locator('tr[data-example-id]').first()).toBeVisible();
  await expect.poll(() => limits.length).toBe(2);
  expect(limits).toEqual([50, 500]);
  const { sent, appStart } = await timings(page);
  expect(sent).toHaveLength(2);
  for (const at of sent) expect(at).toBeLessThan(appStart ?? 0);
  expectNoPageErrors(errors);
});
