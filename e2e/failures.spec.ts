import { expect, type Page, test } from '@playwright/test';
import type { ScenarioName, ScenarioOptions } from '../src/mocks/scenarios';
import { datasetNamed, sessionNamed } from './support/demo-data';
import { expectNoPageErrors, trackPageErrors } from './support/page-guards';

/**
 * How the app meets a broken server: each scenario swaps in MSW handlers in the page's demo
 * worker, then opens a view. Every test checks the message, that what loaded stays on
 * screen, and that nothing threw.
 */
const supportQa = datasetNamed('Support QA');
const gpt = sessionNamed(supportQa.id, 'gpt-4o-v1');
const claude = sessionNamed(supportQa.id, 'claude-3-5-sonnet-v1');
const VIEW = `/?dataset=${supportQa.id}&sessions=${gpt.id},${claude.id}&groupBy=run_metadata&key=model`;

async function openWithScenario(
  page: Page,
  scenario: ScenarioName,
  options: ScenarioOptions = {},
  url = VIEW,
) {
  await page.goto('/');
  await page.waitForFunction(() => window.versusDemo !== undefined);
  await page.evaluate(([s, o]) => window.versusDemo?.use(s, o), [scenario, options] as const);
  await navigate(page, url);
}

async function navigate(page: Page, url: string) {
  await page.evaluate((u) => {
    history.pushState(null, '', u);
    dispatchEvent(new PopStateEvent('popstate'));
  }, url);
}

const grid = (page: Page) => page.getByRole('grid', { name: 'Comparison matrix' });
const alertWith = (page: Page, text: string | RegExp) =>
  page.getByRole('alert').filter({ hasText: text }).first();

test('401: says the key is missing or wrong and how to set it', async ({ page }) => {
  const errors = trackPageErrors(page);
  await openWithScenario(page, 'unauthorized');
  await expect(alertWith(page, 'LANGSMITH_API_KEY')).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Dataset' })).toBeVisible();
  await expectNoPageErrors(errors);
});

test('404: says what was not found', async ({ page }) => {
  const errors = trackPageErrors(page);
  await openWithScenario(page, 'dataset-not-found');
  await expect(alertWith(page, 'Dataset not found')).toBeVisible();
  await expectNoPageErrors(errors);
});

test("422: shows the server's validation messages", async ({ page }) => {
  const errors = trackPageErrors(page);
  await openWithScenario(page, 'validation-error');
  await expect(alertWith(page, 'body.metadata_key: Field required')).toBeVisible();
  await expectNoPageErrors(errors);
});

test('429: retries with a visible state, honouring Retry-After, then shows the data', async ({
  page,
}) => {
  const errors = trackPageErrors(page);
  await openWithScenario(page, 'rate-limited-then-ok', { failures: 2 });
  await expect(page.getByRole('status').filter({ hasText: /Retrying/ })).toBeVisible();
  await expect(grid(page)).toBeVisible({ timeout: 15_000 });
  await expectNoPageErrors(errors);
});

test('5xx: after the retries an error with a Retry button that recovers', async ({ page }) => {
  test.setTimeout(45_000);
  const errors = trackPageErrors(page);
  await openWithScenario(page, 'server-error');
  const alert = alertWith(page, 'server error');
  await expect(alert).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('group', { name: 'Experiments' })).toBeVisible();
  await page.evaluate(() => window.versusDemo?.reset());
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(grid(page)).toBeVisible({ timeout: 15_000 });
  await expectNoPageErrors(errors);
});

test('network failure: said as such, with Retry', async ({ page }) => {
  test.setTimeout(45_000);
  const errors = trackPageErrors(page);
  await openWithScenario(page, 'network-error');
  const alert = alertWith(page, 'Could not reach the server');
  await expect(alert).toBeVisible({ timeout: 20_000 });
  await expect(alert.getByRole('button', { name: 'Retry' })).toBeVisible();
  await expectNoPageErrors(errors);
});

test('offline: announced, and the loaded view stays', async ({ page, context }) => {
  await page.goto(VIEW);
  await expect(grid(page)).toBeVisible();
  await context.setOffline(true);
  await expect(alertWith(page, 'You are offline')).toBeVisible();
  await expect(grid(page)).toBeVisible();
  await context.setOffline(false);
  await expect(alertWith(page, 'You are offline')).toHaveCount(0);
});

test('a response that is not JSON is an error with its first bytes', async ({ page }) => {
  const errors = trackPageErrors(page);
  await openWithScenario(page, 'not-json');
  await expect(alertWith(page, '502 Bad Gateway')).toBeVisible();
  await expectNoPageErrors(errors);
});

test('a response without groups is an error, not a blank page', async ({ page }) => {
  const errors = trackPageErrors(page);
  await openWithScenario(page, 'not-an-object');
  await expect(alertWith(page, 'Expected an object with "groups"')).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Dataset' })).toBeVisible();
  await expectNoPageErrors(errors);
});

test('malformed items are set aside with their paths; everything else renders', async ({
  page,
}) => {
  const errors = trackPageErrors(page);
  await openWithScenario(page, 'malformed-items');
  const notice = page.getByText(/3 items could not be read/);
  await expect(notice).toBeVisible();
  await notice.click();
  await expect(page.getByText('groups[0].examples[0].runs[0].session_id')).toBeVisible();
  // The reason in zod's English wording, as the built app says it (its locale is configured).
  await expect(
    page.getByRole('listitem').filter({ hasText: 'groups[0].examples[0].runs[0].session_id' }),
  ).toContainText('Invalid input: expected string, received number (got 42)');
  await expect(grid(page)).toBeVisible();
  await expectNoPageErrors(errors);
});

test('script-like strings are shown as text and never run', async ({ page }) => {
  const errors = trackPageErrors(page);
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await openWithScenario(page, 'hostile-strings');
  await expect(grid(page)).toBeVisible();
  await expect(
    grid(page).getByText('<img src=x onerror=alert(1)>', { exact: false }).first(),
  ).toBeVisible();
  await page.locator('tr[data-example-id]').first().getByRole('rowheader').click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.locator('a[href^="javascript:"]')).toHaveCount(0);
  expect(dialogs).toEqual([]);
  await expectNoPageErrors(errors);
});

test('20 view changes in 2 seconds end on the last view', async ({ page }) => {
  const errors = trackPageErrors(page);
  await page.goto(VIEW);
  await expect(grid(page)).toBeVisible();
  for (let i = 0; i < 20; i++) {
    const key = i === 19 ? 'prompt_version' : i % 2 ? 'model' : 'prompt_version';
    const sessions = i % 3 ? `${gpt.id},${claude.id}` : `${claude.id},${gpt.id}`;
    await navigate(
      page,
      `/?dataset=${supportQa.id}&sessions=${sessions}&groupBy=run_metadata&key=${key}`,
    );
    await page.waitForTimeout(50);
  }
  await expect(page.getByRole('heading', { name: 'By prompt_version' })).toBeVisible();
  const cards = page
    .getByRole('region', { name: 'Group summary' })
    .getByRole('heading', { level: 3 });
  await expect(cards).toHaveText(['prompt_version = v1']);
  await expectNoPageErrors(errors);
});
