import { expect, type Page, test } from '@playwright/test';
import { datasetNamed, sessionNamed } from './support/demo-data';
import { expectNoPageErrors, trackPageErrors } from './support/page-guards';
import { chooseWithMouse } from './support/pickers';

/**
 * Issue 14, item 7, walked with the mouse from the pickers: the chart uses its panel's width,
 * legend chips show names uncut, a 0–1 score keeps a 0–1 axis, and "Show as table" lists
 * only rows with data (the others counted), its label saying what comes next.
 */
const supportQa = datasetNamed('Support QA');
const chosen = ['gpt-4o-v1', 'gpt-4o-v2', 'claude-3-5-sonnet-v1', 'llama-3.1-70b-v2'].map((part) =>
  sessionNamed(supportQa.id, part),
);

interface ApiGroup {
  group_key: string;
  sessions: { id: string }[];
}

const figure = (page: Page, name: RegExp) => page.getByRole('figure', { name });

test('charts fill the panel, keep names and 0–1 axes whole, and the table lists what has data', async ({
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
    experiments: chosen.map((s) => s.name),
    key: 'model',
  });
  const groups = (await bodies.at(-1))?.groups ?? [];

  // The chart spreads over its panel (it used to take about a third of it).
  const latency = figure(page, /^Latency/);
  await expect(latency).toBeVisible();
  const panel = await page.getByRole('region', { name: 'Charts' }).boundingBox();
  const chartWidth = await latency
    .locator('svg')
    .evaluateAll((svgs) => Math.max(...svgs.map((s) => s.getBoundingClientRect().width)));
  expect(panel).not.toBeNull();
  expect(chartWidth).toBeGreaterThan((panel?.width ?? 0) * 0.85);

  // Legend chips: every name whole (nothing clipped), the full name read out.
  const legend = page.getByRole('group', { name: 'Sessions shown in the chart' });
  for (const session of chosen) {
    const chip = legend.getByRole('button', { name: session.name, exact: true });
    await expect(chip).toBeVisible();
    const clipped = await chip.evaluate((el) =>
      // Text a person sees (screen-reader-only copies are absolutely placed and clipped).
      [el, ...el.querySelectorAll('*')]
        .filter((e) => getComputedStyle(e).position !== 'absolute')
        .some((e) => e.scrollWidth > e.clientWidth + 1),
    );
    expect(clipped, `${session.name} is cut`).toBe(false);
    // What tells it apart from the others is on screen.
    const part = session.name.replace(/^support-qa-/, '');
    await expect(chip).toContainText(part);
  }

  // Feedback: a 0–1 score keeps a 0–1 axis; its stdev is in the table instead.
  await page.getByRole('tab', { name: 'Feedback' }).click();
  const feedback = figure(page, /^Feedback/);
  await expect(feedback).toContainText('mean score on 0–1');
  // The value axis's labels: the numbers in the chart's left margin (its 72 px axis).
  const chart = feedback.locator('svg').first();
  await expect(chart.locator('text').first()).toBeVisible();
  const ticks = await chart.evaluate((svg) => {
    const left = svg.getBoundingClientRect().left;
    return [...svg.querySelectorAll('text')]
      .filter((t) => t.getBoundingClientRect().right - left < 84)
      .map((t) => (t.textContent ?? '').trim())
      .filter((t) => /^-?[\d.]+$/.test(t));
  });
  expect(ticks.length).toBeGreaterThan(1);
  expect(Math.max(...ticks.map(Number))).toBe(1);

  // The table replaces the chart; rows with nothing (an experiment outside a group) are
  // counted, not listed.
  const toggle = page.getByRole('button', { name: 'Show as table' });
  await toggle.click();
  const table = page.getByRole('table', { name: /data table/ });
  await expect(table).toBeVisible();
  await expect(page.getByRole('button', { name: 'Show as chart' })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'Stdev' })).toBeVisible();
  const withData = groups.reduce(
    (n, g) => n + g.sessions.filter((s) => chosen.some((c) => c.id === s.id)).length,
    0,
  );
  const rows = table.getByRole('row').filter({ has: page.getByRole('rowheader') });
  await expect(rows).toHaveCount(withData);
  for (const text of await rows.allTextContents()) {
    expect(text).toMatch(/\d/);
  }
  const leftOut = groups.length * chosen.length - withData;
  expect(leftOut).toBeGreaterThan(0);
  await expect(feedback).toContainText(`${leftOut} more session rows have no data: not listed.`);

  await page.getByRole('button', { name: 'Show as chart' }).click();
  await expect(table).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Show as table' })).toBeVisible();
  await expectNoPageErrors(errors);
});
