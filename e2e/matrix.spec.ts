import { expect, type Page, test } from '@playwright/test';
import { datasetNamed, sessionNamed, sessionsOf } from './support/demo-data';
import { expectNoPageErrors, trackPageErrors } from './support/page-guards';

const supportQa = datasetNamed('Support QA');
const gptV1 = sessionNamed(supportQa.id, 'gpt-4o-v1');
const claudeV1 = sessionNamed(supportQa.id, 'claude-3-5-sonnet-v1');
const gptV2 = sessionNamed(supportQa.id, 'gpt-4o-v2');
const VIEW = `/?dataset=${supportQa.id}&sessions=${gptV1.id},${claudeV1.id},${gptV2.id}&groupBy=run_metadata&key=model`;

interface ApiRun {
  session_id: string;
  feedback_stats?: Record<string, { avg: number | null }> | null;
}
interface ApiGroup {
  examples: { id: string; name: string; runs: ApiRun[] }[];
}

async function openView(page: Page, url = VIEW) {
  const response = page.waitForResponse((r) => r.url().includes('/group/runs') && r.ok());
  await page.goto(url);
  const body = (await (await response).json()) as { groups: ApiGroup[] };
  await expect(page.getByRole('grid', { name: 'Comparison matrix' })).toBeVisible();
  return body;
}

/** The matrix's scroller: the element that says how fast it scrolls (README, "A fling…"). */
const scroller = (page: Page) => page.locator('[data-scroll-pace]');

test('cells show the scores the API sent, placed by session', async ({ page }) => {
  const errors = trackPageErrors(page);
  const body = await openView(page);
  const examples = body.groups[0]?.examples.slice(0, 4) ?? [];
  expect(examples.length).toBeGreaterThan(0);
  let fractional = 0;
  for (const example of examples) {
    const row = page.locator(`[data-example-id="${example.id}"]`);
    await expect(row).toBeVisible();
    for (const run of example.runs) {
      for (const [key, stats] of Object.entries(run.feedback_stats ?? {})) {
        const avg = stats.avg;
        if (avg === null || avg === undefined) continue;
        const chip = row.locator(
          `[data-session-id="${run.session_id}"] [data-feedback-key="${key}"]`,
        );
        // The API's score, shown to at most two decimals (rounded, trailing zeros dropped).
        const shown = (await chip.textContent()) ?? '';
        expect(shown).toMatch(/^-?\d+(\.\d{1,2})?$/);
        expect(shown).not.toMatch(/\.\d*0$/);
        expect(Math.abs(Number(shown) - avg)).toBeLessThanOrEqual(0.005 + 1e-9);
        if (!Number.isInteger(avg)) fractional += 1;
      }
    }
  }
  // Integers alone would not show the rounding: the demo data has fractional scores too.
  expect(fractional).toBeGreaterThan(0);
  await expectNoPageErrors(errors);
});

test('baseline, sort and "regressions only" change the view and the URL', async ({ page }) => {
  const errors = trackPageErrors(page);
  await openView(page);
  const grid = page.getByRole('grid', { name: 'Comparison matrix' });

  await page.getByRole('combobox', { name: 'Baseline', exact: true }).selectOption(claudeV1.id);
  await expect(page).toHaveURL(new RegExp(`baseline=${claudeV1.id}`));
  await expect(
    grid.locator(`th[data-session-id="${claudeV1.id}"]`).getByText('Baseline'),
  ).toBeVisible();

  await page.getByRole('combobox', { name: 'Sort by' }).selectOption('score');
  await page.getByRole('combobox', { name: 'Sort experiment' }).selectOption(gptV2.id);
  await page.getByRole('combobox', { name: 'Sort key' }).selectOption('helpfulness');
  await page.getByRole('button', { name: /sort descending/ }).click();
  await expect(page).toHaveURL(new RegExp(`sort=-score%3A${gptV2.id}%3Ahelpfulness`));
  const scores = await grid
    .locator(`tr [data-session-id="${gptV2.id}"] [data-feedback-key="helpfulness"]`)
    .allTextContents();
  const numbers = scores.map(Number).filter((n) => !Number.isNaN(n));
  expect(numbers.length).toBeGreaterThan(3);
  expect(numbers).toEqual([...numbers].sort((a, b) => b - a));

  await page.getByRole('combobox', { name: 'Show', exact: true }).selectOption('regressions');
  await expect(page).toHaveURL(/only=regressions/);
  const rows = grid.locator('tr[data-example-id]');
  const count = await rows.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < Math.min(count, 5); i++) {
    await expect(
      rows
        .nth(i)
        .getByText(/vs baseline, worse/)
        .first(),
    ).toBeVisible();
  }

  const url = page.url();
  await page.reload();
  await expect(page).toHaveURL(url);
  await expect(page.getByRole('combobox', { name: 'Show', exact: true })).toHaveValue(
    'regressions',
  );
  await expect(page.getByRole('combobox', { name: 'Baseline', exact: true })).toHaveValue(
    claudeV1.id,
  );
  await expectNoPageErrors(errors);
});

test('a new baseline updates the cells in place, with deltas against it', async ({ page }) => {
  const errors = trackPageErrors(page);
  const body = await openView(page);
  const example = body.groups[0]?.examples[0];
  if (!example) throw new Error('the demo view has no example');
  const grid = page.getByRole('grid', { name: 'Comparison matrix' });
  const cell = (sessionId: string) =>
    grid.locator(`tr[data-example-id="${example.id}"] td[data-session-id="${sessionId}"]`);
  // The first experiment is the baseline: its own cells carry no delta.
  await expect(cell(gptV1.id).locator('.delta')).toHaveCount(0);
  // A cell's preview, kept by reference across the change (what a rebuilt cell would lose,
  // with its text selection; and rebuilding every cell made the change slow: issue 20).
  await cell(gptV2.id)
    .locator('.cell__preview')
    .evaluate((el) => {
      (window as unknown as { keptPreview: Element }).keptPreview = el;
    });

  await page.getByRole('combobox', { name: 'Baseline', exact: true }).selectOption(claudeV1.id);
  await expect(page).toHaveURL(new RegExp(`baseline=${claudeV1.id}`));
  await expect(cell(claudeV1.id).locator('.delta')).toHaveCount(0);
  await expect(cell(gptV1.id).locator('.delta').first()).toBeVisible();
  expect(
    await page.evaluate(() => {
      const kept = (window as unknown as { keptPreview: Element }).keptPreview;
      return kept.isConnected && kept.closest('td')?.getAttribute('data-session-id');
    }),
  ).toBe(gptV2.id);
  await expectNoPageErrors(errors);
});

test('detail opens from the matrix, steps with j/k, closes with Escape, and survives reload', async ({
  page,
}) => {
  const errors = trackPageErrors(page);
  const body = await openView(page);
  const rows = page.locator('tr[data-example-id]');
  const firstId = await rows.nth(0).getAttribute('data-example-id');
  const secondId = await rows.nth(1).getAttribute('data-example-id');
  // The heading is the example's name as the API sent it.
  const firstName =
    body.groups.flatMap((g) => g.examples).find((e) => e.id === firstId)?.name ?? '(missing)';

  await rows.nth(0).getByRole('rowheader').click();
  const detail = page.getByRole('dialog');
  await expect(detail.getByRole('heading', { level: 2 })).toHaveText(firstName);
  await expect(page).toHaveURL(new RegExp(`example=${firstId}`));
  await expect(detail.getByRole('heading', { name: 'Inputs' })).toBeVisible();
  await expect(detail.getByRole('region', { name: new RegExp(gptV1.name) })).toBeVisible();

  await page.keyboard.press('j');
  await expect(page).toHaveURL(new RegExp(`example=${secondId}`));
  await page.keyboard.press('k');
  await expect(page).toHaveURL(new RegExp(`example=${firstId}`));

  await page.reload();
  await expect(page.getByRole('dialog').getByRole('heading', { level: 2 })).toHaveText(firstName);

  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page).not.toHaveURL(/example=/);
  await expectNoPageErrors(errors);
});

test('arrow keys move between cells and Enter opens the example', async ({ page }) => {
  await openView(page);
  const firstHeader = page.locator('tr[data-example-id]').first().getByRole('rowheader');
  await firstHeader.focus();
  await page.keyboard.press('ArrowRight');
  const focused = page.locator(':focus');
  await expect(focused).toHaveJSProperty('tagName', 'TD');
  await expect(focused).toHaveAttribute('data-col-index', '1');
  await page.keyboard.press('ArrowDown');
  // The next row's cell in the same column: waited for, since the cell that had the focus is
  // still a focused TD until the move lands (reading the row before it did was a flake).
  const rows = page.locator('tr[data-example-id]');
  const second = await rows.nth(1).getAttribute('data-example-id');
  const below = page.locator(`tr[data-example-id="${second}"] td[data-col-index="1"]`);
  await expect(below).toBeFocused();
  const id = await below.evaluate((el) =>
    el.closest('[data-example-id]')?.getAttribute('data-example-id'),
  );
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`example=${id}`));
});

test('example metadata grouping shows row sections with one column per session', async ({
  page,
}) => {
  await openView(
    page,
    `/?dataset=${supportQa.id}&sessions=${gptV1.id},${claudeV1.id}&groupBy=example_metadata&key=topic`,
  );
  const grid = page.getByRole('grid', { name: 'Comparison matrix' });
  await expect(grid.locator('th[data-session-id]')).toHaveCount(2);
  // Each section opens with a header that folds it.
  await expect(grid.getByRole('rowheader', { expanded: true }).first()).toBeVisible();
});

test('a flung matrix shows each cell at a glance, then the full cells again at rest', async ({
  page,
}) => {
  const errors = trackPageErrors(page);
  await openView(page);
  const matrix = scroller(page);
  await expect(matrix.locator('tr[data-example-id]').first()).toBeVisible();

  // A reading-speed scroll (40 px every 40 ms: a screen a second or so) keeps the full cells.
  const slow = await matrix.evaluate(async (el) => {
    let flung = 0;
    for (let i = 0; i < 20; i++) {
      el.scrollTop += 40;
      await new Promise((r) => setTimeout(r, 40));
      if (el.dataset.scrollPace === 'fling' || el.querySelector('td.is-glance')) flung += 1;
    }
    return flung;
  });
  expect(slow).toBe(0);

  // A fling (half a screen a frame): cells at a glance, one line per chip.
  const fling = await matrix.evaluate(async (el) => {
    const frame = () => new Promise((r) => requestAnimationFrame(r));
    el.scrollTop = 0;
    await new Promise((r) => setTimeout(r, 300));
    let flungFrames = 0;
    let glance: Record<string, string> = {};
    for (let i = 0; i < 60 && el.scrollTop + el.clientHeight < el.scrollHeight - 1; i++) {
      el.scrollTop += el.clientHeight / 2;
      await frame();
      if (el.dataset.scrollPace !== 'fling') continue;
      flungFrames += 1;
      glance = {};
      for (const td of el.querySelectorAll<HTMLElement>('td.is-glance')) {
        const row = td.closest<HTMLElement>('tr[data-example-id]');
        glance[`${row?.dataset.exampleId}|${td.dataset.sessionId}`] = td.textContent ?? '';
      }
    }
    return { flungFrames, glance };
  });
  expect(fling.flungFrames).toBeGreaterThan(0);
  expect(Object.keys(fling.glance).length).toBeGreaterThan(0);

  // At rest: the full cells are back, with the scores the glance showed.
  await expect(matrix).toHaveAttribute('data-scroll-pace', 'normal');
  await expect(matrix.locator('td.is-glance')).toHaveCount(0);
  await expect(matrix.locator('.cell__preview').first()).toBeVisible();
  let compared = 0;
  for (const [id, text] of Object.entries(fling.glance)) {
    const [exampleId, sessionId] = id.split('|');
    const cell = matrix.locator(
      `tr[data-example-id="${exampleId}"] td[data-session-id="${sessionId}"]`,
    );
    if ((await cell.count()) === 0) continue;
    const chips = await cell
      .locator('[data-feedback-key]')
      .evaluateAll((els) =>
        els.map((e) => `${(e as HTMLElement).dataset.feedbackKey} ${e.textContent}`),
      );
    const lines = text.split('\n').filter((line) => line !== 'Error');
    expect(lines).toEqual(chips);
    compared += 1;
  }
  expect(compared).toBeGreaterThan(0);
  await expectNoPageErrors(errors);
});

test('a long output is cut only past what its two lines show: the clamp still ends in an ellipsis', async ({
  page,
}) => {
  const errors = trackPageErrors(page);
  // Every experiment: the columns keep their default width, where previews are cut shortest.
  const all = sessionsOf(supportQa.id).map((s) => s.id);
  await openView(page, `/?dataset=${supportQa.id}&sessions=${all.join(',')}&key=model`);
  const previews = page.locator('tr[data-example-id] .cell__preview');
  await expect(previews.first()).toBeVisible();
  const seen = await previews.evaluateAll((els) =>
    els.map((el) => ({
      cut: (el.textContent ?? '').endsWith('…') && el.getAttribute('title') !== el.textContent,
      overflows: el.scrollHeight > el.clientHeight + 1,
    })),
  );
  const cut = seen.filter((p) => p.cut);
  expect(cut.length).toBeGreaterThan(0);
  // Every cut preview still fills its two lines and overflows them.
  for (const p of cut) expect(p.overflows).toBe(true);
  await expectNoPageErrors(errors);
});
