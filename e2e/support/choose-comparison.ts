import type { Page } from '@playwright/test';
import { type Choice, chooseWithMouse } from './pickers';

/**
 * From an empty URL to a comparison with the mouse (`chooseWithMouse`), for the specs that
 * check what shows against the data: returns the grouped response the matrix shows.
 */
export async function chooseComparison(page: Page, choice: Choice): Promise<GroupedBody> {
  const grouped = page.waitForResponse(
    (r) => r.url().includes('/group/runs') && r.request().method() === 'POST' && r.ok(),
  );
  await chooseWithMouse(page, choice);
  return (await (await grouped).json()) as GroupedBody;
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
