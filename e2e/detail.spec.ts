import { expect, test } from '@playwright/test';
import { chooseComparison } from './support/choose-comparison';
import { datasetNamed, sessionNamed } from './support/demo-data';
import { expectNoPageErrors, trackPageErrors } from './support/page-guards';
import { matrix } from './support/pickers';

const supportQa = datasetNamed('Support QA');
const chosen = [
  'gpt-4o-v1',
  'claude-3-5-sonnet-v1',
  'llama-3.1-70b-v1',
  'gpt-4o-v2',
  'llama-3.1-70b-v2',
].map((part) => sessionNamed(supportQa.id, part));
const [baseline, candidate] = chosen;

test('the detail keeps the diff on while stepping, and shows every run of five experiments', async ({
  page,
}) => {
  const errors = trackPageErrors(page);
  await chooseComparison(page, {
    dataset: 'Support QA',
    experiments: chosen.map((s) => s.name),
    key: 'model',
  });
  await matrix(page).locator('tr[data-example-id]').first().getByRole('rowheader').click();
  const detail = page.getByRole('dialog');
  await expect(detail.getByText(/^1 of \d+$/)).toBeVisible();

  // Every experiment's runs lie inside the panel: none starts or ends past its right edge.
  const panel = await detail.boundingBox();
  expect(panel).not.toBeNull();
  const right = (panel?.x ?? 0) + (panel?.width ?? 0);
  for (const session of chosen) {
    // Read where it lies as laid out (scrolling it into view would hide a cut).
    const box = await detail.getByRole('region', { name: session.name }).boundingBox();
    expect(box, session.name).not.toBeNull();
    expect((box?.x ?? 0) + (box?.width ?? 0), `${session.name}'s right edge`).toBeLessThanOrEqual(
      right,
    );
  }

  // The diff against the baseline, turned on for one run, stays on from example to example.
  const runOf = () => detail.getByRole('region', { name: candidate?.name ?? '' });
  const diffButton = () => runOf().getByRole('button', { name: 'Diff vs baseline' });
  await runOf().scrollIntoViewIfNeeded();
  await diffButton().click();
  await expect(diffButton()).toHaveAttribute('aria-pressed', 'true');
  await expect(runOf().getByText('Removed words are struck through')).toBeAttached();
  const firstId = new URL(page.url()).searchParams.get('example');

  await detail.getByRole('button', { name: 'Next example' }).click();
  await expect(detail.getByText(/^2 of \d+$/)).toBeVisible();
  expect(new URL(page.url()).searchParams.get('example')).not.toBe(firstId);
  await expect(diffButton()).toHaveAttribute('aria-pressed', 'true');
  await expect(runOf().getByText('Removed words are struck through')).toBeAttached();

  await page.keyboard.press('j');
  await expect(detail.getByText(/^3 of \d+$/)).toBeVisible();
  await expect(diffButton()).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('k');
  await expect(detail.getByText(/^2 of \d+$/)).toBeVisible();
  await expect(diffButton()).toHaveAttribute('aria-pressed', 'true');

  // Turned off, it stays off; the baseline's own run never had one.
  await runOf().getByRole('button', { name: 'Output' }).click();
  await page.keyboard.press('j');
  await expect(detail.getByText(/^3 of \d+$/)).toBeVisible();
  await expect(diffButton()).toHaveAttribute('aria-pressed', 'false');
  await expect(
    detail
      .getByRole('region', { name: `${baseline?.name} (baseline)` })
      .getByRole('button', { name: 'Diff vs baseline' }),
  ).toHaveCount(0);
  await expectNoPageErrors(errors);
});
