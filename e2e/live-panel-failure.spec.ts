import { expect, test } from '@playwright/test';
import { datasetNamed, sessionNamed } from './support/demo-data';
import { expectNoPageErrors, trackPageErrors } from './support/page-guards';

/**
 * A panel whose code does not arrive (the network drops just as a lazy chunk is asked for,
 * the offline test's race made certain): before, React unmounted the whole page. In live
 * mode, as demo mode's service worker would fetch the chunk past the page's routes.
 */
const supportQa = datasetNamed('Support QA');
const gpt = sessionNamed(supportQa.id, 'gpt-4o-v1');
const claude = sessionNamed(supportQa.id, 'claude-3-5-sonnet-v1');
const VIEW = `/?dataset=${supportQa.id}&sessions=${gpt.id},${claude.id}&groupBy=run_metadata&key=model`;

test('a panel whose code does not load says so in its place; the rest stays; Try again loads it', async ({
  page,
}) => {
  const errors = trackPageErrors(page);
  let block = true;
  await page.route(/\/assets\/charts-section-[^/]*\.js$/, (route) =>
    block ? route.abort('internetdisconnected') : route.continue(),
  );
  await page.goto(VIEW);
  const failed = page.getByRole('alert').filter({ hasText: 'The charts could not be shown' });
  await expect(failed).toContainText('its code could not be loaded (is the network down?)');
  await expect(page.getByRole('grid', { name: 'Comparison matrix' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Group summary' })).toBeVisible();
  block = false;
  await failed.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('tab', { name: 'Latency' })).toBeVisible();
  await expect(failed).toHaveCount(0);
  await expectNoPageErrors(errors);
});
