import { expect, test } from '@playwright/test';
import { chooseComparison } from './support/choose-comparison';
import { datasetNamed, sessionNamed } from './support/demo-data';
import { expectNoPageErrors, trackPageErrors } from './support/page-guards';
import { matrix } from './support/pickers';

const supportQa = datasetNamed('Support QA');
// The four: two gpt-4o runs whose names differ only past their 17th character.
const chosen = ['gpt-4o-v1', 'gpt-4o-v2', 'claude-3-5-sonnet-v1', 'llama-3.1-70b-v2'].map((part) =>
  sessionNamed(supportQa.id, part),
);

test('experiment headers show what tells the names apart, the full name on hover and focus, and fill the width', async ({
  page,
}) => {
  const errors = trackPageErrors(page);
  await chooseComparison(page, {
    dataset: 'Support QA',
    experiments: chosen.map((s) => s.name),
    key: 'model',
  });
  const grid = matrix(page);
  const labels: string[] = [];
  for (const session of chosen) {
    const header = grid.locator(`th[data-session-id="${session.id}"]`);
    // The header is named by the whole name, whatever it shows.
    await expect(grid.getByRole('columnheader', { name: session.name })).toBeVisible();
    const name = header.locator('.matrix__column-name');
    const shown = ((await name.textContent()) ?? '').trim();
    labels.push(shown);
    // What shows is the name's own text, in order, with "…" where parts are left out…
    const pieces = shown.split('…').filter(Boolean);
    let from = 0;
    for (const piece of pieces) {
      const at = session.name.indexOf(piece, from);
      expect(at, `"${piece}" of "${shown}" in "${session.name}"`).toBeGreaterThanOrEqual(from);
      from = at + piece.length;
    }
    // …and it is not cut again by the header.
    expect(await name.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  }
  // The two gpt-4o runs read differently, each by its own version.
  expect(new Set(labels).size).toBe(chosen.length);
  expect(labels[0]).toContain('v1');
  expect(labels[1]).toContain('v2');

  // Hovering a name shows it whole.
  const second = grid.locator(`th[data-session-id="${chosen[1]?.id}"]`);
  await second.locator('.matrix__column-name').hover();
  await expect(second.getByRole('tooltip')).toHaveText(chosen[1]?.name ?? '');
  await expect(second.getByRole('tooltip')).toBeVisible();
  // So does moving the keyboard focus into its header.
  await page.mouse.move(0, 0);
  await expect(second.getByRole('tooltip')).toBeHidden();
  await second.getByRole('button', { name: `Use ${chosen[1]?.name} as baseline` }).focus();
  await page.keyboard.press('Tab');
  await expect(second.getByRole('button', { name: `Move ${chosen[1]?.name} left` })).toBeFocused();
  await expect(second.getByRole('tooltip')).toBeVisible();

  // The four columns share the matrix's width: no empty strip at the right.
  const scroller = page.locator('[data-scroll-pace]');
  const inner = await scroller.evaluate((el) => {
    const box = el.getBoundingClientRect();
    return {
      right: box.left + el.clientLeft + el.clientWidth,
      scrolls: el.scrollWidth > el.clientWidth,
    };
  });
  const lastRight = await grid
    .locator('th[data-session-id]')
    .evaluateAll((els) => Math.max(...els.map((el) => el.getBoundingClientRect().right)));
  expect(inner.scrolls).toBe(false);
  expect(inner.right - lastRight).toBeLessThan(chosen.length);
  await expectNoPageErrors(errors);
});
