import { expect, type Page, test } from '@playwright/test';
import { datasetNamed, sessionsOf } from './support/demo-data';
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
