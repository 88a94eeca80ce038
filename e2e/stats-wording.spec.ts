import { expect, type Locator, type Page, test } from '@playwright/test';
import { datasetNamed, sessionNamed } from './support/demo-data';
import { expectNoPageErrors, trackPageErrors } from './support/page-guards';
import { chooseWithMouse } from './support/pickers';

/**
 * Issue 14, item 9: the statistics say latency and cost differences in their units with the
 * % change against the baseline, show an interval in one precision, give categories no
 * direction, and say which n counts examples and which counts runs. Expected figures are
 * computed here from the API's response.
 */
const supportQa = datasetNamed('Support QA');
const gptV1 = sessionNamed(supportQa.id, 'gpt-4o-v1');
const claudeV2 = sessionNamed(supportQa.id, 'claude-3-5-sonnet-v2');
// Ran every example three times: its categorical n counts three labels per example.
const llamaV2 = sessionNamed(supportQa.id, 'llama-3.1-70b-v2');

interface ApiRun {
  session_id: string;
  start_time: string | null;
  end_time: string | null;
  total_cost: number | string | null;
  feedback_stats?: Record<string, { values?: Record<string, number> }> | null;
}
interface ApiBody {
  groups: { examples: { id: string; runs: ApiRun[] }[] }[];
}

/** Seconds of a zone-less microsecond timestamp ("2026-01-28T09:00:00.123456"), read as UTC. */
const secondsOf = (t: string) =>
  Date.parse(`${t.slice(0, 19)}Z`) / 1000 +
  Number(`0.${(t.split('.')[1] ?? '0').replace(/\D.*$/, '')}`);
const latencyOf = (r: ApiRun) =>
  r.start_time && r.end_time ? secondsOf(r.end_time) - secondsOf(r.start_time) : null;
const costOf = (r: ApiRun) => (r.total_cost === null ? null : Number(r.total_cost));

/** Paired over examples both ran (repetitions averaged): the baseline's mean and the mean difference. */
function paired(body: ApiBody, read: (r: ApiRun) => number | null, base: string, other: string) {
  const perExample = (runs: ApiRun[], session: string) => {
    const values = runs
      .filter((r) => r.session_id === session)
      .map(read)
      .filter((v): v is number => v !== null);
    return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
  };
  // Grouped by model, an example's runs sit in one group per model: join them by example.
  const runsByExample = new Map<string, ApiRun[]>();
  for (const group of body.groups) {
    for (const example of group.examples) {
      runsByExample.set(example.id, [...(runsByExample.get(example.id) ?? []), ...example.runs]);
    }
  }
  let n = 0;
  let baseSum = 0;
  let diffSum = 0;
  for (const runs of runsByExample.values()) {
    const b = perExample(runs, base);
    const o = perExample(runs, other);
    if (b === null || o === null) continue;
    n++;
    baseSum += b;
    diffSum += o - b;
  }
  return { n, baselineMean: baseSum / n, diff: diffSum / n };
}

const number = (text: string) => Number(text.replace(/,/g, ''));
const decimals = (text: string) => text.split('.')[1]?.length ?? 0;
const sign = (s: string) => (s === '−' ? -1 : 1);

const panel = (page: Page) => page.getByRole('region', { name: 'Is the difference real?' });
const rowOf = (table: Locator, name: string) =>
  table.getByRole('row').filter({ has: table.page().getByRole('rowheader', { name }) });

test('statistics read in units, with % change, even precision and named n (mouse, from the pickers)', async ({
  page,
}) => {
  test.setTimeout(60_000);
  const errors = trackPageErrors(page);
  const bodies: Promise<ApiBody>[] = [];
  page.on('response', (r) => {
    if (r.url().includes('/group/runs') && r.ok()) bodies.push(r.json());
  });
  await chooseWithMouse(page, {
    dataset: 'Support QA',
    experiments: [gptV1.name, claudeV2.name, llamaV2.name],
    key: 'model',
  });
  const body = await bodies.at(-1);
  if (!body) throw new Error('no grouped response');

  await page.getByRole('button', { name: 'Is the difference real?' }).click();
  const keySelect = panel(page).getByRole('combobox', { name: 'Statistic for key' });
  const table = panel(page).getByRole('table');

  // Latency: "+352 ms (+14% vs baseline)" or "−1.20 s (…)", then the interval in one unit.
  await keySelect.selectOption('latency');
  await expect(table).toContainText('latency: metric in seconds');
  await expect(table.getByRole('columnheader', { name: 'n (paired examples)' })).toBeVisible();
  const latency = paired(body, latencyOf, gptV1.id, claudeV2.id);
  const latencyCell = rowOf(table, claudeV2.name).getByRole('cell').nth(3);
  await expect(latencyCell).toContainText('vs baseline');
  const latencyText = (await latencyCell.textContent()) ?? '';
  const shown = /^([+−])([\d.,]+) (ms|s) \(([+−])([\d.]+)% vs baseline\)/.exec(latencyText);
  expect(shown, latencyText).not.toBeNull();
  const [, s1 = '', value = '', unit = '', s2 = '', pct = ''] = shown ?? [];
  const seconds = sign(s1) * number(value) * (unit === 'ms' ? 0.001 : 1);
  expect(Math.abs(seconds - latency.diff)).toBeLessThan(Math.abs(latency.diff) * 0.01 + 0.001);
  const change = (latency.diff / latency.baselineMean) * 100;
  expect(Math.abs(sign(s2) * Number(pct) - change)).toBeLessThan(0.06 * Math.abs(change) + 0.1);
  const interval = /([+−]?)([\d.,]+) (ms|s) to ([+−]?)([\d.,]+) (ms|s)/.exec(latencyText);
  expect(interval, latencyText).not.toBeNull();
  const [, , low = '', lowUnit, , high = '', highUnit] = interval ?? [];
  expect(lowUnit).toBe(unit);
  expect(highUnit).toBe(unit);
  // One precision for the difference and both ends of its interval.
  expect(new Set([decimals(value), decimals(low), decimals(high)]).size).toBe(1);

  // Cost: dollars and the % change.
  await keySelect.selectOption('cost');
  await expect(table).toContainText('cost: metric in US dollars');
  const cost = paired(body, costOf, gptV1.id, claudeV2.id);
  const costCell = rowOf(table, claudeV2.name).getByRole('cell').nth(3);
  await expect(costCell).toContainText('vs baseline');
  const costText = (await costCell.textContent()) ?? '';
  const dollars = /^([+−])\$([\d.]+) \(([+−])([\d.]+)% vs baseline\)/.exec(costText);
  expect(dollars, costText).not.toBeNull();
  const [, c1 = '', amount = '', c2 = '', costPct = ''] = dollars ?? [];
  expect(Math.abs(sign(c1) * Number(amount) - cost.diff)).toBeLessThan(Math.abs(cost.diff) * 0.01);
  const costChange = (cost.diff / cost.baselineMean) * 100;
  expect(Math.abs(sign(c2) * Number(costPct) - costChange)).toBeLessThan(
    0.06 * Math.abs(costChange) + 0.1,
  );

  // A category has no better or worse, and its n counts runs (labels), not examples.
  await keySelect.selectOption('verdict');
  await expect(table).toContainText('verdict: categories');
  await expect(table).not.toContainText(/higher is better|lower is better/);
  const labels = (session: string) =>
    body.groups
      .flatMap((g) => g.examples.flatMap((e) => e.runs))
      .filter((r) => r.session_id === session)
      .reduce(
        (t, r) =>
          t + Object.values(r.feedback_stats?.verdict?.values ?? {}).reduce((a, b) => a + b, 0),
        0,
      );
  await expect(
    table.getByRole('columnheader', {
      name: `${gptV1.name} (baseline, n = ${labels(gptV1.id)} runs)`,
    }),
  ).toBeVisible();
  const llamaRuns = labels(llamaV2.id);
  expect(llamaRuns).toBeGreaterThan(labels(gptV1.id));
  await expect(
    table.getByRole('columnheader', { name: `${llamaV2.name} (n = ${llamaRuns} runs)` }),
  ).toBeVisible();
  await expectNoPageErrors(errors);
});
