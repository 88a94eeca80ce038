import { expect, test } from '@playwright/test';
import { chooseComparison } from './support/choose-comparison';
import { datasetNamed, sessionNamed } from './support/demo-data';
import { expectNoPageErrors, trackPageErrors } from './support/page-guards';
import { matrix } from './support/pickers';

const supportQa = datasetNamed('Support QA');
const baseline = sessionNamed(supportQa.id, 'gpt-4o-v1');
const candidate = sessionNamed(supportQa.id, 'claude-3-5-sonnet-v1');
const DEMO_REASON = 'Demo data: these experiments are not in LangSmith';

test('demo data shows the links into LangSmith disabled, with the reason', async ({ page }) => {
  const errors = trackPageErrors(page);
  await chooseComparison(page, {
    dataset: 'Support QA',
    experiments: [baseline.name, candidate.name],
    key: 'model',
  });
  const grid = matrix(page);
  await expect(grid).toBeVisible();

  const dataset = page.getByRole('link', { name: /^Open in LangSmith: dataset Support QA/ });
  await expect(dataset).toHaveAttribute('aria-disabled', 'true');
  await expect(dataset).not.toHaveAttribute('href', /./);
  await expect(dataset).toHaveAccessibleDescription(DEMO_REASON);
  await expect(page.getByText(DEMO_REASON).first()).toBeVisible();

  for (const session of [baseline, candidate]) {
    const header = grid.getByRole('link', {
      name: `Open in LangSmith: experiment ${session.name}`,
    });
    await expect(header).toHaveAttribute('aria-disabled', 'true');
    await expect(header).toHaveAccessibleDescription(DEMO_REASON);
  }
  const cellLink = grid
    .locator(`td[data-session-id="${candidate.id}"]`)
    .first()
    .getByRole('link', { name: `Open in LangSmith: trace of ${candidate.name}'s run` });
  await expect(cellLink).toHaveAttribute('aria-disabled', 'true');
  await expect(cellLink).not.toHaveAttribute('href', /./);

  await grid.locator('tr[data-example-id]').first().getByRole('rowheader').click();
  const detail = page.getByRole('dialog');
  const run = detail
    .getByRole('region', { name: `${baseline.name} (baseline)` })
    .getByRole('link', { name: /^Open in LangSmith: trace of/ })
    .first();
  await expect(run).toHaveAttribute('aria-disabled', 'true');
  await expect(detail.getByText(DEMO_REASON).first()).toBeVisible();
  await expect(run).toBeDisabled();
  await expectNoPageErrors(errors);
});
