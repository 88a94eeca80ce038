import { expect, test } from '@playwright/test';
import { chooseComparison, type GroupedBody } from './support/choose-comparison';
import { datasetNamed, sessionNamed } from './support/demo-data';
import { expectNoPageErrors, trackPageErrors } from './support/page-guards';
import { matrix } from './support/pickers';

const supportQa = datasetNamed('Support QA');
const baseline = sessionNamed(supportQa.id, 'gpt-4o-v1');
const claude = sessionNamed(supportQa.id, 'claude-3-5-sonnet-v1');
const llama = sessionNamed(supportQa.id, 'llama-3.1-70b-v2');
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Each example's mean score of a key for an experiment, from the API's per-run averages. */
function meanScores(body: GroupedBody, sessionId: string, key: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const group of body.groups) {
    for (const example of group.examples) {
      const scores = example.runs
        .filter((r) => r.session_id === sessionId)
        .map((r) => r.feedback_stats?.[key]?.avg)
        .filter((v): v is number => typeof v === 'number');
      if (scores.length > 0 && !out.has(example.id)) {
        out.set(example.id, scores.reduce((a, b) => a + b, 0) / scores.length);
      }
    }
  }
  return out;
}

/** The examples where `sessionId` scored lower (regressed) or higher than the baseline. */
function changed(body: GroupedBody, sessionId: string, key: string, sign: -1 | 1): Set<string> {
  const base = meanScores(body, baseline.id, key);
  const ids = new Set<string>();
  for (const [id, score] of meanScores(body, sessionId, key)) {
    const reference = base.get(id);
    if (reference !== undefined && (score - reference) * sign > 1e-9) ids.add(id);
  }
  return ids;
}

test('one experiment’s regressions: from its header’s ▼N, in the URL and toolbar, stepped with j/k', async ({
  page,
}) => {
  // It steps through every one of some 40 examples.
  test.slow();
  const errors = trackPageErrors(page);
  const body = await chooseComparison(page, {
    dataset: 'Support QA',
    experiments: [baseline.name, claude.name, llama.name],
    key: 'model',
  });
  const grid = matrix(page);
  const status = page.getByRole('status').filter({ hasText: /^Showing/ });
  const regressed = changed(body, llama.id, 'correctness', -1);
  expect(regressed.size).toBeGreaterThan(2);

  // The header says how many of llama's examples lost correctness, and the count is a button.
  const count = grid.getByRole('button', {
    name: `Show the ${regressed.size} regressions of ${llama.name} on correctness`,
  });
  await expect(count).toHaveText(`▼${regressed.size}`);
  await count.click();
  await expect(page).toHaveURL(
    new RegExp(`only=regressions&onlyKey=correctness&onlySession=${llama.id}`),
  );
  await expect(count).toHaveAttribute('aria-pressed', 'true');
  await expect(status).toHaveText(new RegExp(`^Showing ${regressed.size} of 80 loaded`));
  const shown = await grid
    .locator('tr[data-example-id]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-example-id') ?? ''));
  expect(shown.length).toBeGreaterThan(0);
  for (const id of shown) expect(regressed.has(id), id).toBe(true);

  // The toolbar says whose regressions these are.
  await expect(page.getByRole('combobox', { name: 'Show', exact: true })).toHaveValue(
    'regressions',
  );
  await expect(page.getByRole('combobox', { name: 'On key' })).toHaveValue('correctness');
  await expect(page.getByRole('combobox', { name: 'Of experiment' })).toHaveValue(llama.id);

  // The detail steps through those examples only: first with the mouse, then j and k.
  await grid.locator('tr[data-example-id]').first().getByRole('rowheader').click();
  const detail = page.getByRole('dialog');
  await expect(detail.getByText(`1 of ${regressed.size}`, { exact: true })).toBeVisible();
  const openId = () => new URL(page.url()).searchParams.get('example') ?? '';
  const visited = [openId()];
  await detail.getByRole('button', { name: 'Next example' }).click();
  await expect(detail.getByText(`2 of ${regressed.size}`, { exact: true })).toBeVisible();
  visited.push(openId());
  for (let i = 3; i <= regressed.size; i++) {
    await page.keyboard.press('j');
    await expect(detail.getByText(`${i} of ${regressed.size}`, { exact: true })).toBeVisible();
    visited.push(openId());
  }
  expect(new Set(visited)).toEqual(regressed);
  await page.keyboard.press('k');
  await expect(detail.getByText(`${regressed.size - 1} of ${regressed.size}`)).toBeVisible();
  await detail.getByRole('button', { name: 'Close' }).click();

  // Pressed again, the count shows every example.
  await count.click();
  await expect(page).not.toHaveURL(/only=|onlySession=/);
  await expect(status).toHaveText(/^Showing 80 of 80 loaded/);

  // Improvements of the other candidate, then widened to any experiment from the toolbar.
  const improved = changed(body, claude.id, 'helpfulness', 1);
  await grid
    .getByRole('button', {
      name: new RegExp(
        `^Show the ${improved.size} improvements? of ${escapeRegExp(claude.name)} on helpfulness$`,
      ),
    })
    .click();
  await expect(page).toHaveURL(
    new RegExp(`only=improvements&onlyKey=helpfulness&onlySession=${claude.id}`),
  );
  await expect(status).toHaveText(new RegExp(`^Showing ${improved.size} of 80 loaded`));
  await page.getByRole('combobox', { name: 'Of experiment' }).selectOption('');
  await expect(page).not.toHaveURL(/onlySession=/);
  await expect(page).toHaveURL(/only=improvements&onlyKey=helpfulness/);
  const anyImproved = new Set([...improved, ...changed(body, llama.id, 'helpfulness', 1)]);
  await expect(status).toHaveText(new RegExp(`^Showing ${anyImproved.size} of 80 loaded`));
  await expectNoPageErrors(errors);
});

test('a link with onlySession reproduces the view; a bad one is ignored with a notice', async ({
  page,
}) => {
  test.slow();
  const view = `/?dataset=${supportQa.id}&sessions=${baseline.id},${claude.id},${llama.id}&groupBy=run_metadata&key=model`;
  await page.goto(`${view}&only=regressions&onlyKey=correctness&onlySession=${llama.id}`);
  await expect(page.getByRole('combobox', { name: 'Of experiment' })).toHaveValue(llama.id);
  await expect(
    matrix(page).getByRole('button', {
      name: new RegExp(`regressions? of ${escapeRegExp(llama.name)} on correctness`),
    }),
  ).toHaveAttribute('aria-pressed', 'true');

  for (const [bad, words] of [
    ['not-an-id', 'is not a valid id'],
    [baseline.id, 'it is the baseline'],
    ['01234567-89ab-4cde-8f01-23456789abcd', 'it is not one of the compared experiments'],
  ]) {
    await page.goto(`${view}&only=regressions&onlySession=${bad}`);
    await expect(page.getByRole('region', { name: 'Notices' })).toContainText(
      `Ignored onlySession: ${bad === 'not-an-id' ? '"not-an-id" ' : ''}${words}`,
    );
    await expect(matrix(page)).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Of experiment' })).toHaveValue('');
  }
});
