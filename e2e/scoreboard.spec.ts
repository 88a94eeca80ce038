import { expect, type Locator, type Page, test } from '@playwright/test';
import { seriousViolations } from './support/axe';
import { chooseComparison } from './support/choose-comparison';
import { datasetNamed, sessionNamed } from './support/demo-data';
import { expectNoPageErrors, trackPageErrors } from './support/page-guards';

/**
 * The scoreboard from an empty URL, by mouse: its numbers against the API's runs and
 * aggregates (computed here, independently of the app's code), its differences and
 * verdicts against the statistics panel's, its sort in the URL.
 */

const supportQa = datasetNamed('Support QA');
const baseline = sessionNamed(supportQa.id, 'gpt-4o-v1');
const claude = sessionNamed(supportQa.id, 'claude-3-5-sonnet-v1');
const llama = sessionNamed(supportQa.id, 'llama-3.1-70b-v1');
const chosen = [baseline, claude, llama];

interface Body {
  groups: {
    group_key: string | number;
    sessions: {
      id: string;
      latency_p50: number | null;
      latency_p99: number | null;
      error_rate: number | null;
      total_cost: string | number | null;
      total_tokens: number | null;
    }[];
    examples: {
      id: string;
      runs: {
        session_id: string;
        feedback_stats?: Record<string, { avg: number | null }> | null;
      }[];
    }[];
  }[];
}

/** Per experiment: how many examples it ran, and each example's mean score of `key`. */
function perExample(body: Body, sessionId: string, key: string) {
  const ran = new Set<string>();
  const scores = new Map<string, number[]>();
  for (const group of body.groups)
    for (const example of group.examples)
      for (const run of example.runs) {
        if (run.session_id !== sessionId) continue;
        ran.add(example.id);
        const avg = run.feedback_stats?.[key]?.avg;
        if (typeof avg === 'number')
          scores.set(example.id, [...(scores.get(example.id) ?? []), avg]);
      }
  const means = [...scores.values()].map((xs) => xs.reduce((a, b) => a + b, 0) / xs.length);
  return { examples: ran.size, means };
}

/** Wilson (1927) at 95 %, z = 1.959964. */
function wilson(k: number, n: number): [number, number] {
  const z = 1.959963984540054;
  const p = k / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n);
  return [centre - half, centre + half];
}

/** t(df; 0.975) from tables, for the example counts the demo data has. */
const T975: Record<number, number> = { 77: 1.991254, 78: 1.990847, 79: 1.99045 };

function tInterval(xs: number[]): [number, number] {
  const n = xs.length;
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const s = Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1));
  const t = T975[n - 1];
  if (t === undefined) throw new Error(`no t quantile for ${n - 1} df`);
  return [mean - (t * s) / Math.sqrt(n), mean + (t * s) / Math.sqrt(n)];
}

/** The board's formats, restated. */
const percent1 = (v: number) => `${(v * 100).toFixed(1)}%`;
const score3 = (v: number) =>
  new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 }).format(v);
function seconds(v: number): string {
  return v < 1 ? `${Math.round(v * 1000)} ms` : `${v.toFixed(v < 10 ? 2 : 1)} s`;
}
function dollars(v: number): string {
  if (v === 0) return '$0';
  return Math.abs(v) < 0.01 ? `$${v.toPrecision(2)}` : `$${v.toFixed(2)}`;
}
function errorPercent(f: number): string {
  const pct = f * 100;
  return `${pct < 10 && pct !== 0 ? pct.toFixed(1) : Math.round(pct)}%`;
}

const board = (page: Page) => page.getByRole('table', { name: 'Scoreboard' });
const boardRow = (page: Page, id: string) => board(page).locator(`tr[data-session-id="${id}"]`);

/** The cell under the board's column header `name`. */
async function cellUnder(page: Page, row: Locator, name: string): Promise<Locator> {
  const headers = await board(page).getByRole('columnheader').allTextContents();
  const at = headers.findIndex((h) => h.trim() === name);
  expect(at, `column ${name}`).toBeGreaterThan(0);
  return row.getByRole('cell').nth(at - 1);
}

test('the scoreboard’s numbers equal the API’s aggregates and the statistics panel’s verdicts', async ({
  page,
}) => {
  test.slow();
  const errors = trackPageErrors(page);
  const body = (await chooseComparison(page, {
    dataset: 'Support QA',
    experiments: chosen.map((s) => s.name),
    key: 'model',
  })) as unknown as Body;
  await expect(board(page)).toBeVisible();

  // One row per experiment, in the URL's display order, the baseline marked.
  const order = new URL(page.url()).searchParams.get('sessions')?.split(',') ?? [];
  expect(order).toHaveLength(3);
  const rows = board(page).locator('tbody tr');
  await expect(rows).toHaveCount(3);
  expect(
    await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-session-id'))),
  ).toEqual(order);
  await expect(boardRow(page, order[0] ?? '')).toContainText('baseline');

  for (const s of chosen) {
    const row = boardRow(page, s.id);
    // Each experiment ran under one model: its group's session aggregates are its own.
    const aggregates = body.groups.flatMap((g) => g.sessions.filter((x) => x.id === s.id));
    expect(aggregates).toHaveLength(1);
    const agg = aggregates[0] as Body['groups'][number]['sessions'][number];
    const correctness = perExample(body, s.id, 'correctness');
    const n = correctness.means.length;
    const passes = correctness.means.reduce((a, b) => a + b, 0);
    await expect(await cellUnder(page, row, 'Examples with a run')).toHaveText(
      `${correctness.examples} examples`,
    );
    const [low, high] = wilson(passes, n);
    await expect(await cellUnder(page, row, 'correctness (pass rate)')).toContainText(
      `${percent1(passes / n)}${percent1(low)} to ${percent1(high)}n = ${n}`,
    );
    const helpfulness = perExample(body, s.id, 'helpfulness').means;
    const [hLow, hHigh] = tInterval(helpfulness);
    const hMean = helpfulness.reduce((a, b) => a + b, 0) / helpfulness.length;
    await expect(await cellUnder(page, row, 'helpfulness (mean)')).toContainText(
      `${score3(hMean)}${score3(hLow)} to ${score3(hHigh)}n = ${helpfulness.length}`,
    );
    const cost = Number(agg.total_cost) / correctness.examples;
    await expect(await cellUnder(page, row, 'Cost per example')).toContainText(
      `${dollars(cost)} / example`,
    );
    await expect(await cellUnder(page, row, 'Latency p50')).toContainText(
      seconds(agg.latency_p50 ?? Number.NaN),
    );
    await expect(await cellUnder(page, row, 'Latency p99')).toContainText(
      seconds(agg.latency_p99 ?? Number.NaN),
    );
    await expect(await cellUnder(page, row, 'Error rate')).toContainText(
      errorPercent(agg.error_rate ?? Number.NaN),
    );
  }

  // Differences and verdicts: the statistics panel's, key by key.
  await page.getByRole('button', { name: 'Is the difference real?' }).click();
  const panel = page.getByRole('region', { name: 'Is the difference real?' });
  for (const key of ['correctness', 'helpfulness']) {
    await panel.getByRole('combobox', { name: 'Statistic for key' }).selectOption(key);
    const table = panel.getByRole('table');
    await expect(table).toContainText(`${key}:`);
    for (const s of [claude, llama]) {
      const panelCells = table.locator(`tr[data-session-id="${s.id}"]`).getByRole('cell');
      const panelDiff = (await panelCells.nth(3).textContent()) ?? '';
      const panelVerdict = (await panelCells.last().textContent()) ?? '';
      const label = /better|worse|no clear difference|not enough data/.exec(panelVerdict)?.[0];
      const boardCell = await cellUnder(page, boardRow(page, s.id), `${key} vs baseline`);
      const boardText = (await boardCell.textContent()) ?? '';
      // "+7.6 pp−6.3 pp to +20.3 pp~ no clear difference": the difference and its interval.
      const shown = /^(.+?)([−+]?[\d.,]+(?: pp)? to [−+]?[\d.,]+(?: pp)?)/.exec(boardText);
      expect(shown, boardText).not.toBeNull();
      expect(
        panelDiff.startsWith(`${shown?.[1]}${shown?.[2]}`),
        `${panelDiff} | ${boardText}`,
      ).toBe(true);
      expect(label).toBeDefined();
      expect(boardText).toContain(`${label}`);
    }
  }

  // Sorting by a header writes the URL and orders the rows by the API's cost per example.
  await board(page).getByRole('button', { name: 'Cost per example' }).click();
  await expect(page).toHaveURL(/[?&]board=cost(&|$)/);
  const byCost = [...chosen]
    .map((s) => {
      const agg = body.groups.flatMap((g) => g.sessions).find((x) => x.id === s.id);
      return { id: s.id, cost: Number(agg?.total_cost) / perExample(body, s.id, 'x').examples };
    })
    .sort((a, b) => a.cost - b.cost)
    .map((s) => s.id);
  await expect
    .poll(() => rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-session-id'))))
    .toEqual(byCost);
  await board(page).getByRole('button', { name: 'Cost per example' }).click();
  await expect(page).toHaveURL(/[?&]board=-cost(&|$)/);
  await expect
    .poll(() => rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-session-id'))))
    .toEqual([...byCost].reverse());

  // One board per group: each model's board holds the experiments that ran under it.
  await board(page).page().getByRole('button', { name: 'One board per group' }).click();
  await expect(page).toHaveURL(/[?&]boardGroups=on(&|$)/);
  const model = body.groups.find((g) => g.sessions.some((x) => x.id === llama.id))?.group_key;
  const groupBoard = page.getByRole('table', { name: `model = ${model}`, exact: true });
  await expect(groupBoard.locator(`tr[data-session-id="${llama.id}"]`)).toBeVisible();
  await expect(groupBoard.locator('tbody tr')).toHaveCount(
    chosen.filter((s) =>
      body.groups.some((g) => g.group_key === model && g.sessions.some((x) => x.id === s.id)),
    ).length,
  );

  expect(await seriousViolations(page, 'table')).toEqual([]);
  await expectNoPageErrors(errors);
});

test('a point of "Quality vs cost" makes its experiment the candidate and shows the matrix', async ({
  page,
}) => {
  test.slow();
  const errors = trackPageErrors(page);
  await chooseComparison(page, {
    dataset: 'Support QA',
    experiments: chosen.map((s) => s.name),
    key: 'model',
  });
  const figure = page.getByRole('figure', { name: 'Quality vs cost' });
  await expect(figure).toBeVisible();
  // One point per experiment, the baseline's among them.
  const points = figure.getByRole('button', { name: /Show (its regressions in )?the matrix$/ });
  await expect(points).toHaveCount(3);
  await figure.getByRole('button', { name: new RegExp(`^${llama.name}: `) }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]only=regressions(&|.*&)onlySession=${llama.id}`));
  await expect(page.getByRole('grid', { name: 'Comparison matrix' })).toBeInViewport();

  // The axis switch is in the URL; the table says the same as the points.
  await figure.getByRole('radio', { name: 'Latency' }).click();
  await expect(page).toHaveURL(/[?&]tradeoff=latency(&|$)/);
  await figure.getByRole('button', { name: 'Show quality vs cost as table' }).click();
  const table = figure.getByRole('table', { name: 'Quality vs cost: data table' });
  await expect(table.getByRole('row')).toHaveCount(4);
  await table
    .getByRole('button', { name: `Show the regressions of ${claude.name} in the matrix` })
    .click();
  await expect(page).toHaveURL(new RegExp(`onlySession=${claude.id}`));

  expect(await seriousViolations(page, 'figure[aria-label="Quality vs cost"]')).toEqual([]);
  await expectNoPageErrors(errors);
});
