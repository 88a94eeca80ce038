import { expect, type Locator, type Page, test } from '@playwright/test';
import { chooseComparison } from './support/choose-comparison';
import { datasetNamed, sessionsOf } from './support/demo-data';
import { expectNoPageErrors, trackPageErrors } from './support/page-guards';
import { matrix } from './support/pickers';

const supportQa = datasetNamed('Support QA');
const experiments = sessionsOf(supportQa.id);

/**
 * What overflows a cell's box: each text node's line boxes and each element's box that pass
 * the cell's padding box (where `overflow: hidden` cuts), and each element that clips its own
 * text (an ellipsis). The output preview is clamped to two lines by design (its tooltip and
 * the detail hold it whole): only its width is checked. Screen-reader-only text is skipped.
 */
async function overflowsOf(cell: Locator) {
  return cell.evaluate((td) => {
    const box = td.getBoundingClientRect();
    const inner = {
      left: box.left + td.clientLeft,
      top: box.top + td.clientTop,
      right: box.left + td.clientLeft + td.clientWidth,
      bottom: box.top + td.clientTop + td.clientHeight,
    };
    const hidden = (node: Node) => node.parentElement?.closest('.visually-hidden') !== null;
    const clamped = (node: Node) => node.parentElement?.closest('.cell__preview') !== null;
    const found: string[] = [];
    const check = (rect: DOMRect, what: string, widthOnly: boolean) => {
      if (rect.width === 0 && rect.height === 0) return;
      const out =
        rect.left < inner.left - 0.5 ||
        rect.right > inner.right + 0.5 ||
        (!widthOnly && (rect.top < inner.top - 0.5 || rect.bottom > inner.bottom + 0.5));
      if (out)
        found.push(
          `${what} [${Math.round(rect.left)}–${Math.round(rect.right)}, ${Math.round(rect.top)}–${Math.round(rect.bottom)}] outside [${Math.round(inner.left)}–${Math.round(inner.right)}, ${Math.round(inner.top)}–${Math.round(inner.bottom)}]`,
        );
    };
    const walker = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent?.trim() || hidden(node)) continue;
      range.selectNodeContents(node);
      for (const rect of range.getClientRects())
        check(rect, `"${node.textContent}"`, clamped(node));
    }
    for (const el of td.querySelectorAll<HTMLElement>('*')) {
      if (el.closest('.visually-hidden')) continue;
      const label = `<${el.className || el.tagName}> "${el.textContent}"`;
      if (!el.classList.contains('cell__preview'))
        check(el.getBoundingClientRect(), label, clamped(el));
      const style = getComputedStyle(el);
      if (style.overflowX !== 'visible' && el.scrollWidth > el.clientWidth + 0.5) {
        found.push(`${label} clips its text (${el.scrollWidth} > ${el.clientWidth})`);
      }
    }
    return found;
  });
}

/** The cells of an experiment in the rows on screen. */
const cellsOf = (page: Page, sessionId: string) =>
  matrix(page).locator(`tr[data-example-id] td[data-session-id="${sessionId}"]`);

test('no number in a cell of three repetitions is cut, in either density, at the default width', async ({
  page,
}) => {
  const errors = trackPageErrors(page);
  // Every experiment: the columns are at their default width (six do not fit 1440 px).
  const body = await chooseComparison(page, {
    dataset: 'Support QA',
    experiments: experiments.map((s) => s.name),
    key: 'model',
  });
  // The experiment that ran every example three times, found in the data.
  const repeated = experiments.find((s) =>
    body.groups.some((g) =>
      g.examples.some((e) => e.runs.filter((r) => r.session_id === s.id).length === 3),
    ),
  );
  expect(repeated, 'an experiment with three runs per example').toBeDefined();
  const sessionId = repeated?.id ?? '';
  const header = matrix(page).locator(`th[data-session-id="${sessionId}"]`);
  await expect(header).toBeVisible();
  expect(Math.round((await header.boundingBox())?.width ?? 0)).toBe(232);

  // Comfortable: each cell shows the delta, the cost and that it holds three runs.
  const cells = cellsOf(page, sessionId);
  await header.scrollIntoViewIfNeeded();
  await expect(cells.first()).toBeVisible();
  const count = Math.min(await cells.count(), 6);
  expect(count).toBeGreaterThan(2);
  let withDelta = 0;
  for (let i = 0; i < count; i++) {
    const cell = cells.nth(i);
    expect(await overflowsOf(cell), `cell ${i} of ${repeated?.name}`).toEqual([]);
    await expect(cell.getByText('3×')).toBeVisible();
    await expect(cell.getByTitle(/^Cost/)).toHaveText(/^\$/);
    if ((await cell.getByText(/vs baseline, (better|worse)/).count()) > 0) withDelta += 1;
  }
  expect(withDelta).toBeGreaterThan(0);

  // Compact, chosen in the display controls: the cell, and the full cell it opens on hover.
  const scroller = page.locator('[data-scroll-pace]');
  await page.getByRole('combobox', { name: 'Density' }).selectOption('compact');
  await expect
    .poll(async () => (await header.boundingBox())?.width ?? 0, { message: 'compact columns' })
    .toBeLessThan(232);
  for (let i = 0; i < Math.min(await cells.count(), 4); i++) {
    const cell = cells.nth(i);
    await cell.scrollIntoViewIfNeeded();
    // Away from the cells (scrolling moves them under the pointer): the compact cell alone.
    await page.mouse.move(0, 0);
    await expect(cell.getByRole('tooltip')).toHaveCount(0);
    expect(await overflowsOf(cell), `compact cell ${i}`).toEqual([]);
    await cell.hover();
    const popover = cell.getByRole('tooltip');
    await expect(popover).toBeVisible();
    await expect(popover.getByText('3×')).toBeVisible();
    expect(await overflowsOf(popover), `full cell ${i} over the compact one`).toEqual([]);
    // The full cell opens where the matrix has room for it: not cut at its edges either.
    const view = await scroller.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return {
        left: r.left + el.clientLeft,
        top: r.top + el.clientTop,
        w: el.clientWidth,
        h: el.clientHeight,
      };
    });
    const box = (await popover.boundingBox()) ?? { x: -1, y: -1, width: 0, height: 0 };
    expect(box.x, `full cell ${i} left`).toBeGreaterThanOrEqual(view.left - 0.5);
    expect(box.x + box.width, `full cell ${i} right`).toBeLessThanOrEqual(view.left + view.w + 0.5);
    expect(box.y, `full cell ${i} top`).toBeGreaterThanOrEqual(view.top - 0.5);
    expect(box.y + box.height, `full cell ${i} bottom`).toBeLessThanOrEqual(
      view.top + view.h + 0.5,
    );
  }
  await expectNoPageErrors(errors);
});
