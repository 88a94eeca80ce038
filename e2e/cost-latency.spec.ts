import { expect, type Locator, type Page, test } from '@playwright/test';
import { datasetNamed, sessionNamed } from './support/demo-data';
import { expectNoPageErrors, trackPageErrors } from './support/page-guards';
import { chooseWithMouse } from './support/pickers';

/**
 * Issue 14, item 6: the gpt-4o group holds two experiments (twice the runs of the claude
 * group), so its total cost cannot be compared with claude's. Cards and the cost chart's
 * table show cost per run and per example beside the total, and latency and cost per run
 * say how they compare with the baseline. Expected figures come from the API's aggregates.
 */
const supportQa = datasetNamed('Support QA');
const claudeV1 = sessionNamed(supportQa.id, 'claude-3-5-sonnet-v1');
const gptV1 = sessionNamed(supportQa.id, 'gpt-4o-v1');
const gptV2 = sessionNamed(supportQa.id, 'gpt-4o-v2');

interface ApiStats {
  run_count: number | null;
  example_count?: number | null;
  total_cost: number | string | null;
  latency_p50: number | null;
}
interface ApiGroup extends ApiStats {
  group_key: string;
  /** A group's run count (its `run_count` is not sent). */
  count: number;
  sessions: (ApiStats & { id: string; name: string })[];
}

/** The app's cost format, restated: two significant digits below a cent. */
function dollars(v: number): string {
  return v < 0.01 ? `$${v.toPrecision(2)}` : `$${v.toFixed(2)}`;
}
const perRun = (s: ApiStats) => Number(s.total_cost) / Number(s.run_count);
const groupPerRun = (g: ApiGroup) => Number(g.total_cost) / g.count;

/** The signed % in "+14% vs baseline" (Unicode minus). */
function percentIn(text: string): number {
  const m = /([+−])([\d.]+)% vs baseline/.exec(text) ?? /^([+−]?)([\d.]+)%$/.exec(text);
  if (!m) throw new Error(`no % change in "${text}"`);
  return (m[1] === '−' ? -1 : 1) * Number(m[2]);
}

const definitionOf = (card: Locator, label: string) =>
  card
    .getByRole('term')
    .filter({ hasText: new RegExp(`^${label}$`) })
    .locator('xpath=following-sibling::dd');

async function tableCell(page: Page, group: string, session: string, column: string) {
  const table = page.getByRole('table', { name: /data table/ });
  // After a tab changes, the table may still be the last tab's for a frame: wait for the column.
  await expect(table.getByRole('columnheader', { name: column, exact: true })).toBeVisible();
  const headers = await table.getByRole('columnheader').allTextContents();
  const index = headers.indexOf(column);
  expect(index, `column ${column} in ${headers.join(' | ')}`).toBeGreaterThan(1);
  const row = table
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: `model = ${group}`, exact: true }) })
    .filter({ hasText: session });
  // The row header is the first cell; cells count from the session column.
  return (
    (await row
      .getByRole('cell')
      .nth(index - 1)
      .textContent()) ?? ''
  );
}

test('cards and the cost chart compare cost per run and latency with the baseline (mouse, from the pickers)', async ({
  page,
}) => {
  test.setTimeout(60_000);
  const errors = trackPageErrors(page);
  const bodies: Promise<{ groups: ApiGroup[] }>[] = [];
  page.on('response', (r) => {
    if (r.url().includes('/group/runs') && r.ok()) bodies.push(r.json());
  });
  await chooseWithMouse(page, {
    dataset: 'Support QA',
    experiments: [claudeV1.name, gptV1.name, gptV2.name],
    key: 'model',
  });
  const groups = (await bodies.at(-1))?.groups ?? [];
  const baselineId = await page
    .getByRole('combobox', { name: 'Baseline', exact: true })
    .inputValue();
  const baselineSession = groups.flatMap((g) => g.sessions).find((s) => s.id === baselineId);
  if (!baselineSession) throw new Error('the baseline is not in the response');
  const baselineGroup = groups.find((g) => g.sessions.some((s) => s.id === baselineId));
  const twoExperiments = groups.find((g) => g.sessions.length === 2);
  expect(twoExperiments?.count).toBe(2 * Number(baselineGroup?.count));

  // Cards: totals, per run and per example, and the % change of the other group's.
  const cards = page.getByRole('region', { name: 'Group summary' }).getByRole('listitem');
  for (const group of groups) {
    const card = cards.filter({ hasText: `model = ${group.group_key}` });
    await expect(definitionOf(card, 'Cost \\(total\\)')).toHaveText(
      dollars(Number(group.total_cost)),
    );
    const runText = (await definitionOf(card, 'Cost per run').textContent()) ?? '';
    expect(runText.startsWith(dollars(groupPerRun(group))), runText).toBe(true);
    const perExample = Number(group.total_cost) / Number(group.example_count);
    await expect(definitionOf(card, 'Cost per example')).toContainText(dollars(perExample));
    if (group === baselineGroup) {
      await expect(card).toContainText('Baseline');
      expect(runText).not.toContain('vs baseline');
      continue;
    }
    const expected = (groupPerRun(group) / perRun(baselineSession) - 1) * 100;
    expect(Math.abs(percentIn(runText) - expected)).toBeLessThan(0.5 + Math.abs(expected) * 0.01);
    const latency = (await definitionOf(card, 'Latency p50').textContent()) ?? '';
    const latencyChange =
      (Number(group.latency_p50) / Number(baselineSession.latency_p50) - 1) * 100;
    expect(Math.abs(percentIn(latency) - latencyChange)).toBeLessThan(
      0.5 + Math.abs(latencyChange) * 0.01,
    );
  }

  // No label in a card is cut ("ver…" was): every metric name and feedback key shows whole.
  const cut = await page
    .getByRole('region', { name: 'Group summary' })
    .locator('dt')
    .evaluateAll((labels) =>
      labels.filter((l) => l.scrollWidth > l.clientWidth + 1).map((l) => l.textContent),
    );
  expect(cut).toEqual([]);

  // The cost chart's table: per run and per example beside the totals, and the change.
  await page.getByRole('tab', { name: 'Cost' }).click();
  await page.getByRole('button', { name: 'Show as table' }).click();
  for (const group of groups) {
    for (const session of group.sessions) {
      const cell = (column: string) => tableCell(page, group.group_key, session.name, column);
      expect(await cell('Cost per run')).toBe(dollars(perRun(session)));
      expect(await cell('Cost per example')).toBe(
        dollars(Number(session.total_cost) / Number(session.example_count)),
      );
      const change = await cell('Per run vs baseline');
      if (session.id === baselineId) {
        expect(change).toBe('baseline');
      } else {
        const expected = (perRun(session) / perRun(baselineSession) - 1) * 100;
        expect(Math.abs(percentIn(change) - expected)).toBeLessThan(
          0.5 + Math.abs(expected) * 0.01,
        );
      }
    }
  }

  // The latency chart's table says the p50 change too.
  await page.getByRole('tab', { name: 'Latency' }).click();
  const gpt = groups.find((g) => g.sessions.some((s) => s.id === gptV2.id));
  const gptSession = gpt?.sessions.find((s) => s.id === gptV2.id);
  if (!gpt || !gptSession) throw new Error('gpt-4o-v2 is not in the response');
  const p50 = await tableCell(page, gpt.group_key, gptSession.name, 'p50 vs baseline');
  const expected = (Number(gptSession.latency_p50) / Number(baselineSession.latency_p50) - 1) * 100;
  expect(Math.abs(percentIn(p50) - expected)).toBeLessThan(0.5 + Math.abs(expected) * 0.01);
  await expectNoPageErrors(errors);
});
