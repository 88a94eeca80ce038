import { expect, type Page, test } from '@playwright/test';
import { datasetNamed, sessionNamed, sessionsOf } from './support/demo-data';
import { expectNoPageErrors, trackPageErrors } from './support/page-guards';

/** The whole path without a mouse: pickers, baseline, sort, filter, open detail, step, export. */
const supportQa = datasetNamed('Support QA');

/** What the focused element must be: matched by CSS selector, label text or own text. */
interface Target {
  selector?: string;
  label?: string;
  text?: string;
}

/** Presses Tab until the focused element matches `target`; fails after `max` presses. */
async function tabTo(page: Page, target: Target, max = 120) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const hit = await page.evaluate(({ selector, label, text }) => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return false;
      if (selector && !el.matches(selector)) return false;
      const labels = (el as HTMLInputElement).labels;
      if (label && labels?.[0]?.textContent !== label) return false;
      if (text && el.textContent !== text) return false;
      return true;
    }, target);
    if (hit) return;
  }
  throw new Error(`Tab never reached ${JSON.stringify(target)}`);
}

async function expectVisibleFocus(page: Page) {
  const outline = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return 'none';
    const style = getComputedStyle(el);
    return `${style.outlineStyle} ${style.outlineWidth}`;
  });
  expect(outline).not.toMatch(/^none|0px$/);
}

test('keyboard only: choose, compare, open and step through examples, export', async ({ page }) => {
  const errors = trackPageErrors(page);
  await page.goto('/');
  await tabTo(page, { selector: '.picker--dataset input' });
  await expectVisibleFocus(page);
  await page.keyboard.type('Support');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`dataset=${supportQa.id}`));

  await tabTo(page, { selector: 'input[type="checkbox"]' });
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await expect(page).toHaveURL(/sessions=[^&]+,[^&]+/);

  await tabTo(page, { selector: '.picker--key input' });
  await page.keyboard.type('model');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/key=model/);
  await expect(page.getByRole('grid', { name: 'Comparison matrix' })).toBeVisible();

  // Sort, filter and baseline are native selects: arrow keys change them.
  await tabTo(page, { selector: 'select', label: 'Show' });
  await page.keyboard.press('ArrowDown');
  await expect(page).toHaveURL(/only=regressions/);
  await page.keyboard.press('ArrowUp');
  await expect(page).not.toHaveURL(/only=/);
  await tabTo(page, { selector: 'select', label: 'Sort by' });
  await page.keyboard.press('ArrowDown');
  await expect(page).toHaveURL(/sort=example/);
  await tabTo(page, { selector: 'select', label: 'Baseline' });
  await page.keyboard.press('ArrowDown');
  await expect(page).toHaveURL(/baseline=/);

  // Into the grid: arrows move, Enter opens, j/k step, Escape closes.
  await tabTo(page, { selector: 'th[scope="row"]' });
  await expectVisibleFocus(page);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  await expectVisibleFocus(page);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeVisible();
  const first = new URL(page.url()).searchParams.get('example');
  await page.keyboard.press('j');
  await expect.poll(() => new URL(page.url()).searchParams.get('example')).not.toBe(first);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // Export and copy link are buttons in the tab order.
  await page.keyboard.press('Shift+Tab');
  await tabTo(page, { selector: 'button', text: 'Export CSV' }, 200);
  const download = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  expect((await download).suggestedFilename()).toMatch(/\.csv$/);
  expect(sessionsOf(supportQa.id).length).toBeGreaterThan(1);
  await expectNoPageErrors(errors);
});

test('landmarks, and "Skip to matrix" as the first Tab stop that puts focus in the matrix', async ({
  page,
}) => {
  const errors = trackPageErrors(page);
  const sessions = ['gpt-4o-v1', 'claude-3-5-sonnet-v1'].map((n) => sessionNamed(supportQa.id, n));
  await page.goto(
    `/?dataset=${supportQa.id}&sessions=${sessions.map((s) => s.id).join(',')}&groupBy=run_metadata&key=model`,
  );
  const grid = page.getByRole('grid', { name: 'Comparison matrix' });
  await expect(grid).toBeVisible();
  await expect(page.getByRole('banner')).toHaveCount(1);
  await expect(page.getByRole('main')).toHaveCount(1);
  await expect(page.getByRole('region', { name: 'What to compare' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Comparison' })).toBeVisible();

  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to matrix' });
  await expect(skip).toBeFocused();
  await expectVisibleFocus(page);
  await page.keyboard.press('Enter');
  const inGrid = () =>
    page.evaluate(
      () => document.activeElement?.closest('[role="grid"]')?.getAttribute('aria-label') ?? null,
    );
  await expect.poll(inGrid).toBe('Comparison matrix');
  await expectVisibleFocus(page);
  // The matrix's own keys work from there: arrows move, Enter opens the example.
  await page.keyboard.press('ArrowDown');
  await expect.poll(inGrid).toBe('Comparison matrix');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeVisible();
  await expect(page).toHaveURL(/[?&]example=/);
  await expectNoPageErrors(errors);
});

test('"Skip to matrix" appears with a comparison chosen by keyboard, as the first Tab stop', async ({
  page,
}) => {
  await page.goto(`/?dataset=${supportQa.id}`);
  await expect(page.getByRole('combobox', { name: 'Dataset' })).toHaveValue('Support QA');
  // No comparison yet: nothing to skip to, the first stop skips to the content.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await expect(page.getByRole('link', { name: 'Skip to matrix' })).toHaveCount(0);
  await tabTo(page, { selector: 'input[type="checkbox"]' });
  await page.keyboard.press('Space');
  await tabTo(page, { selector: '.picker--key input' });
  await page.keyboard.type('model');
  await page.keyboard.press('Enter');
  const grid = page.getByRole('grid', { name: 'Comparison matrix' });
  await expect(grid).toBeVisible();

  // Back at the top of the page (a reload): one Tab and Enter put focus in the matrix.
  await page.reload();
  await expect(grid).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to matrix' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.closest('[role="grid"]') !== null))
    .toBe(true);
});
