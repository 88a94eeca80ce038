import { expect, type Page } from '@playwright/test';

/** What a person chooses in the pickers: a dataset by name, experiments by name, a key. */
export interface Choice {
  dataset: string;
  experiments: readonly string[];
  key: string;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export const keyBox = (page: Page) => page.getByRole('combobox', { name: 'Metadata key' });
export const matrix = (page: Page) => page.getByRole('grid', { name: 'Comparison matrix' });

/**
 * From an empty URL to a comparison with the mouse only: open each list with its toggle and
 * click what a person would click. Returns once the matrix shows.
 */
export async function chooseWithMouse(page: Page, choice: Choice) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Show datasets' }).click();
  await page.getByRole('option', { name: new RegExp(`^${escapeRegExp(choice.dataset)}`) }).click();
  const experiments = page.getByRole('group', { name: 'Experiments' });
  for (const name of choice.experiments) {
    await experiments.getByRole('checkbox', { name, exact: true }).click();
  }
  await page.getByRole('button', { name: 'Show metadata keys' }).click();
  await page.getByRole('option', { name: new RegExp(`^${escapeRegExp(choice.key)} `) }).click();
  await expect(matrix(page)).toBeVisible();
}

/** The URL's query as sorted `name=value` pairs, so that two views can be compared. */
export function queryOf(url: string): string[] {
  return [...new URL(url).searchParams.entries()].map(([k, v]) => `${k}=${v}`).sort();
}
