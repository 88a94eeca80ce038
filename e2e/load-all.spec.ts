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

test('Load all shows every example, counts them, and all=1 reproduces the view', async ({
  page,
}) => {
  const errors = trackPageErrors(page);
  await page.goto(LINK);
  await expect(status(page)).toHaveText(
    `Showing ${PAGE_SIZE} of ${PAGE_SIZE} loaded examples (${TOTAL} in the largest group).`,
  );
  await page.getByRole('button', { name: `Load all ${TOTAL}` }).click();
  await expect(page).toHaveURL(/[?&]all=1(&|$)/);
  await expect(status(page)).toHaveText(`Showing ${TOTAL} of ${TOTAL} loaded examples.`);
  await expect(page.getByRole('navigation', { name: 'Pages' })).toHaveCount(0);

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
