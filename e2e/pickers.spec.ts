import { expect, test } from '@playwright/test';
import { datasetNamed, sessionNamed, sessionsOf } from './support/demo-data';
import { expectNoPageErrors, trackPageErrors } from './support/page-guards';
import { chooseWithMouse, keyBox, matrix } from './support/pickers';

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
  // A page that opens on a comparison folds the pickers into one line; a click unfolds them.
  const summary = page.getByRole('button', { name: 'Support QA · 2 experiments · by model' });
  await expect(summary).toHaveAttribute('aria-expanded', 'false');
  await summary.click();
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
  await expect(page.getByRole('grid', { name: 'Comparison matrix' })).toBeVisible();
  // The pickers (folded: the link opened on a comparison) show the fallback.
  await page.getByRole('button', { name: 'Support QA · 1 experiment · by model' }).click();
  await expect(page.getByRole('radio', { name: 'Run metadata' })).toBeChecked();
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

test.describe('a metadata key chosen from the list stays until it is cleared', () => {
  const gptV1 = sessionNamed(supportQa.id, 'gpt-4o-v1');
  const claudeV1 = sessionNamed(supportQa.id, 'claude-3-5-sonnet-v1');
  const awaitingKey = `/?dataset=${supportQa.id}&sessions=${gptV1.id},${claudeV1.id}&groupBy=run_metadata`;
  const keyParam = (url: string) => new URL(url).searchParams.get('key');

  test('mouse: a clicked key shows in the input, survives a click on a chart tab, and only Clear removes it', async ({
    page,
  }) => {
    const errors = trackPageErrors(page);
    await chooseWithMouse(page, {
      dataset: 'Support QA',
      experiments: [gptV1.name, claudeV1.name],
      key: 'model',
    });
    await expect(keyBox(page)).toHaveValue('model');
    expect(keyParam(page.url())).toBe('model');

    // Clicking elsewhere (the Cost tab) blurs the key's input: the key and the comparison stay.
    await page.getByRole('tab', { name: 'Cost' }).click();
    await expect(page).toHaveURL(/chart=cost/);
    await expect(keyBox(page)).toHaveValue('model');
    expect(keyParam(page.url())).toBe('model');
    await expect(matrix(page)).toBeVisible();

    // Emptying the text is not a clear: leaving the field brings the chosen key back.
    await keyBox(page).click();
    await keyBox(page).fill('');
    await page.getByRole('tab', { name: 'Latency' }).click();
    await expect(keyBox(page)).toHaveValue('model');
    expect(keyParam(page.url())).toBe('model');
    await expect(matrix(page)).toBeVisible();

    // The explicit clear removes it, says what to do next and leaves focus in the field.
    await page.getByRole('button', { name: 'Clear metadata key' }).click();
    await expect(page).not.toHaveURL(/[?&]key=/);
    await expect(keyBox(page)).toHaveValue('');
    await expect(keyBox(page)).toBeFocused();
    await expect(page.getByText(/^Choose a metadata key/)).toBeVisible();
    await expect(matrix(page)).toHaveCount(0);

    // Back brings the key (and its text) back: the input follows the URL.
    await page.goBack();
    await expect(keyBox(page)).toHaveValue('model');
    await expect(matrix(page)).toBeVisible();
    await expectNoPageErrors(errors);
  });

  test('keyboard: arrow + Enter and typed + Enter choose a key, Tab keeps it, Clear removes it', async ({
    page,
  }) => {
    const errors = trackPageErrors(page);
    await page.goto(awaitingKey);
    await keyBox(page).focus();
    const model = page.getByRole('option', { name: /^model / });
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('ArrowDown');
      if ((await model.getAttribute('aria-selected')) === 'true') break;
    }
    await expect(model).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Enter');
    await expect(keyBox(page)).toHaveValue('model');
    await expect(page).toHaveURL(/[?&]key=model(&|$)/);
    await page.keyboard.press('Tab');
    await expect(keyBox(page)).not.toBeFocused();
    await expect(keyBox(page)).toHaveValue('model');
    await expect(matrix(page)).toBeVisible();
    expect(keyParam(page.url())).toBe('model');

    // Typed + Enter: another key of the runs' metadata.
    await keyBox(page).focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('prompt_version');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/[?&]key=prompt_version(&|$)/);
    await page.keyboard.press('Tab');
    await expect(keyBox(page)).toHaveValue('prompt_version');
    await expect(page.getByRole('heading', { name: 'By prompt_version' })).toBeVisible();

    // Escape with the list closed takes back what was typed, not the key.
    await keyBox(page).focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('tempera');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expect(keyBox(page)).toHaveValue('prompt_version');
    expect(keyParam(page.url())).toBe('prompt_version');

    // Typed text is committed when focus leaves the picker, also by way of its Clear button.
    await keyBox(page).focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('model');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Clear metadata key' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page).toHaveURL(/[?&]key=model(&|$)/);
    await expect(keyBox(page)).toHaveValue('model');

    // The clear control is the next stop after the field.
    await keyBox(page).focus();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Clear metadata key' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).not.toHaveURL(/[?&]key=/);
    await expect(keyBox(page)).toHaveValue('');
    await expect(keyBox(page)).toBeFocused();
    await expectNoPageErrors(errors);
  });
});
