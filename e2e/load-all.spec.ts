import { expect, type Page, test } from '@playwright/test';
import { datasetNamed, demo, sessionNamed } from './support/demo-data';
import { expectNoPageErrors, trackPageErrors } from './support/page-guards';

/** "Load all" in demo mode: every example, page after page, and a link that loads them again. */
const supportQa = datasetNamed('Support QA');
const gpt = sessionNamed(supportQa.id, 'gpt-4o-v1');
const claude = sessionNamed(supportQa.id, 'claude-3-5-sonnet-v2');
const PAGE_SIZE = 20;
const TOTAL = demo.contentOf(supportQa.id).examples.length;
const LINK = `/?dataset=${supportQa.id}&sessions=${gpt.id},${claude.id}&groupBy=run_metadata&key=model&pageSize=${PAGE_SIZE}`;

const status = (page: Page) => page.getByRole('status').filter({ hasText: /^Showing/ });
const grid = (page: Page) => page.getByRole('grid', { name: 'Comparison matrix' });
// The grid counts its rows: examples and the two header rows.
const HEADER_ROWS = 2;

test('Load all shows every example, counts them, and all=1 reproduces the view', async ({
  page,
}) => {
  const errors = trackPageErrors(page);
  await page.goto(LINK);
  await expect(status(page)).toHaveText(
    `Showing ${PAGE_SIZE} of ${PAGE_SIZE} loaded examples (${TOTAL} in the largest group).`,
  );
  // Every text the status takes, as it takes it (a mutation observer in the page).
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { statuses: string[] }).statuses = seen;
    const read = () => {
      for (const el of document.querySelectorAll('[role="status"]')) {
        const text = el.textContent ?? '';
        if (text.startsWith('Showing') && seen.at(-1) !== text) seen.push(text);
      }
    };
    read();
    new MutationObserver(read).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  });
  await page.getByRole('button', { name: `Load all ${TOTAL}` }).click();
  await expect(page).toHaveURL(/[?&]all=1(&|$)/);
  await expect(status(page)).toHaveText(`Showing ${TOTAL} of ${TOTAL} loaded examples.`);
  await expect(grid(page)).toHaveAttribute('aria-rowcount', String(TOTAL + HEADER_ROWS));
  await expect(page.getByRole('navigation', { name: 'Pages' })).toHaveCount(0);
  // Rows appeared page by page: the status counted each page as it came (pages double from
  // the page size), not only the last.
  const statuses = await page.evaluate(
    () => (window as unknown as { statuses: string[] }).statuses,
  );
  const counts: number[] = [PAGE_SIZE];
  for (let loaded = PAGE_SIZE, size = PAGE_SIZE * 2; loaded < TOTAL; size *= 2) {
    loaded = Math.min(TOTAL, loaded + size);
    counts.push(loaded);
  }
  expect(counts.length).toBeGreaterThan(2);
  expect(statuses).toEqual(
    counts.map((n) =>
      n < TOTAL
        ? `Showing ${n} of ${n} loaded examples (${TOTAL} in the largest group).`
        : `Showing ${TOTAL} of ${TOTAL} loaded examples.`,
    ),
  );

  // Back to one page at a time is one Back away; the link loads every page again.
  const allLink = page.url();
  await page.goBack();
  await expect(status(page)).toHaveText(
    `Showing ${PAGE_SIZE} of ${PAGE_SIZE} loaded examples (${TOTAL} in the largest group).`,
  );
  await page.goto(allLink);
  await expect(status(page)).toHaveText(`Showing ${TOTAL} of ${TOTAL} loaded examples.`);
  await expectNoPageErrors(errors);
});
