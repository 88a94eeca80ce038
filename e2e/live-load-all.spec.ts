import { expect, type Page, type Route, test } from '@playwright/test';
import { datasetNamed, demo, sessionNamed } from './support/demo-data';
import { expectNoPageErrors, trackPageErrors } from './support/page-guards';

/**
 * "Load all" in live mode (the production server, the stand-in as LangSmith): rows appear
 * as each page arrives and the status counts them; `all=1` in the link loads them again;
 * cancelling or a failed page keeps what loaded. page.route holds (or fails) the page that
 * starts at a chosen offset, so the state between two pages can be looked at.
 */
const supportQa = datasetNamed('Support QA');
const gpt = sessionNamed(supportQa.id, 'gpt-4o-v1');
const claude = sessionNamed(supportQa.id, 'claude-3-5-sonnet-v2');
const PAGE_SIZE = 20;
const LINK = `/?dataset=${supportQa.id}&sessions=${gpt.id},${claude.id}&groupBy=run_metadata&key=model&pageSize=${PAGE_SIZE}`;
// Every experiment ran every example once: the largest group holds them all.
const TOTAL = demo.contentOf(supportQa.id).examples.length;
// Pages double from the page size: 20 (offset 0), 40 (offset 20), then the rest from 60.
const HELD_OFFSET = PAGE_SIZE + 2 * PAGE_SIZE;

/** Holds (or fails, with `fail`) the first group/runs request from HELD_OFFSET. */
async function interceptThirdPage(page: Page, fail = false) {
  let held: Route | null = null;
  let seen = 0;
  await page.route('**/api/v1/datasets/*/group/runs', async (route) => {
    const body = route.request().postDataJSON() as { offset: number };
    if (body.offset !== HELD_OFFSET || seen++ > 0) return route.continue();
    if (fail) return route.fulfill({ status: 400, json: { detail: 'Bad page' } });
    held = route;
  });
  return {
    held: () => held !== null,
    release: async () => {
      await held?.continue().catch(() => undefined);
    },
  };
}

const status = (page: Page) => page.getByRole('status').filter({ hasText: /^Showing/ });
const grid = (page: Page) => page.getByRole('grid', { name: 'Comparison matrix' });
// The grid counts its rows: examples and the two header rows.
const HEADER_ROWS = 2;

test('rows appear as pages arrive, the status counts them, all=1 reloads them', async ({
  page,
}) => {
  // Two complete loads of the comparison (the click, then the link) on a shared machine.
  test.setTimeout(60_000);
  const errors = trackPageErrors(page);
  const third = await interceptThirdPage(page);
  await page.goto(LINK);
  await expect(status(page)).toHaveText(
    `Showing ${PAGE_SIZE} of ${PAGE_SIZE} loaded examples (${TOTAL} in the largest group).`,
  );

  await page.getByRole('button', { name: `Load all ${TOTAL}` }).click();
  await expect(page).toHaveURL(/[?&]all=1(&|$)/);
  // Two pages in, the third held: their rows are shown and counted.
  await expect.poll(third.held).toBe(true);
  await expect(status(page)).toHaveText(
    `Showing ${HELD_OFFSET} of ${HELD_OFFSET} loaded examples (${TOTAL} in the largest group).`,
  );
  await expect(grid(page)).toHaveAttribute('aria-rowcount', String(HELD_OFFSET + HEADER_ROWS));
  await expect(page.getByText(`Loading all examples: ${HELD_OFFSET} of ${TOTAL}`)).toBeVisible();

  await third.release();
  await expect(status(page)).toHaveText(`Showing ${TOTAL} of ${TOTAL} loaded examples.`);
  await expect(grid(page)).toHaveAttribute('aria-rowcount', String(TOTAL + HEADER_ROWS));
  await expect(page.getByRole('navigation', { name: 'Pages' })).toHaveCount(0);

  // The link reproduces the loaded view.
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  await page.goto(page.url());
  await expect(status(page)).toHaveText(`Showing ${TOTAL} of ${TOTAL} loaded examples.`);
  await expectNoPageErrors(errors);
});

test('cancel keeps the pages loaded; Continue loading goes on from there', async ({ page }) => {
  const third = await interceptThirdPage(page);
  await page.goto(`${LINK}&all=1`);
  await expect.poll(third.held).toBe(true);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(
    page.getByText(`Loading all examples was cancelled; the ${HELD_OFFSET} loaded are shown.`),
  ).toBeVisible();
  await expect(status(page)).toHaveText(
    `Showing ${HELD_OFFSET} of ${HELD_OFFSET} loaded examples (${TOTAL} in the largest group).`,
  );
  await expect(page.getByText(`Loaded ${HELD_OFFSET} of ${TOTAL} examples`)).toBeVisible();

  await page.getByRole('button', { name: 'Continue loading' }).click();
  await expect(status(page)).toHaveText(`Showing ${TOTAL} of ${TOTAL} loaded examples.`);
});

test('a failed page keeps the pages loaded, says so, and Retry loads the rest', async ({
  page,
}) => {
  await interceptThirdPage(page, true);
  await page.goto(LINK);
  await page.getByRole('button', { name: `Load all ${TOTAL}` }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'the remaining pages' });
  await expect(alert).toBeVisible();
  await expect(status(page)).toHaveText(
    `Showing ${HELD_OFFSET} of ${HELD_OFFSET} loaded examples (${TOTAL} in the largest group).`,
  );
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(status(page)).toHaveText(`Showing ${TOTAL} of ${TOTAL} loaded examples.`);
  await expect(alert).toHaveCount(0);
});
