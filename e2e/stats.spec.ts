import { expect, type Locator, type Page, test } from '@playwright/test';
import { seriousViolations } from './support/axe';
import { datasetNamed, sessionNamed } from './support/demo-data';
import { expectNoPageErrors, trackPageErrors } from './support/page-guards';

/**
 * The statistics panel walked by mouse on the demo data: open it, cluster by a metadata
 * key, switch the p-value adjustment, open the slices. Expected numbers are computed here
 * from the API response (per-run feedback averages), never by the app's code.
 */

const supportQa = datasetNamed('Support QA');
const baseline = sessionNamed(supportQa.id, 'gpt-4o-v1');
// Both ran every example once, so correctness stays 0/1 per example: the McNemar case.
const others = [
  sessionNamed(supportQa.id, 'claude-3-5-sonnet-v2'),
  sessionNamed(supportQa.id, 'llama-3.1-70b-v1'),
];
const VIEW = `/?dataset=${supportQa.id}&sessions=${[baseline, ...others].map((s) => s.id).join(',')}&groupBy=run_metadata&key=model`;

interface ApiRun {
  session_id: string;
  feedback_stats: Record<string, { n?: number; avg?: number | null }> | null;
}
interface ApiExample {
  id: string;
  metadata: Record<string, unknown> | null;
  runs: ApiRun[];
}
interface ApiResponse {
  groups: { examples: ApiExample[] }[];
}

/** Example id → session id → mean of the runs' scores for `key` (repetitions averaged). */
function scoresByExample(body: ApiResponse, key: string) {
  const sums = new Map<string, Map<string, { sum: number; n: number }>>();
  const metadata = new Map<string, Record<string, unknown>>();
  for (const group of body.groups) {
    for (const example of group.examples) {
      metadata.set(example.id, example.metadata ?? {});
      let bySession = sums.get(example.id);
      if (!bySession) {
        bySession = new Map();
        sums.set(example.id, bySession);
      }
      for (const run of example.runs) {
        const avg = run.feedback_stats?.[key]?.avg;
        if (typeof avg !== 'number') continue;
        const entry = bySession.get(run.session_id) ?? { sum: 0, n: 0 };
        entry.sum += avg;
        entry.n += 1;
        bySession.set(run.session_id, entry);
      }
    }
  }
  const out = new Map<string, Map<string, number>>();
  for (const [id, bySession] of sums)
    out.set(id, new Map([...bySession].map(([s, e]) => [s, e.sum / e.n])));
  return { scores: out, metadata };
}

interface Paired {
  exampleId: string;
  base: number;
  other: number;
}

function pairs(scores: Map<string, Map<string, number>>, sessionId: string): Paired[] {
  const out: Paired[] = [];
  for (const [exampleId, bySession] of scores) {
    const base = bySession.get(baseline.id);
    const other = bySession.get(sessionId);
    if (base !== undefined && other !== undefined) out.push({ exampleId, base, other });
  }
  return out;
}

/** Exact two-sided binomial test at ½ (McNemar on the discordant pairs), with BigInt sums. */
function mcnemar(b: number, c: number): number {
  const n = b + c;
  const k = Math.min(b, c);
  let term = 1n;
  let tail = 0n;
  for (let i = 0; i <= k; i++) {
    tail += term;
    term = (term * BigInt(n - i)) / BigInt(i + 1);
  }
  return Math.min(1, (2 * Number((tail * 10n ** 15n) / 2n ** BigInt(n))) / 1e15);
}

/** The panel's number formats, restated: pass rates in %, differences in points. */
const percent = (v: number) => `${(v * 100).toFixed(1)}%`;
function points(v: number): string {
  const text = `${Math.abs(v * 100).toFixed(1)} pp`;
  return text === '0.0 pp' ? text : `${v > 0 ? '+' : '\u2212'}${text}`;
}
function pText(p: number): string {
  if (p < 0.001) return 'p < 0.001';
  if (p >= 0.9995) return 'p = 1';
  return `p = ${Number(p.toFixed(3))}`;
}
/** A shown p-value as the range of true values it can stand for. */
function pRange(text: string): [number, number] {
  if (text === 'p < 0.001') return [0, 0.001];
  const v = Number(text.replace('p = ', ''));
  return [Math.max(0, v - 0.0005), Math.min(1, v + 0.0005)];
}

async function openView(page: Page): Promise<ApiResponse> {
  const response = page.waitForResponse((r) => r.url().includes('/group/runs') && r.ok());
  await page.goto(VIEW);
  return (await (await response).json()) as ApiResponse;
}

function panel(page: Page): Locator {
  return page.getByRole('region', { name: 'Is the difference real?' });
}

function sessionRow(table: Locator, name: string): Locator {
  return table.getByRole('row').filter({ has: table.page().getByRole('rowheader', { name }) });
}

/** Raw and adjusted p of every row of every scored key, read off the tables. */
async function shownPValues(page: Page, keys: string[]) {
  const shown: { raw: string; adjusted: string }[] = [];
  const keySelect = panel(page).getByRole('combobox', { name: 'Statistic for key' });
  for (const key of keys) {
    await keySelect.selectOption(key);
    const table = panel(page).getByRole('table');
    await expect(table).toContainText(`${key}:`);
    for (const other of others) {
      const cells = sessionRow(table, other.name).getByRole('cell');
      shown.push({
        raw: (await cells.nth(5).textContent()) ?? '',
        adjusted: (await cells.nth(6).textContent()) ?? '',
      });
    }
  }
  return shown;
}

test('the statistics panel: clusters, adjustment and slices, checked against the API', async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  const errors = trackPageErrors(page);
  const body = await openView(page);
  const { scores, metadata } = scoresByExample(body, 'correctness');

  // Open the panel by mouse; correctness is the first key.
  await page.getByRole('button', { name: 'Is the difference real?' }).click();
  await expect(page).toHaveURL(/stats=open/);
  const table = panel(page).getByRole('table');
  await expect(table).toContainText('correctness: pass/fail (0/1): exact McNemar test');
  await expect(panel(page)).toContainText('No clustering: each example counts as independent.');

  for (const other of others) {
    const paired = pairs(scores, other.id);
    const b = paired.filter((p) => p.base === 1 && p.other === 0).length;
    const c = paired.filter((p) => p.base === 0 && p.other === 1).length;
    const mean = (xs: number[]) => xs.reduce((t, x) => t + x, 0) / xs.length;
    const row = sessionRow(table, other.name);
    const cells = row.getByRole('cell');
    await expect(cells.nth(0)).toContainText(String(paired.length));
    await expect(cells.nth(1)).toHaveText(percent(mean(paired.map((p) => p.base))));
    await expect(cells.nth(2)).toHaveText(percent(mean(paired.map((p) => p.other))));
    await expect(cells.nth(3)).toContainText(points(mean(paired.map((p) => p.other - p.base))));
    await expect(cells.nth(4)).toHaveText('exact McNemar test');
    await expect(cells.nth(5)).toHaveText(pText(mcnemar(b, c)));
    await expect(cells.nth(8)).toHaveText(`${b} / ${c}`);
  }

  // Holm over every test in the view, recomputed here from the raw p-values shown.
  const keys = ['correctness', 'helpfulness', 'latency', 'cost'];
  const status = panel(page).getByText(/^Adjusted over \d+ tests/);
  await expect(status).toContainText(`Adjusted over ${keys.length * others.length} tests`);
  const shown = await shownPValues(page, keys);
  const ranked = shown.map((s, i) => ({ ...s, i, lo: pRange(s.raw)[0], hi: pRange(s.raw)[1] }));
  ranked.sort((x, y) => x.lo - y.lo);
  const m = ranked.length;
  let runningLo = 0;
  let runningHi = 0;
  for (const [rank, r] of ranked.entries()) {
    runningLo = Math.max(runningLo, Math.min(1, (m - rank) * r.lo));
    runningHi = Math.max(runningHi, Math.min(1, (m - rank) * r.hi));
    const [adjLo, adjHi] = pRange(r.adjusted);
    // The shown adjusted p must be consistent with Holm applied to the shown raw ones.
    expect(adjHi + 1e-9).toBeGreaterThanOrEqual(runningLo);
    expect(adjLo - 1e-9).toBeLessThanOrEqual(runningHi);
  }
  await panel(page)
    .getByRole('combobox', { name: 'Statistic for key' })
    .selectOption('correctness');

  // Cluster by the document each question comes from.
  await panel(page).getByRole('combobox', { name: 'Cluster by' }).selectOption('document');
  await expect(page).toHaveURL(/cluster=document/);
  const firstPairs = pairs(scores, others[0]?.id ?? '');
  const sizes = new Map<string, number>();
  for (const p of firstPairs) {
    const doc = String(metadata.get(p.exampleId)?.document);
    sizes.set(doc, (sizes.get(doc) ?? 0) + 1);
  }
  const largest = Math.max(...sizes.values());
  await expect(panel(page)).toContainText(
    `Clustered by “document”: ${sizes.size} clusters, the largest of ${largest} examples`,
  );
  await expect(sessionRow(table, others[0]?.name ?? '')).toContainText(/design effect \d/);
  await expect(sessionRow(table, others[0]?.name ?? '')).toContainText(
    `clustered t interval, ${sizes.size - 1} df`,
  );

  // Benjamini–Hochberg instead of Holm.
  await panel(page)
    .getByRole('combobox', { name: 'Adjust p-values' })
    .selectOption({ label: 'Benjamini–Hochberg (false discovery rate)' });
  await expect(page).toHaveURL(/adjust=bh/);
  await expect(
    table.getByRole('columnheader', { name: 'Adjusted p (Benjamini–Hochberg)' }),
  ).toBeVisible();

  // Slices by topic: the figure and its table.
  await panel(page).getByRole('button', { name: 'Slices by group' }).click();
  await expect(page).toHaveURL(/stats=slices/);
  await panel(page).getByRole('combobox', { name: 'Slice by' }).selectOption('topic');
  await expect(page).toHaveURL(/sliceBy=topic/);
  await expect(page.getByRole('figure', { name: 'Difference by group' })).toBeVisible();
  const sliceTable = page.getByRole('table', { name: 'Difference by group: data table' });
  const topics = [...new Set([...metadata.values()].map((m) => String(m.topic)))].sort();
  await expect(sliceTable.getByRole('row')).toHaveCount(1 + topics.length * others.length);
  for (const topic of topics) {
    for (const other of others) {
      const inTopic = pairs(scores, other.id).filter(
        (p) => metadata.get(p.exampleId)?.topic === topic,
      );
      const diff = inTopic.reduce((t, p) => t + p.other - p.base, 0) / inTopic.length;
      const row = sliceTable
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: topic, exact: true }) })
        .filter({ hasText: other.name });
      const cells = row.getByRole('cell');
      await expect(cells.nth(1)).toHaveText(String(inTopic.length));
      await expect(cells.nth(2)).toHaveText(points(diff));
    }
  }

  // The view is a link: a fresh page opens the same slices.
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const fresh = await context.newPage();
  await fresh.goto(page.url());
  await expect(fresh.getByRole('figure', { name: 'Difference by group' })).toBeVisible();
  await expect(fresh.getByRole('combobox', { name: 'Cluster by' })).toHaveValue('document');
  await context.close();
  await expectNoPageErrors(errors);
});

test('bad statistics parameters get a notice and the panel still opens', async ({ page }) => {
  await page.goto(`${VIEW}&stats=wide&adjust=bonferroni&cluster=customer`);
  await expect(page.getByText(/Ignored stats "wide": use open or slices/)).toBeVisible();
  await expect(page.getByText(/Ignored adjust "bonferroni": use holm, bh or none/)).toBeVisible();
  await page.getByRole('button', { name: 'Is the difference real?' }).click();
  await expect(panel(page)).toContainText(
    'No loaded example has the metadata key “customer”, so nothing is clustered.',
  );
  await expect(panel(page).getByRole('table')).toBeVisible();
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the panel and its slices pass axe (${scheme} theme)`, async ({ page }) => {
    test.setTimeout(60_000);
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`${VIEW}&stats=open&cluster=document`);
    await expect(panel(page).getByRole('table')).toBeVisible();
    const scan = () => seriousViolations(page, '.stats');
    expect(await scan()).toEqual([]);
    await panel(page).getByRole('button', { name: 'Slices by group' }).click();
    await expect(page.getByRole('figure', { name: 'Difference by group' })).toBeVisible();
    expect(await scan()).toEqual([]);
  });
}
