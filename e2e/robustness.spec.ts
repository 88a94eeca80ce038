import { expect, type Page, test } from '@playwright/test';
import { HUGE_SESSION_COUNT, hugeSessionId } from '../src/mocks/scenarios';
import { datasetNamed, sessionNamed } from './support/demo-data';
import { expectNoPageErrors, trackPageErrors } from './support/page-guards';

/**
 * Sizes and bad links: a 5 MB output, 1,000-level nesting, 100 feedback keys, 50 groups,
 * 20 sessions, 10,000-character names, emoji, RTL and zero-width text must render without
 * a long freeze; a URL full of junk must load what it can and never send a bad request.
 */
const supportQa = datasetNamed('Support QA');
const gpt = sessionNamed(supportQa.id, 'gpt-4o-v1');

declare global {
  interface Window {
    longTasks?: { start: number; duration: number }[];
  }
}

async function recordLongTasks(page: Page) {
  await page.addInitScript(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        window.longTasks?.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
}

/** Long tasks since the grouped response arrived (page boot is not one of "these"). */
async function longestTaskSinceData(page: Page): Promise<number> {
  return page.evaluate(() => {
    const mark = performance.getEntriesByName('versus:response-received').at(-1);
    const since = mark?.startTime ?? 0;
    return Math.max(
      0,
      ...(window.longTasks ?? [])
        .filter((t) => t.start + t.duration >= since)
        .map((t) => t.duration),
    );
  });
}

test('huge and strange data renders without freezing the page', async ({ page }) => {
  test.setTimeout(60_000);
  const errors = trackPageErrors(page);
  await recordLongTasks(page);
  await page.goto('/');
  await page.waitForFunction(() => window.versusDemo !== undefined);
  await page.evaluate(() => window.versusDemo?.use('huge'));
  const sessions = Array.from({ length: HUGE_SESSION_COUNT }, (_, i) => hugeSessionId(i)).join(',');
  await page.evaluate((u) => {
    history.pushState(null, '', u);
    dispatchEvent(new PopStateEvent('popstate'));
  }, `/?dataset=${supportQa.id}&sessions=${sessions}&groupBy=run_metadata&key=model`);

  const grid = page.getByRole('grid', { name: 'Comparison matrix' });
  await expect(grid).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('(empty string)').first()).toBeVisible();
  const firstRow = grid.locator('tr[data-example-id]').first();
  await expect(firstRow).toBeVisible();
  // The 5 MB output is cut in the cell...
  const preview = await firstRow.locator('.cell__preview').first().innerText();
  expect(preview.length).toBeLessThan(400);
  // ...and whole, but collapsed to a preview, in the detail.
  await firstRow.getByRole('rowheader').click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expect(
    page.getByRole('button', { name: /Show all 5,242,\d{3} characters/ }).first(),
  ).toBeVisible();
  await page.keyboard.press('j');
  await expect(page.getByRole('dialog').getByText('level').first()).toBeVisible();
  await page.keyboard.press('Escape');

  // Layout holds: the page never scrolls sideways; the matrix scrolls inside itself.
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  // Reported, not asserted: speed budgets belong to `npm run bench`, not to timed tests.
  test.info().annotations.push({
    type: 'longest task after the data arrived (ms)',
    description: String(Math.round(await longestTaskSinceData(page))),
  });
  await expectNoPageErrors(errors);
});

test('a URL of junk: notices, the rest loads, no malformed request is sent', async ({ page }) => {
  const errors = trackPageErrors(page);
  const bodies: unknown[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/group/runs')) bodies.push(r.postDataJSON());
  });
  const many = Array.from(
    { length: 500 },
    (_, i) => `0b8d6f5e-1111-4a2b-8c3d-${String(i).padStart(12, '0')}`,
  );
  const junk = `&${'zz%00=<script>&'.repeat(7_000)}`;
  await page.goto(
    `/?dataset=${supportQa.id}&dataset=nope&sessions=${gpt.id},not-a-uuid,${many.join(',')}&groupBy=bogus&key=model&baseline=${many[3]}&sort=banana${junk}`,
  );
  const notices = page.getByRole('region', { name: 'Notices' });
  await expect(notices).toContainText('"dataset" appeared 2 times');
  await expect(notices).toContainText('not valid');
  await expect(notices).toContainText('groupBy "bogus"');
  await expect(notices).toContainText('Ignored unknown parameter');
  await expect(page.getByRole('grid', { name: 'Comparison matrix' })).toBeVisible();
  for (const body of bodies) {
    const b = body as { session_ids: string[]; group_by: string; limit: number };
    expect(b.session_ids.length).toBeGreaterThan(0);
    expect(b.session_ids.length).toBeLessThanOrEqual(20);
    for (const id of b.session_ids) expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(['run_metadata', 'example_metadata']).toContain(b.group_by);
  }
  expect(page.url().length).toBeLessThan(2_000);
  await expectNoPageErrors(errors);
});
