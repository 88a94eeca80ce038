import { expect, type Page } from '@playwright/test';

/** Collects uncaught page errors so that every test can assert there were none. */
export function trackPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

export async function expectNoPageErrors(errors: string[]) {
  expect(errors, 'uncaught errors in the page').toEqual([]);
}
