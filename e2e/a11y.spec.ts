import { expect, type Page, test } from '@playwright/test';
import { seriousViolations } from './support/axe';
import { datasetNamed, sessionNamed } from './support/demo-data';

/** Every main state, scanned: no serious or critical violation may appear. */
const supportQa = datasetNamed('Support QA');
const gpt = sessionNamed(supportQa.id, 'gpt-4o-v1');
const claude = sessionNamed(supportQa.id, 'claude-3-5-sonnet-v2');
const VIEW = `/?dataset=${supportQa.id}&sessions=${gpt.id},${claude.id}&groupBy=run_metadata&key=model`;

async function expectAccessible(page: Page, state: string) {
  expect(await seriousViolations(page), `axe violations in state "${state}"`).toEqual([]);
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme });

    test('empty start and pickers open', async ({ page }) => {
      await page.goto('/');
      await expect(page.getByRole('combobox', { name: 'Dataset' })).toBeVisible();
      await expectAccessible(page, 'empty start');
      await page.getByRole('combobox', { name: 'Dataset' }).click();
      await expect(page.getByRole('listbox').getByRole('option').first()).toBeVisible();
      await expectAccessible(page, 'dataset picker open');
    });

    test('matrix and charts', async ({ page }) => {
      // Two whole-page scans of the matrix, charts, scoreboard and its figure.
      test.slow();
      await page.goto(VIEW);
      await expect(page.getByRole('grid', { name: 'Comparison matrix' })).toBeVisible();
      await expect(page.getByRole('figure', { name: /^Latency/ })).toBeVisible();
      await expectAccessible(page, 'matrix');
      await page.getByRole('button', { name: 'Show as table' }).click();
      await expectAccessible(page, 'chart table');
    });

    test('detail panel', async ({ page }) => {
      test.slow();
      await page.goto(VIEW);
      await page.locator('tr[data-example-id]').first().getByRole('rowheader').click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await expectAccessible(page, 'detail');
    });

    test('an error', async ({ page }) => {
      await page.goto('/');
      await page.waitForFunction(() => window.versusDemo !== undefined);
      await page.evaluate(() => window.versusDemo?.use('unauthorized'));
      await page.evaluate((u) => {
        history.pushState(null, '', u);
        dispatchEvent(new PopStateEvent('popstate'));
      }, VIEW);
      await expect(page.getByRole('alert').first()).toBeVisible();
      await expectAccessible(page, 'error');
    });
  });
}

test('compact density fits eight experiments at 1440 x 900 without scrolling sideways', async ({
  page,
}) => {
  await page.addInitScript(() =>
    localStorage.setItem(
      'versus:preferences',
      JSON.stringify({ theme: 'system', density: 'compact' }),
    ),
  );
  await page.goto('/');
  await expect(page.getByRole('combobox', { name: 'Dataset' })).toBeVisible();
  const scale = await page.evaluate(async () => {
    const datasets = (await (await fetch('/api/v1/datasets?name_contains=Scale')).json()) as {
      id: string;
    }[];
    const id = datasets[0]?.id ?? '';
    const sessions = (await (await fetch(`/api/v1/sessions?reference_dataset=${id}`)).json()) as {
      id: string;
    }[];
    return { id, sessions: sessions.map((s) => s.id) };
  });
  expect(scale.sessions).toHaveLength(8);
  await page.goto(
    `/?dataset=${scale.id}&sessions=${scale.sessions.join(',')}&groupBy=example_metadata&key=topic&pageSize=20`,
  );
  const matrix = page.locator('[data-scroll-pace]');
  await expect(page.getByRole('grid', { name: 'Comparison matrix' })).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.locator('th[data-session-id]')).toHaveCount(8);
  const { scrollWidth, clientWidth } = await matrix.evaluate((el) => ({
    scrollWidth: el.scrollWidth,
    clientWidth: el.clientWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  await expectAccessible(page, 'compact density');
});
