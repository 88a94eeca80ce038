import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import Papa from 'papaparse';
import { datasetNamed, sessionNamed } from './support/demo-data';
import { expectNoPageErrors, trackPageErrors } from './support/page-guards';
import { chooseWithMouse } from './support/pickers';

/**
 * Issue 14, item 10: what a person exports after choosing a comparison with the mouse holds
 * the group, the reference output, the feedback comments and the category changes, with
 * numbers as the decimals they are. Every expected value is read from the API's response.
 */
const supportQa = datasetNamed('Support QA');
const gptV1 = sessionNamed(supportQa.id, 'gpt-4o-v1');
const claudeV2 = sessionNamed(supportQa.id, 'claude-3-5-sonnet-v2');
const llamaV2 = sessionNamed(supportQa.id, 'llama-3.1-70b-v2');

interface ApiStats {
  avg: number | null;
  values?: Record<string, number>;
  comments?: string[];
}
interface ApiRun {
  session_id: string;
  feedback_stats?: Record<string, ApiStats> | null;
}
interface ApiExample {
  id: string;
  outputs?: Record<string, unknown> | null;
  runs: ApiRun[];
}
interface ApiGroup {
  group_key: string | number;
  examples: ApiExample[];
}

/** Spreadsheet-safe text, as the README promises: a formula-like start gets an apostrophe. */
const asCsvText = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

/** Exact decimal a − b on decimal texts, by scaling to integers (no floating point). */
function decimalMinus(a: string, b: string): number {
  const places = (t: string) => t.split('.')[1]?.length ?? 0;
  const d = Math.max(places(a), places(b));
  const scaled = (t: string) => BigInt(Math.round(Number(t) * 10 ** d));
  return Number(scaled(a) - scaled(b)) / 10 ** d;
}

const significantDigits = (text: string) =>
  text.replace(/^-/, '').replace(/e.*$/, '').replace('.', '').replace(/^0+/, '').length;

async function exportFile(page: Page, name: 'Export CSV' | 'Export JSON') {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name }).click();
  return readFileSync((await (await download).path()) as string, 'utf8');
}

test('exports from a comparison chosen with the mouse carry groups, references, comments and clean decimals', async ({
  page,
}) => {
  test.setTimeout(60_000);
  const errors = trackPageErrors(page);
  const responses: Promise<{ groups: ApiGroup[] }>[] = [];
  page.on('response', (r) => {
    if (r.url().includes('/group/runs') && r.ok()) responses.push(r.json());
  });
  await chooseWithMouse(page, {
    dataset: 'Support QA',
    experiments: [gptV1.name, claudeV2.name, llamaV2.name],
    key: 'model',
  });
  const body = await responses.at(-1);
  if (!body) throw new Error('no grouped response');

  // Per example and experiment: the group its runs are in, and the runs.
  const where = new Map<string, { group: string; runs: ApiRun[]; example: ApiExample }>();
  for (const group of body.groups) {
    for (const example of group.examples) {
      for (const run of example.runs) {
        const id = `${example.id}/${run.session_id}`;
        const entry = where.get(id) ?? { group: String(group.group_key), runs: [], example };
        entry.runs.push(run);
        where.set(id, entry);
      }
    }
  }

  const csv = exportFile(page, 'Export CSV');
  const parsed = Papa.parse<Record<string, string>>((await csv).slice(1), {
    header: true,
    skipEmptyLines: true,
  });
  expect(parsed.errors).toEqual([]);
  expect(parsed.meta.fields).toEqual(
    expect.arrayContaining(['group', 'reference_output', 'note', 'delta_verdict']),
  );
  const rows = parsed.data;
  expect(rows.length).toBeGreaterThan(100);
  const byId = new Map(rows.map((r) => [`${r.example_id}/${r.session_id}`, r]));

  // Checked row by row into one list, so that a failure names every row that differs.
  const wrong: string[] = [];
  const check = (what: string, actual: unknown, expected: unknown) => {
    if (actual !== expected)
      wrong.push(`${what}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`);
  };
  let notes = 0;
  let verdicts = 0;
  let deltas = 0;
  for (const row of rows) {
    const at = `${row.example_id}/${row.session_id}`;
    const source = where.get(at);
    if (!source) throw new Error(`row ${at} is not in the response`);
    check(`${at} group`, row.group, source.group);

    const outputs = Object.values(source.example.outputs ?? {});
    check(`${at} reference`, row.reference_output, asCsvText(String(outputs[0])));

    const noteComments = source.runs.flatMap((r) => r.feedback_stats?.note?.comments ?? []);
    check(`${at} note`, row.note, noteComments.length ? asCsvText(noteComments.join(' | ')) : '');
    if (noteComments.length) notes++;

    // Every number is written without binary noise: at most 15 significant digits.
    for (const [column, text] of Object.entries(row)) {
      if (/^-?\d/.test(text) && Number.isFinite(Number(text)) && !column.endsWith('_id')) {
        if (significantDigits(text) > 15) wrong.push(`${at} ${column} = ${text}`);
      }
    }

    if (row.session_id === gptV1.id) {
      check(`${at} baseline delta_verdict`, row.delta_verdict, '');
      continue;
    }
    const base = byId.get(`${row.example_id}/${gptV1.id}`);
    const baseRuns = where.get(`${row.example_id}/${gptV1.id}`)?.runs ?? [];
    if (!base || baseRuns.length !== 1 || source.runs.length !== 1) continue;
    const label = (r: ApiRun | undefined) => Object.keys(r?.feedback_stats?.verdict?.values ?? {});
    const [was] = label(baseRuns[0]);
    const [now] = label(source.runs[0]);
    if (was && now) {
      check(
        `${at} delta_verdict`,
        row.delta_verdict,
        was === now ? 'unchanged' : `${was} → ${now}`,
      );
      verdicts++;
    }
    for (const key of ['correctness', 'helpfulness']) {
      const [value, reference] = [row[key] ?? '', base[key] ?? ''];
      if (value === '' || reference === '') continue;
      // The scores as written, subtracted in decimal: 0.82 − 0.74 is 0.08, never 0.07999999999999996.
      check(`${at} delta_${key}`, Number(row[`delta_${key}`]), decimalMinus(value, reference));
      deltas++;
    }
  }
  expect(wrong).toEqual([]);
  expect(notes).toBeGreaterThan(0);
  expect(verdicts).toBeGreaterThan(10);
  expect(deltas).toBeGreaterThan(10);

  // The JSON holds the same rows and says how its statistics were adjusted.
  const json = JSON.parse(await exportFile(page, 'Export JSON'));
  expect(json.rows).toHaveLength(rows.length);
  expect(json.statisticsSettings).toMatchObject({ adjust: 'holm', cluster: null });
  expect(json.statisticsSettings.testsAdjusted).toBeGreaterThan(0);
  const comparisons = json.statistics.flatMap(
    (k: { comparisons: Record<string, unknown>[] }) => k.comparisons,
  );
  expect(comparisons.some((c: Record<string, unknown>) => typeof c.adjustedP === 'number')).toBe(
    true,
  );
  for (const c of comparisons) {
    expect(c).toHaveProperty('test');
    expect(c).toHaveProperty('ciLow');
    expect(c).toHaveProperty('ciHigh');
  }
  await expectNoPageErrors(errors);
});
