import { expect, test } from '@playwright/test';
import { STAND_IN_PORT } from '../playwright.config';
import { datasetNamed, sessionNamed } from './support/demo-data';
import { expectNoPageErrors, trackPageErrors } from './support/page-guards';
import { matrix } from './support/pickers';

/**
 * Live mode: the links go to the LangSmith web app of the server's endpoint. The stand-in is
 * a self-hosted endpoint (http://127.0.0.1:<port>), so its web app keeps that origin; the
 * run's link is the API's own `app_path` on it, read here from the answer the page received.
 */
const WEB_APP = `http://127.0.0.1:${STAND_IN_PORT}`;
const supportQa = datasetNamed('Support QA');
const gpt = sessionNamed(supportQa.id, 'gpt-4o-v1');
const claude = sessionNamed(supportQa.id, 'claude-3-5-sonnet-v2');

interface Body {
  groups: { examples: { id: string; runs: { session_id: string; app_path: string | null }[] }[] }[];
}

test('every run, experiment and the dataset link into LangSmith, in a new tab', async ({
  page,
}) => {
  const errors = trackPageErrors(page);
  // Read as the answer arrives: Chromium may let a body go once the page has read it.
  const bodies: Promise<Body>[] = [];
  page.on('response', (r) => {
    if (r.request().method() === 'POST' && r.url().includes('/group/runs') && r.ok()) {
      bodies.push(r.json() as Promise<Body>);
    }
  });
  await page.goto(
    `/?dataset=${supportQa.id}&sessions=${gpt.id},${claude.id}&groupBy=run_metadata&key=model`,
  );
  await expect.poll(() => bodies.length).toBeGreaterThan(0);
  const body = await (bodies[0] as Promise<Body>);
  const grid = matrix(page);
  await expect(grid).toBeVisible();

  const row = grid.locator('tr[data-example-id]').first();
  const exampleId = await row.getAttribute('data-example-id');
  const run = body.groups
    .flatMap((g) => g.examples)
    .find((e) => e.id === exampleId)
    ?.runs.find((r) => r.session_id === claude.id);
  expect(run?.app_path).toMatch(/^\/o\/[0-9a-f-]+\/projects\/p\//);

  const cellLink = row
    .locator(`td[data-session-id="${claude.id}"]`)
    .getByRole('link', { name: /^Open in LangSmith: trace of / });
  await expect(cellLink).toHaveAttribute('href', `${WEB_APP}${run?.app_path}`);
  await expect(cellLink).toHaveAttribute('target', '_blank');
  await expect(cellLink).toHaveAttribute('rel', 'noopener noreferrer');

  const tenant = /^\/o\/([^/]+)\//.exec(run?.app_path ?? '')?.[1];
  const header = grid.getByRole('link', {
    name: `Open in LangSmith: experiment ${gpt.name} (new tab)`,
  });
  await expect(header).toHaveAttribute(
    'href',
    `${WEB_APP}/o/${tenant}/datasets/${supportQa.id}/compare?selectedSessions=${gpt.id}`,
  );
  const dataset = page.getByRole('link', { name: /^Open in LangSmith: dataset Support QA/ });
  await expect(dataset).toHaveAttribute('href', `${WEB_APP}/o/${tenant}/datasets/${supportQa.id}`);
  await expect(dataset).toHaveAttribute('rel', 'noopener noreferrer');

  // The detail's link of the same run, and a click opens a new tab (the page stays).
  await row.getByRole('rowheader').click();
  const detailLink = page
    .getByRole('dialog')
    .getByRole('region', { name: claude.name })
    .getByRole('link', { name: /^Open in LangSmith: trace of / });
  await expect(detailLink).toHaveAttribute('href', `${WEB_APP}${run?.app_path}`);
  // The stand-in is no web app (and its request log must hold only app requests): the
  // new tab's page is answered here.
  await page
    .context()
    .route(`${WEB_APP}/**`, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<title>LangSmith</title>' }),
    );
  const [popup] = await Promise.all([page.waitForEvent('popup'), detailLink.click()]);
  expect(popup.url()).toContain(run?.app_path?.split('?')[0]);
  await popup.close();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectNoPageErrors(errors);
});
