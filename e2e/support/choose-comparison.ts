import { expect, type Page } from '@playwright/test';

/** What a person chooses in the pickers: a dataset by name, experiments by name, a key. */
export interface Comparison {
  dataset: string;
  experiments: readonly string[];
  key: string;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export const matrixGrid = (page: Page) => page.getByRole('grid', { name: 'Comparison matrix' });

/**
 * From an empty URL to a comparison as a person makes it: the dataset list opened with its
 * toggle and the dataset clicked, each experiment's checkbox clicked, then the metadata key
 * typed and entered (a key clicked in that list is issue 14's item 1, fixed on its own
 * branch). Returns the grouped response the matrix shows, once the matrix is on screen.
 */
export async function chooseComparison(page: Page, choice: Comparison) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Show datasets' }).click();
  await page.getByRole('option', { name: new RegExp(`^${escapeRegExp(choice.dataset)}`) }).click();
  const experiments = page.getByRole('group', { name: 'Experiments' });
  for (const name of choice.experiments) {
    await experiments.getByRole('checkbox', { name, exact: true }).click();
  }
  const keyBox = page.getByRole('combobox', { name: 'Metadata key' });
  await keyBox.click();
  await keyBox.fill(choice.key);
  const grouped = page.waitForResponse((r) => r.url().includes('/group/runs') && r.ok());
  await keyBox.press('Enter');
  const body = (await (await grouped).json()) as GroupedBody;
  await expect(matrixGrid(page)).toBeVisible();
  return body;
}

/** The part of a group/runs response the specs read (the API's own field names). */
export interface GroupedBody {
  groups: {
    group_key: string | number;
    examples: {
      id: string;
      name: string;
      runs: {
        session_id: string;
        feedback_stats?: Record<string, { avg: number | null }> | null;
      }[];
    }[];
  }[];
}
