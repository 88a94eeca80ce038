import { expect, type Page, test } from '@playwright/test';
import { datasetNamed, sessionNamed, sessionsOf } from './support/demo-data';
import { expectNoPageErrors, trackPageErrors } from './support/page-guards';
import { chooseWithMouse, keyBox, matrix } from './support/pickers';

/** The analyst's first screen (issue 14, item 12): what the page says before the comparison. */
const supportQa = datasetNamed('Support QA');
const four = ['gpt-4o-v1', 'claude-3-5-sonnet-v1', 'llama-3.1-70b-v1', 'gpt-4o-v2'].map((n) =>
  sessionNamed(supportQa.id, n),
);
const fourView = `/?dataset=${supportQa.id}&sessions=${four.map((s) => s.id).join(',')}&groupBy=run_metadata&key=model`;

const pickersRegion = (page: Page) => page.getByRole('region', { name: 'What to compare' });
const datasetBox = (page: Page) => page.getByRole('combobox', { name: 'Dataset' });
const notices = (page: Page) => page.getByRole('region', { name: 'Notices' });

test.describe('the pickers fold into a one-line summary once a comparison shows', () => {
  const summary = `${supportQa.name} · ${four.length} experiments · by model`;
  const summaryButton = (page: Page) => page.getByRole('button', { name: summary, exact: true });

  test('mouse: chosen by hand they stay open until folded; a link opens folded; click to edit', async ({
    page,
  }) => {
    test.setTimeout(60_000);
    const errors = trackPageErrors(page);
    await chooseWithMouse(page, {
      dataset: supportQa.name,
      experiments: four.map((s) => s.name),
      key: 'model',
    });
    // Still choosing: the pickers stay, with the chosen key in its field.
    await expect(summaryButton(page)).toHaveAttribute('aria-expanded', 'true');
    await expect(keyBox(page)).toHaveValue('model');

    const open = await pickersRegion(page).boundingBox();
    await summaryButton(page).click();
    await expect(summaryButton(page)).toHaveAttribute('aria-expanded', 'false');
    await expect(datasetBox(page)).toHaveCount(0);
    await expect(page.getByRole('group', { name: 'Experiments' })).toHaveCount(0);
    await expect(matrix(page)).toBeVisible();
    // One line instead of the pickers' screenful: the folded region is a button's height.
    const folded = await pickersRegion(page).boundingBox();
    expect(open?.height ?? 0).toBeGreaterThan(300);
    expect(folded?.height ?? Number.POSITIVE_INFINITY).toBeLessThan(80);

    // A link (here: a reload) opens on the comparison with the pickers folded.
    await page.reload();
    await expect(matrix(page)).toBeVisible();
    await expect(summaryButton(page)).toHaveAttribute('aria-expanded', 'false');
    await expect(datasetBox(page)).toHaveCount(0);

    // Click to edit: the pickers open, focus goes to their first field.
    await summaryButton(page).click();
    await expect(summaryButton(page)).toHaveAttribute('aria-expanded', 'true');
    await expect(datasetBox(page)).toHaveValue(supportQa.name);
    await expect(datasetBox(page)).toBeFocused();
    await expect(page.getByRole('checkbox', { name: four[0]?.name })).toBeChecked();
    await expectNoPageErrors(errors);
  });

  test('keyboard: the summary is a disclosure button; Enter opens, focus moves in and back', async ({
    page,
  }) => {
    await page.goto(fourView);
    await expect(matrix(page)).toBeVisible();
    const button = summaryButton(page);
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    const controls = await button.getAttribute('aria-controls');
    expect(controls).toBeTruthy();
    await button.focus();
    await page.keyboard.press('Enter');
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    await expect(datasetBox(page)).toBeFocused();
    await expect(page.locator(`[id="${controls}"]`)).toBeVisible();
    await page.keyboard.press('Shift+Tab');
    await expect(button).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    await expect(button).toBeFocused();
    await expect(datasetBox(page)).toHaveCount(0);
  });

  test('without a complete choice there is nothing to fold', async ({ page }) => {
    await page.goto(`/?dataset=${supportQa.id}`);
    await expect(datasetBox(page)).toHaveValue(supportQa.name);
    await expect(pickersRegion(page).getByRole('button', { name: / · by / })).toHaveCount(0);
    await expect(page.getByRole('group', { name: 'Experiments' })).toBeVisible();
  });
});

test('an unknown dataset says "Not found" and nothing else about it', async ({ page }) => {
  const errors = trackPageErrors(page);
  const unknown = '01234567-89ab-4cde-8f01-23456789abcd';
  expect(sessionsOf(unknown)).toHaveLength(0);
  await page.goto(`/?dataset=${unknown}&sessions=${four[0]?.id}&groupBy=run_metadata&key=model`);
  await expect(page.getByRole('alert').filter({ hasText: 'Not found' })).toHaveCount(1);
  await expect(page.getByText(/no experiments yet/)).toHaveCount(0);
  await expect(page.getByRole('group', { name: 'Experiments' })).toHaveCount(0);
  await expect(matrix(page)).toHaveCount(0);
  await expect(
    page.getByText('Choose a dataset to start comparing its experiments.'),
  ).toBeVisible();
  await expectNoPageErrors(errors);
});

test('chartKey that is not a numeric feedback key falls back with a notice', async ({ page }) => {
  await page.goto(`${fourView}&chart=feedback&chartKey=no-such-key`);
  await expect(matrix(page)).toBeVisible({ timeout: 20_000 });
  const key = page.getByRole('combobox', { name: 'Feedback key' });
  await expect(key).toBeVisible();
  const options = await key.locator('option').allTextContents();
  expect(options).not.toContain('no-such-key');
  await expect(key).toHaveValue(options[0] ?? '');
  await expect(notices(page)).toContainText('chartKey "no-such-key"');
  await expect(notices(page)).toContainText(options.join(', '));
  await expect(page).not.toHaveURL(/chartKey=/);
  await expect(page).toHaveURL(/chart=feedback/);
});

test('a group or statsKey the data does not have is dropped with a notice', async ({ page }) => {
  const errors = trackPageErrors(page);
  await page.goto(`${fourView}&group=no-such-model&statsKey=no-such-key&stats=open`);
  await expect(matrix(page)).toBeVisible({ timeout: 20_000 });
  await expect(notices(page)).toContainText(
    'Ignored group "no-such-model": no model has that value in these experiments',
  );
  await expect(notices(page)).toContainText('Ignored statsKey "no-such-key"');
  await expect(page).not.toHaveURL(/group=|statsKey=/);
  await expect(page).toHaveURL(/stats=open/);
  // Every group shows again: the matrix has rows, and no "shows only" line is left.
  await expect(page.getByText(/The matrix shows only/)).toHaveCount(0);
  await expect(matrix(page).getByRole('row').nth(1)).toBeVisible();
  // The notice names the keys to use instead: the statistics' own key list.
  const statsKey = page.getByRole('combobox', { name: 'Statistic for key' });
  const keys = await statsKey
    .locator('option')
    .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  expect(keys.length).toBeGreaterThan(0);
  await expect(notices(page)).toContainText(`use ${keys.slice(0, 8).join(', ')}`);
  await expectNoPageErrors(errors);
});

test('counts of one read in the singular: "1 experiment", never "1 experiments"', async ({
  page,
}) => {
  test.setTimeout(60_000);
  const fresh = datasetNamed('Fresh experiment');
  const freshSessions = sessionsOf(fresh.id);
  expect(freshSessions).toHaveLength(1);
  await page.goto('/');
  await page.getByRole('button', { name: 'Show datasets' }).click();
  const option = page.getByRole('option', { name: /^Fresh experiment/ });
  await expect(option).toContainText('1 experiment');
  await expect(option).not.toContainText('1 experiments');
  await option.click();
  await expect(pickersRegion(page)).toContainText('1 experiment');
  await expect(pickersRegion(page)).not.toContainText('1 experiments');

  const only = freshSessions[0];
  await page.getByRole('checkbox', { name: only?.name }).click();
  // Its runs have no metadata keys to suggest yet: the picker says so, and the key is typed.
  await keyBox(page).click();
  await expect(page.getByText(/runs have no metadata keys yet/)).toBeVisible();
  await keyBox(page).fill('model');
  await keyBox(page).press('Enter');
  await expect(page.getByRole('region', { name: 'Comparison' })).toBeVisible();
  await expect(
    page.getByRole('button', { name: `${fresh.name} · 1 experiment · by model`, exact: true }),
  ).toBeVisible();
  await expect(page.locator('body')).not.toContainText(/\b1 experiments\b/);
});

test.describe('a parameter given twice says which value was used', () => {
  const empty = datasetNamed('Empty dataset');

  test('the first dataset is used, and the notice names it', async ({ page }) => {
    await page.goto(`/?dataset=${supportQa.id}&dataset=${empty.id}`);
    await expect(notices(page)).toContainText(`"dataset" appeared 2 times`);
    await expect(notices(page)).toContainText(`the first, "${supportQa.id}", was used`);
    await expect(datasetBox(page)).toHaveValue(supportQa.name);
    await expect(page).not.toHaveURL(new RegExp(empty.id));
  });

  test('a first value that cannot be used is not claimed as used', async ({ page }) => {
    await page.goto(`${fourView}&chart=bogus&chart=cost`);
    await expect(matrix(page)).toBeVisible();
    await expect(notices(page)).toContainText('Ignored chart "bogus"');
    await expect(notices(page)).toContainText(`"chart" appeared 2 times`);
    await expect(notices(page)).toContainText('none was used: only the first, "bogus", was read');
    await expect(notices(page)).not.toContainText('"bogus", was used');
    await expect(page.getByRole('tab', { name: 'Latency' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
  });
});

test('a slow boot says "Loading Versus…" instead of a blank page, until the app replaces it', async ({
  page,
}) => {
  // The app's code arrives late, as on a slow connection.
  await page.route('**/assets/start-*.js', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  await page.goto('/', { waitUntil: 'commit' });
  await expect(page.getByRole('status').filter({ hasText: 'Loading Versus…' })).toBeVisible();
  await expect(page.getByText('Choose a dataset to start comparing')).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.getByText('Loading Versus…')).toHaveCount(0);
});
