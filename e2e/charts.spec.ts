import { expect, type Page, test } from '@playwright/test';
import { datasetNamed, sessionNamed } from './support/demo-data';
import { expectNoPageErrors, trackPageErrors } from './support/page-guards';

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

test('clicking a bar filters the matrix to that group and session', async ({ page }) => {
  const groups = await open(page);
  const llamaGroup = groups.find((g) => g.sessions.some((s) => s.id === llamaV2.id));
  expect(llamaGroup).toBeDefined();
  const grid = page.getByRole('grid', { name: 'Comparison matrix' });
  await expect(grid.locator(`th[data-session-id]`)).toHaveCount(3);

  // llama's bar in its group: recharts draws each bar inside .recharts-bar-rectangle.
  const figure = page.getByRole('figure', { name: /^Latency/ });
  const bar = figure.locator(`.bar-session-${llamaV2.id} .recharts-bar-rectangle`).first();
  await bar.click();
  await expect(page).toHaveURL(
    new RegExp(`group=${encodeURIComponent(String(llamaGroup?.group_key))}`),
  );
  await expect(grid.locator(`th[data-session-id="${llamaV2.id}"]`)).toBeVisible();
  await expect(grid.locator(`th[data-session-id="${claudeV2.id}"]`)).toHaveCount(0);
  await page.getByRole('button', { name: 'Show all groups' }).click();
  await expect(page).not.toHaveURL(/group=/);
});
