import { expect, test } from '@playwright/test';
import { datasetNamed, sessionNamed, sessionsOf } from './support/demo-data';
import { expectNoPageErrors, trackPageErrors } from './support/page-guards';

const supportQa = datasetNamed('Support QA');

test('demo mode: from an empty URL to a chosen view through the pickers, and back after reload', async ({
  page,
}) => {
  const errors = trackPageErrors(page);
  await page.goto('/');
  await expect(page.getByText('Demo data', { exact: true })).toBeVisible();

  const datasetBox = page.getByRole('combobox', { name: 'Dataset' });
  await datasetBox.click();
  await datasetBox.fill('support');
  await page.getByRole('option', { name: /Support QA/ }).click();
  await expect(page).toHaveURL(new RegExp(`dataset=${supportQa.id}`));

  const gpt4oV1 = sessionNamed(supportQa.id, 'gpt-4o-v1');
  const claudeV1 = sessionNamed(supportQa.id, 'claude-3-5-sonnet-v1');
  const experiments = page.getByRole('group', { name: 'Experiments' });
  await expect(experiments.getByRole('checkbox')).toHaveCount(sessionsOf(supportQa.id).length);
  await experiments.getByRole('checkbox', { name: gpt4oV1.name }).check();
  await experiments.getByRole('checkbox', { name: claudeV1.name }).check();
  await expect(page).toHaveURL(new RegExp(`sessions=${gpt4oV1.id},${claudeV1.id}`));

  await expect(page.getByRole('radio', { name: 'Run metadata' })).toBeChecked();
  const keyBox = page.getByRole('combobox', { name: 'Metadata key' });
  await keyBox.click();
  const grouped = page.waitForResponse((r) => r.url().includes('/group/runs') && r.ok());
  await page.getByRole('option', { name: /^model/ }).click();
  await expect(page).toHaveURL(/groupBy=run_metadata&key=model/);

  const body = await (await grouped).json();
  const cards = page.getByRole('region', { name: 'Group summary' }).getByRole('listitem');
  await expect(cards).toHaveCount(body.groups.length);
  for (const group of body.groups) {
    const card = page.locator(`[data-group-key="${group.group_key}"]`);
    await expect(card.getByRole('heading')).toHaveText(`model = ${group.group_key}`);
    await expect(
      card.getByText(String(group.example_count), { exact: true }).first(),
    ).toBeVisible();
  }

  const url = page.url();
  await page.reload();
  await expect(page).toHaveURL(url);
  await expect(page.getByRole('combobox', { name: 'Dataset' })).toHaveValue('Support QA');
  await expect(page.getByRole('checkbox', { name: gpt4oV1.name })).toBeChecked();
  await expect(page.getByRole('combobox', { name: 'Metadata key' })).toHaveValue('model');
  await expect(cards).toHaveCount(body.groups.length);
  await expectNoPageErrors(errors);
});

test('a URL with bad values shows a notice and falls back, never a blank page', async ({
  page,
}) => {
  const errors = trackPageErrors(page);
  await page.goto(
    `/?dataset=${supportQa.id}&sessions=not-a-uuid,${sessionsOf(supportQa.id)[0]?.id}&groupBy=feelings&key=model&junk=1`,
  );
  const notices = page.getByRole('region', { name: 'Notices' });
  await expect(notices).toContainText('not valid');
  await expect(notices).toContainText('groupBy "feelings"');
  await expect(notices).toContainText('"junk"');
  await expect(page.getByRole('radio', { name: 'Run metadata' })).toBeChecked();
  await expect(page.getByRole('grid', { name: 'Comparison matrix' })).toBeVisible();
  await expectNoPageErrors(errors);
});

test('experiments in a link that are not in the dataset are dropped with a notice', async ({
  page,
}) => {
  const stranger = '01234567-89ab-4cde-8f01-23456789abcd';
  const known = sessionsOf(supportQa.id)[0]?.id;
  await page.goto(
    `/?dataset=${supportQa.id}&sessions=${known},${stranger}&groupBy=run_metadata&key=model`,
  );
  await expect(page.getByRole('region', { name: 'Notices' })).toContainText(
    'not found in this dataset',
  );
  await expect(page).not.toHaveURL(new RegExp(stranger));
  await expect(page.getByRole('grid', { name: 'Comparison matrix' })).toBeVisible();
});
