import { expect, type Page, test } from '@playwright/test';
import { datasetNamed, sessionNamed } from './support/demo-data';
import { expectNoPageErrors, trackPageErrors } from './support/page-guards';
import { chooseWithMouse, matrix, queryOf } from './support/pickers';

const supportQa = datasetNamed('Support QA');
const gptV1 = sessionNamed(supportQa.id, 'gpt-4o-v1');
const claudeV2 = sessionNamed(supportQa.id, 'claude-3-5-sonnet-v2');
const llamaV2 = sessionNamed(supportQa.id, 'llama-3.1-70b-v2');
const VIEW = `/?dataset=${supportQa.id}&sessions=${gptV1.id},${claudeV2.id},${llamaV2.id}&groupBy=run_metadata&key=model`;

interface ApiSessionStats {
  id: string;
  name: string;
  latency_p50: number | null;
  latency_p99: number | null;
  error_rate: number | null;
  total_cost: string | number | null;
}
interface ApiGroup {
  group_key: string | number;
  sessions: ApiSessionStats[];
}

/** The app's own formatters, restated: the table must show the API's numbers with units. */
function seconds(v: number | null): string {
  if (v === null) return 'no data';
  return v < 1 ? `${Math.round(v * 1000)} ms` : `${v.toFixed(v < 10 ? 2 : 1)} s`;
}
function percent(v: number | null): string {
  if (v === null) return 'no data';
  const pct = v * 100;
  return `${pct < 10 && pct !== 0 ? pct.toFixed(1) : Math.round(pct)}%`;
}

async function open(page: Page, url = VIEW): Promise<ApiGroup[]> {
  const response = page.waitForResponse((r) => r.url().includes('/group/runs') && r.ok());
  await page.goto(url);
  return ((await (await response).json()) as { groups: ApiGroup[] }).groups;
}

async function tableRow(page: Page, group: ApiGroup, session: ApiSessionStats) {
  const table = page.getByRole('table', { name: /data table/ });
  return table
    .getByRole('row')
    .filter({
      has: page.getByRole('rowheader', { name: `model = ${group.group_key}`, exact: true }),
    })
    .filter({ hasText: session.name });
}

test('the latency and error-rate tables equal the response aggregates', async ({ page }) => {
  const errors = trackPageErrors(page);
  const groups = await open(page);
  const latency = page.getByRole('figure', { name: /^Latency/ });
  await expect(latency).toBeVisible();
  await page.getByRole('button', { name: 'Show as table' }).click();
  for (const group of groups) {
    for (const session of group.sessions) {
      const row = await tableRow(page, group, session);
      await expect(row.getByRole('cell').nth(1)).toHaveText(seconds(session.latency_p50));
      await expect(row.getByRole('cell').nth(2)).toHaveText(seconds(session.latency_p99));
    }
  }
  await page.getByRole('tab', { name: 'Error rate' }).click();
  await expect(page.getByRole('figure', { name: /^Error rate/ })).toBeVisible();
  for (const group of groups) {
    for (const session of group.sessions) {
      const row = await tableRow(page, group, session);
      await expect(row.getByRole('cell').nth(1)).toHaveText(percent(session.error_rate));
    }
  }
  await expectNoPageErrors(errors);
});

test('the chosen measure and feedback key survive a reload', async ({ page }) => {
  await open(page);
  await page.getByRole('tab', { name: 'Feedback' }).click();
  await expect(page).toHaveURL(/chart=feedback/);
  await page.getByRole('combobox', { name: 'Feedback key' }).selectOption('helpfulness');
  await expect(page).toHaveURL(/chartKey=helpfulness/);
  await page.reload();
  await expect(page.getByRole('figure', { name: /^Feedback/ })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Feedback' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(page.getByRole('combobox', { name: 'Feedback key' })).toHaveValue('helpfulness');
});

test.describe('a bar click narrows the matrix to its group and nothing else', () => {
  const gptV2 = sessionNamed(supportQa.id, 'gpt-4o-v2');
  const claudeV1 = sessionNamed(supportQa.id, 'claude-3-5-sonnet-v1');
  const chosen = [gptV1, gptV2, claudeV1];
  // The group a bar belongs to is the model the experiment ran with (its metadata).
  const modelOf = (session: typeof gptV2) =>
    String((session.extra?.metadata as { model?: unknown } | undefined)?.model);
  const gptModel = modelOf(gptV2);
  const claudeModel = modelOf(claudeV1);
  const without = (query: string[], name: string) => query.filter((p) => !p.startsWith(`${name}=`));

  async function expectNarrowedTo(page: Page, before: string[], model: string) {
    await expect(page).toHaveURL(new RegExp(`[?&]group=${encodeURIComponent(model)}(&|$)`));
    const after = queryOf(page.url());
    expect(
      after.filter((p) => p.startsWith('hide=')),
      'a bar click hides nobody',
    ).toEqual([]);
    expect(without(after, 'group'), 'nothing but group= changed').toEqual(without(before, 'group'));
    await expect(
      page.getByRole('status').filter({ hasText: 'The matrix shows only' }),
    ).toContainText(`model = ${model}`);
  }

  /** Clicks a bar low and to the left, where a person would, clear of its ±stdev whisker. */
  async function clickBar(page: Page, session: { id: string }) {
    const figure = page.getByRole('figure', { name: /^Feedback/ });
    const bar = figure.locator(`.bar-session-${session.id} .recharts-bar-rectangle path`).first();
    const box = await bar.boundingBox();
    if (!box) throw new Error(`no bar drawn for ${session.id}`);
    await page.mouse.click(box.x + box.width * 0.25, box.y + box.height * 0.9);
  }

  async function expectAllColumns(page: Page) {
    for (const session of chosen) {
      await expect(matrix(page).locator(`th[data-session-id="${session.id}"]`)).toBeVisible();
    }
  }

  test('mouse: from the pickers, click a bar, then Back, then "Show all groups"', async ({
    page,
  }) => {
    const errors = trackPageErrors(page);
    await chooseWithMouse(page, {
      dataset: 'Support QA',
      experiments: chosen.map((s) => s.name),
      key: 'model',
    });
    await page.getByRole('tab', { name: 'Feedback' }).click();
    await expect(page).toHaveURL(/chart=feedback/);
    await expectAllColumns(page);
    const before = queryOf(page.url());

    // gpt-4o-v2's bar: the group is gpt-4o, where the baseline (gpt-4o-v1) also ran.
    await clickBar(page, gptV2);
    await expectNarrowedTo(page, before, gptModel);
    const baselineColumn = matrix(page).locator(`th[data-session-id="${gptV1.id}"]`);
    await expect(baselineColumn).toBeVisible();
    await expect(baselineColumn).toContainText('Baseline');
    await expect(matrix(page).locator(`th[data-session-id="${gptV2.id}"]`)).toBeVisible();
    await expect(matrix(page).locator(`th[data-session-id="${claudeV1.id}"]`)).toHaveCount(0);

    // One Back: exactly the view before the click.
    await page.goBack();
    await expect(page).not.toHaveURL(/[?&]group=/);
    expect(queryOf(page.url())).toEqual(before);
    await expectAllColumns(page);

    // A bar of another experiment (claude, not the baseline), then "Show all groups".
    await clickBar(page, claudeV1);
    await expectNarrowedTo(page, before, claudeModel);
    await page.getByRole('button', { name: 'Show all groups' }).click();
    await expect(page).not.toHaveURL(/[?&]group=/);
    expect(queryOf(page.url())).toEqual(before);
    await expectAllColumns(page);
    await expectNoPageErrors(errors);
  });

  test("keyboard: the data table's filter button narrows to the group; 'Show all groups' restores", async ({
    page,
  }) => {
    const errors = trackPageErrors(page);
    await open(
      page,
      `/?dataset=${supportQa.id}&sessions=${chosen.map((s) => s.id).join(',')}&groupBy=run_metadata&key=model&chart=feedback`,
    );
    await expectAllColumns(page);
    const before = queryOf(page.url());
    const tableToggle = page.getByRole('button', { name: 'Show as table' });
    await tableToggle.focus();
    await page.keyboard.press('Enter');
    // The row of gpt-4o-v2 in the gpt-4o group (the second session of that group).
    const filter = page
      .getByRole('table', { name: /data table/ })
      .getByRole('row')
      .filter({ hasText: gptV2.name })
      .getByRole('button', { name: `Show only model = ${gptModel} in the matrix` });
    await filter.focus();
    await page.keyboard.press('Enter');
    await expectNarrowedTo(page, before, gptModel);
    await expect(matrix(page).locator(`th[data-session-id="${gptV1.id}"]`)).toBeVisible();

    const showAll = page.getByRole('button', { name: 'Show all groups' });
    await showAll.focus();
    await page.keyboard.press('Enter');
    await expect(page).not.toHaveURL(/[?&]group=/);
    expect(queryOf(page.url())).toEqual(before);
    await expectAllColumns(page);
    await expectNoPageErrors(errors);
  });
});
