/**
 * `npm run testing-report [-- --e2e]`: runs the unit tests (and, with --e2e, the Playwright
 * suite), reads their JSON reports and writes TESTING.md: for each class of bad input, how many
 * tests and cases were tried and how they fared. Every figure is parsed from the reports of the
 * run; nothing is typed by hand.
 *
 * Options:
 *   --e2e                run `npx playwright test --reporter=json` too (needs `npm run build`)
 *   --vitest-json <f>    read an existing Vitest JSON report instead of running Vitest
 *   --out <f>            write somewhere other than TESTING.md
 * Without --e2e, a Playwright JSON report is still used when PLAYWRIGHT_JSON_OUTPUT_NAME names
 * an existing file; otherwise the report says end-to-end tests were not run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** fast-check's own default when a property sets no numRuns. */
const FAST_CHECK_DEFAULT_RUNS = 100;

// ---------- report shapes (only the fields read here) ----------

interface VitestAssertion {
  ancestorTitles: string[];
  title: string;
  status: string;
  duration?: number | null;
  failureMessages: string[];
  location?: { line: number; column: number } | null;
  meta?: Record<string, unknown>;
}

interface VitestFile {
  name: string;
  status: string;
  message: string;
  startTime?: number;
  endTime?: number;
  assertionResults: VitestAssertion[];
}

interface VitestReport {
  numTotalTests: number;
  numPassedTests: number;
  numFailedTests: number;
  startTime: number;
  success: boolean;
  testResults: VitestFile[];
}

interface PlaywrightResult {
  status: string;
  duration: number;
  retry: number;
  error?: { message?: string };
  errors?: { message?: string }[];
}

interface PlaywrightTest {
  projectName: string;
  expectedStatus: string;
  status: string;
  results: PlaywrightResult[];
}

interface PlaywrightSpec {
  title: string;
  file: string;
  line: number;
  tests: PlaywrightTest[];
}

interface PlaywrightSuite {
  title: string;
  file: string;
  specs?: PlaywrightSpec[];
  suites?: PlaywrightSuite[];
}

interface PlaywrightReport {
  suites: PlaywrightSuite[];
  errors?: { message?: string }[];
  stats?: {
    startTime?: string;
    duration?: number;
    expected?: number;
    unexpected?: number;
    flaky?: number;
    skipped?: number;
  };
}

// ---------- one record per test ----------

export type Outcome = 'passed' | 'failed' | 'skipped';

export interface TestRecord {
  runner: 'vitest' | 'playwright';
  /** Relative to the project root, with forward slashes. */
  file: string;
  suites: string[];
  title: string;
  project?: string;
  outcome: Outcome;
  /** Inputs tried: fast-check runs for a property test, else 1. */
  cases: number;
  property: boolean;
  /** `it.fails` / `test.fail()`: passes while the bug it pins is there. */
  knownFailure: boolean;
  flaky: boolean;
  /** Milliseconds, as reported. */
  durationMs: number;
  message?: string;
}

// ---------- classes of bad input ----------

export interface ClassRule {
  name: string;
  rule: string;
  match: (t: TestRecord) => boolean;
}

const inFile = (t: TestRecord, ...prefixes: string[]) =>
  prefixes.some((p) => t.file === p || t.file.startsWith(p));
const named = (t: TestRecord, pattern: RegExp) => pattern.test([...t.suites, t.title].join(' › '));
const isMock = (t: TestRecord) => inFile(t, 'src/mocks/', 'e2e/support/');

/** First match wins, so every test is counted once and the totals add up to the run's. */
export const CLASSES: ClassRule[] = [
  {
    name: 'Property tests (fast-check; cases = runs)',
    rule: 'tests that run fast-check properties; cases are the runs made (the `fastCheckRuns` the test records in its meta, else the `numRuns` of each `fc.assert` in its body, fast-check default 100)',
    match: (t) => t.property,
  },
  {
    name: 'Invalid request bodies refused before sending (422 avoided)',
    rule: 'tests named "before sending"',
    match: (t) => named(t, /before sending/i),
  },
  {
    name: 'Whole responses not JSON / not an object',
    rule: 'app tests named for a body that is not JSON, an envelope without groups, or a response rejected "as a whole"',
    match: (t) =>
      !isMock(t) &&
      named(t, /not JSON|not an object|without (a list of )?groups|as a whole|non-JSON/i),
  },
  {
    name: 'Malformed items in responses (set aside by path)',
    rule: 'src/api and e2e tests named for malformed runs/items set aside with their path, schema mismatches, items without an id',
    match: (t) =>
      inFile(t, 'src/api/', 'e2e/') &&
      named(
        t,
        /\bsets? (\w+ )*aside|malformed (run|item|group|session|example|feedback)s?|schema mismatch|without an id/i,
      ),
  },
  {
    name: 'Real-world payload shapes',
    rule: 'src/api/real-world, feedback-stats, src/lib/timestamps and numbers tests, the grouped-runs normalisation tests, and the mock time shapes (docs/real-world-shapes.md)',
    match: (t) =>
      inFile(
        t,
        'src/api/real-world.test.ts',
        'src/api/feedback-stats.test.ts',
        'src/lib/timestamps.test.ts',
        'src/lib/numbers.test.ts',
      ) ||
      (inFile(t, 'src/api/grouped-runs/grouped-runs.test.ts') &&
        named(t, /normalis|group keys|unknown run types|missing optional|derives/i)) ||
      (inFile(t, 'src/mocks/time.test.ts') && named(t, /shapes real servers/i)),
  },
  {
    name: 'Stand-in API: bad requests answered like FastAPI (422/404)',
    rule: 'src/mocks tests named for rejections, 422/404, malformed or unknown input, request validation',
    match: (t) =>
      isMock(t) &&
      named(
        t,
        /reject|\b422|\b404|malformed|not a uuid|unknown|missing|FastAPI|bad |request validation|not found/i,
      ),
  },
  {
    name: 'HTTP failures: 401/403/404/422/429/5xx, network, timeout, offline',
    rule: 'app and e2e tests named for a status code, network failure, time limit, offline, retries or Retry-After',
    match: (t) =>
      !isMock(t) &&
      named(
        t,
        /(?<!= )\b(401|403|404|422|429|5\d\d|5xx)\b|network|time ?out|time limit|offline|retr(y|ies)|Retry-After|\brate[- ]?limit(ed|s)?\b/i,
      ),
  },
  {
    name: 'Bad links (URL parameters)',
    rule: 'src/app/view-params tests named for ignoring, dropping or falling back from bad values; e2e tests of links with bad or foreign values',
    match: (t) =>
      (inFile(t, 'src/app/view-params.test.ts') &&
        named(
          t,
          /ignores|falls back|drops|junk|duplicat|unknown|malformed|bad|invalid|over the maximum|inverted|page 0|notice/i,
        )) ||
      (t.runner === 'playwright' &&
        named(t, /\bURL\b.*\b(bad|junk|malformed)|link .*not in|bad values|bad link/i)),
  },
  {
    name: 'Script / HTML payloads (XSS)',
    rule: 'tests named for script-like strings, HTML or XSS',
    match: (t) => named(t, /script|HTML|XSS|never run|inject/i),
  },
  {
    name: 'Live proxy: foreign paths, bad endpoints, key leaks',
    rule: 'server/live-proxy tests of refused endpoints and kept paths; e2e live-mode tests',
    match: (t) =>
      (inFile(t, 'server/live-proxy.test.ts') && named(t, /refuses|keeps|evil/i)) ||
      inFile(t, 'e2e/live-mode.spec.ts'),
  },
  {
    name: 'Sizes: 5 MB outputs, 1,000-level nesting, many keys/groups/sessions',
    rule: 'tests named for MB/KB sizes, 1,000+ levels or items, nesting, huge/cyclic/large values, many keys or groups, scale',
    match: (t) =>
      named(
        t,
        /\b\d+ ?(MB|KB)\b|\b\d{1,3}(,\d{3})+[- ](level|example|pair|key|group|session|row|item|character)|n = \d{1,3}(,\d{3})+|levels? deep|nest|huge|cyclic|large|at scale|\d+ keys|\d+-character|first groups and offers/i,
      ),
  },
  {
    name: 'Statistics and charts: bad numbers (NaN, Infinity, nulls, ties, single pairs)',
    rule: 'src/features/stats and chart-data tests named for NaN, Infinity, nulls, missing or thin data, ties, overflow, negatives, refused values',
    match: (t) =>
      inFile(t, 'src/features/stats/', 'src/features/charts/chart-data') &&
      named(
        t,
        /not enough|NaN|Infinity|null|nothing to|no overlap|without (scores|baseline)|ties|single|edges|overflow|no examples|no other session|bad input|negative|refus|no data|fresh experiment/i,
      ),
  },
  {
    name: 'CSV / JSON export: hostile cells and names',
    rule: 'src/features/export tests named for formulas, escaping, quotes, Unicode, dangerous names, non-finite numbers, clashes, invalid file names',
    match: (t) =>
      inFile(t, 'src/features/export/') &&
      named(t, /formula|escape|quot|Unicode|dangerous|non-finite|clash|invalid|risky|round-trip/i),
  },
  {
    name: 'Other tests (features, UI, accessibility, determinism)',
    rule: 'everything else',
    match: () => true,
  },
];

export function classify(t: TestRecord): ClassRule {
  const found = CLASSES.find((c) => c.match(t));
  if (!found) throw new Error('the last class matches everything');
  return found;
}

// ---------- reading the Vitest report ----------

const sources = new Map<string, string>();

function source(file: string): string {
  let text = sources.get(file);
  if (text === undefined) {
    const abs = path.resolve(ROOT, file);
    text = existsSync(abs) ? readFileSync(abs, 'utf8') : '';
    sources.set(file, text);
  }
  return text;
}

function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', offset);
    if (next === -1) return text.length;
    offset = next + 1;
  }
  return offset + Math.max(0, column - 1);
}

/**
 * From `open` (an opening parenthesis), the offset just past its matching closing one. Skips
 * strings, template literals, comments and (heuristically) regular expression literals.
 */
export function matchParen(text: string, open: number): number {
  let depth = 0;
  let i = open;
  let lastSignificant = '';
  while (i < text.length) {
    const c = text.charAt(i);
    const next = text.charAt(i + 1);
    if (c === '/' && next === '/') {
      const end = text.indexOf('\n', i);
      i = end === -1 ? text.length : end;
      continue;
    }
    if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 2;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') {
      i = skipString(text, i, c);
      lastSignificant = c;
      continue;
    }
    if (c === '/' && (lastSignificant === '' || '(,=:[!&|?{};+-*%<>~^'.includes(lastSignificant))) {
      i = skipRegex(text, i);
      lastSignificant = '/';
      continue;
    }
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) return i + 1;
    }
    if (!/\s/.test(c)) lastSignificant = c;
    i++;
  }
  return text.length;
}

function skipString(text: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text.charAt(i);
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (quote === '`' && c === '$' && text.charAt(i + 1) === '{') {
      i = matchParen(text, i + 1);
      continue;
    }
    if (c === quote) return i + 1;
    if (c === '\n' && quote !== '`') return i + 1;
    i++;
  }
  return text.length;
}

function skipRegex(text: string, start: number): number {
  let i = start + 1;
  let inClass = false;
  while (i < text.length) {
    const c = text.charAt(i);
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === '\n') return i;
    if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    else if (c === '/' && !inClass) return i + 1;
    i++;
  }
  return text.length;
}

interface SourceFacts {
  property: boolean;
  runs: number;
  knownFailure: boolean;
}

/** What the test's own source says: fast-check calls and their numRuns, `.fails`. */
export function factsAt(text: string, line: number, column: number): SourceFacts {
  const start = offsetOf(text, line, column);
  // Vitest points at the last member of `it.fails(`, so read the line from its start.
  const lineText = text.slice(offsetOf(text, line, 1), start + 80);
  const knownFailure = /^\s*(it|test)(\.\w+)*\.fails?\b/.test(lineText);
  const open = text.indexOf('(', start);
  if (open === -1) return { property: false, runs: 0, knownFailure };
  // `it(…)`, or `it.each(rows)(…)`: take every call of the chain.
  let end = matchParen(text, open);
  for (let next = /^\s*\(/.exec(text.slice(end)); next; next = /^\s*\(/.exec(text.slice(end))) {
    end = matchParen(text, end + next[0].length - 1);
  }
  const body = text.slice(open, end);
  const globalRuns = /configureGlobal\(\s*\{[^}]*numRuns:\s*([\d_]+)/.exec(text)?.[1];
  const defaultRuns = globalRuns ? Number(globalRuns.replace(/_/g, '')) : FAST_CHECK_DEFAULT_RUNS;
  let runs = 0;
  let calls = 0;
  const call = /\bfc\.(assert|check)\s*\(/g;
  for (let m = call.exec(body); m; m = call.exec(body)) {
    calls++;
    const callOpen = m.index + m[0].length - 1;
    const span = body.slice(callOpen, matchParen(body, callOpen));
    const explicit = /numRuns:\s*([\d_]+)/.exec(span)?.[1];
    runs += explicit ? Number(explicit.replace(/_/g, '')) : defaultRuns;
  }
  return { property: calls > 0, runs, knownFailure };
}

function relative(file: string): string {
  return path.relative(ROOT, file).split(path.sep).join('/');
}

function vitestOutcome(status: string): Outcome {
  if (status === 'passed') return 'passed';
  if (status === 'failed') return 'failed';
  return 'skipped';
}

export function vitestRecords(report: VitestReport): TestRecord[] {
  const records: TestRecord[] = [];
  for (const file of report.testResults) {
    const rel = relative(file.name);
    const text = source(rel);
    for (const a of file.assertionResults) {
      const facts = a.location
        ? factsAt(text, a.location.line, a.location.column)
        : { property: false, runs: 0, knownFailure: false };
      const metaRuns = a.meta?.fastCheckRuns;
      const recorded = typeof metaRuns === 'number' && Number.isFinite(metaRuns);
      const property = recorded || facts.property;
      records.push({
        runner: 'vitest',
        file: rel,
        suites: a.ancestorTitles,
        title: a.title,
        outcome: vitestOutcome(a.status),
        cases: recorded ? metaRuns : property ? facts.runs : 1,
        property,
        knownFailure: facts.knownFailure,
        flaky: false,
        durationMs: a.duration ?? 0,
        message: a.failureMessages[0]?.split('\n')[0],
      });
    }
  }
  return records;
}

/** Files that failed before any test ran (syntax errors, failed imports). */
function brokenFiles(report: VitestReport): { file: string; message: string }[] {
  return report.testResults
    .filter((f) => f.status === 'failed' && f.assertionResults.length === 0)
    .map((f) => ({ file: relative(f.name), message: f.message.split('\n')[0] ?? '' }));
}

// ---------- reading the Playwright report ----------

export function playwrightRecords(report: PlaywrightReport): TestRecord[] {
  const records: TestRecord[] = [];
  const walk = (suite: PlaywrightSuite, titles: string[]) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests) {
        const last = test.results.at(-1);
        const outcome: Outcome =
          test.status === 'skipped'
            ? 'skipped'
            : test.status === 'expected' || test.status === 'flaky'
              ? 'passed'
              : 'failed';
        records.push({
          runner: 'playwright',
          file: `e2e/${spec.file}`.replace(/^e2e\/e2e\//, 'e2e/'),
          suites: titles,
          title: spec.title,
          project: test.projectName,
          outcome,
          cases: 1,
          property: false,
          knownFailure: test.expectedStatus === 'failed',
          flaky: test.status === 'flaky',
          durationMs: test.results.reduce((sum, r) => sum + (r.duration ?? 0), 0),
          message: (last?.error?.message ?? last?.errors?.[0]?.message)?.split('\n')[0],
        });
      }
    }
    for (const child of suite.suites ?? []) walk(child, [...titles, child.title]);
  };
  // The top-level suites are files; their titles are the file names, not describe blocks.
  for (const fileSuite of report.suites) walk(fileSuite, []);
  return records;
}

// ---------- running ----------

interface Run {
  command: string;
  status: number | null;
  seconds: number;
  note?: string;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Run {
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: ROOT, env, stdio: 'inherit' });
  return {
    command: [command, ...args].join(' '),
    status: result.status,
    seconds: (Date.now() - started) / 1000,
  };
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

// ---------- writing TESTING.md ----------

interface Row {
  rule: ClassRule;
  tests: number;
  cases: number;
  passed: number;
  failed: number;
  skipped: number;
  knownFailures: number;
  files: Map<string, number>;
}

export function tabulate(records: readonly TestRecord[]): Row[] {
  const rows = CLASSES.map(
    (rule): Row => ({
      rule,
      tests: 0,
      cases: 0,
      passed: 0,
      failed: 0,
      skipped: 0,
      knownFailures: 0,
      files: new Map(),
    }),
  );
  for (const t of records) {
    const row = rows[CLASSES.indexOf(classify(t))];
    if (!row) continue;
    row.tests++;
    if (t.outcome !== 'skipped') row.cases += t.cases;
    row[t.outcome]++;
    if (t.knownFailure) row.knownFailures++;
    row.files.set(t.file, (row.files.get(t.file) ?? 0) + 1);
  }
  return rows;
}

const fmt = (n: number) => n.toLocaleString('en-US');

function markdown(args: {
  date: Date;
  runs: Run[];
  records: TestRecord[];
  e2eNote: string | undefined;
  broken: { file: string; message: string }[];
}): string {
  const { date, runs, records, e2eNote, broken } = args;
  const rows = tabulate(records);
  const total = rows.reduce(
    (acc, r) => ({
      tests: acc.tests + r.tests,
      cases: acc.cases + r.cases,
      passed: acc.passed + r.passed,
      failed: acc.failed + r.failed,
      skipped: acc.skipped + r.skipped,
      knownFailures: acc.knownFailures + r.knownFailures,
    }),
    { tests: 0, cases: 0, passed: 0, failed: 0, skipped: 0, knownFailures: 0 },
  );
  const unit = records.filter((r) => r.runner === 'vitest');
  const e2e = records.filter((r) => r.runner === 'playwright');
  const count = (list: TestRecord[], outcome: Outcome) =>
    list.filter((r) => r.outcome === outcome).length;
  const lines: string[] = [];
  lines.push('# Testing');
  lines.push('');
  lines.push(
    `Generated by \`npm run testing-report\` on ${date.toISOString().slice(0, 16).replace('T', ' ')} UTC. ` +
      'Do not edit by hand: every figure below is parsed from the JSON reports of that run ' +
      '(Vitest, and Playwright when it ran).',
  );
  lines.push('');
  lines.push('## Commands');
  lines.push('');
  for (const r of runs) {
    const outcome = r.note ?? `exit ${r.status ?? 'signal'}, ${r.seconds.toFixed(1)} s`;
    lines.push(`- \`${r.command}\` (${outcome})`);
  }
  if (e2eNote) lines.push(`- End-to-end: ${e2eNote}`);
  lines.push('');
  lines.push(
    `Unit: ${fmt(unit.length)} tests, ${fmt(count(unit, 'passed'))} passed, ${fmt(count(unit, 'failed'))} failed` +
      (count(unit, 'skipped') ? `, ${fmt(count(unit, 'skipped'))} skipped` : '') +
      '. ' +
      (e2e.length
        ? `End-to-end: ${fmt(e2e.length)} tests (test × browser project), ${fmt(count(e2e, 'passed'))} passed, ${fmt(count(e2e, 'failed'))} failed` +
          (count(e2e, 'skipped') ? `, ${fmt(count(e2e, 'skipped'))} skipped` : '') +
          (e2e.some((r) => r.flaky) ? ` (${e2e.filter((r) => r.flaky).length} flaky)` : '') +
          '.'
        : 'End-to-end: not in this report.'),
  );
  lines.push('');
  lines.push('## Each class of bad input, how many cases are tried, and the result');
  lines.push('');
  lines.push('| Class | Tests | Cases tried | Passed | Failed |');
  lines.push('| --- | ---: | ---: | ---: | ---: |');
  for (const r of rows) {
    if (r.tests === 0) continue;
    const pins = r.knownFailures ? ` (${r.knownFailures} pin known bugs)` : '';
    lines.push(
      `| ${r.rule.name} | ${fmt(r.tests)} | ${fmt(r.cases)} | ${fmt(r.passed)}${pins} | ${fmt(r.failed)} |`,
    );
  }
  lines.push(
    `| **Total** | **${fmt(total.tests)}** | **${fmt(total.cases)}** | **${fmt(total.passed)}** | **${fmt(total.failed)}** |`,
  );
  lines.push('');
  lines.push(
    'Tests, passed and failed count tests (an `it.each` row is a test; an end-to-end test counts once per browser project). ' +
      'Cases tried is 1 per test, except property tests, where it is the number of generated inputs (runs). ' +
      'Each test is counted in the first class it matches, in the order of the table, so the rows add up to the totals.' +
      (total.skipped ? ` ${fmt(total.skipped)} skipped tests are counted in Tests only.` : '') +
      (total.knownFailures
        ? ` ${fmt(total.knownFailures)} passing tests are \`it.fails\` / \`test.fail()\` pins: they pass while the bug they describe is there (see below).`
        : ''),
  );
  lines.push('');
  const properties = records.filter((r) => r.property);
  if (properties.length) {
    const seconds = (list: TestRecord[]) =>
      (list.reduce((sum, r) => sum + r.durationMs, 0) / 1000).toFixed(1);
    const byFile = [...new Set(properties.map((r) => r.file))]
      .map((file) => `${file} ${seconds(properties.filter((r) => r.file === file))} s`)
      .join(', ');
    lines.push(
      `Property tests ran for ${seconds(properties)} s in all (test durations as reported): ${byFile}.`,
    );
    lines.push('');
  }

  const pins = records.filter((r) => r.knownFailure);
  if (pins.length) {
    lines.push('## Known bugs pinned by expected failures');
    lines.push('');
    for (const p of pins) {
      const state =
        p.outcome === 'passed'
          ? 'still failing as expected (the bug is there)'
          : p.outcome === 'failed'
            ? 'no longer fails: the bug looks fixed, turn `it.fails` into `it`'
            : 'skipped';
      lines.push(`- ${p.file} › ${[...p.suites, p.title].join(' › ')}: ${state}.`);
    }
    lines.push('');
  }

  const failures = records.filter((r) => r.outcome === 'failed');
  if (failures.length || broken.length) {
    lines.push('## Failures');
    lines.push('');
    for (const f of failures) {
      const where = [...f.suites, f.title].join(' › ');
      const project = f.project ? ` [${f.project}]` : '';
      lines.push(`- ${f.file}${project} › ${where}${f.message ? `: ${f.message}` : ''}`);
    }
    for (const b of broken) lines.push(`- ${b.file} did not load: ${b.message}`);
    lines.push('');
  }

  lines.push('## How tests are classed');
  lines.push('');
  lines.push(
    'By file, describe block and test name (scripts/testing-report.ts, `CLASSES`), first match wins:',
  );
  lines.push('');
  for (const r of rows) {
    if (r.tests === 0) continue;
    const files = [...r.files.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([file, n]) => `${file} (${n})`)
      .join(', ');
    lines.push(`- **${r.rule.name}**: ${r.rule.rule}. ${files}.`);
  }
  lines.push('');
  lines.push('## Reproducing');
  lines.push('');
  lines.push(
    '- `npm run testing-report` runs the unit tests and rewrites this file; `npm run build && npm run testing-report -- --e2e` adds the Playwright suite.',
  );
  lines.push(
    '- The property tests in src/api/normalise.property.test.ts use a fixed seed; `FC_SEED=<n>` and `FC_RUNS=<n>` change the seed and the number of runs.',
  );
  lines.push('');
  return lines.join('\n');
}

// ---------- main ----------

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const withE2e = args.includes('--e2e');
  const out = path.resolve(ROOT, option(args, '--out') ?? 'TESTING.md');
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'testing-report-'));
  const runs: Run[] = [];
  try {
    // Unit tests.
    let vitestJson = option(args, '--vitest-json');
    if (vitestJson) {
      runs.push({
        command: `npx vitest run --reporter=json --includeTaskLocation (report read from ${path.basename(vitestJson)})`,
        status: 0,
        seconds: 0,
        note: `report of ${new Date(statSync(vitestJson).mtimeMs).toISOString().slice(0, 16)} UTC`,
      });
    } else {
      vitestJson = path.join(tmp, 'vitest.json');
      runs.push(
        run('npx', [
          'vitest',
          'run',
          '--reporter=json',
          `--outputFile=${vitestJson}`,
          '--includeTaskLocation',
        ]),
      );
      const last = runs.at(-1);
      if (last) last.command = last.command.replace(vitestJson, '<tmp>/vitest.json');
    }
    const vitest = readJson<VitestReport>(vitestJson);
    if (!vitest) throw new Error(`no Vitest JSON report at ${vitestJson}`);
    const records = vitestRecords(vitest);
    const broken = brokenFiles(vitest);

    // End-to-end tests.
    let e2eNote: string | undefined;
    let playwrightJson: string | undefined;
    if (withE2e) {
      if (!existsSync(path.join(ROOT, 'dist', 'index.html'))) {
        e2eNote = 'not run: `dist/` is missing; run `npm run build` first.';
      } else {
        playwrightJson = path.join(tmp, 'playwright.json');
        const env = {
          ...process.env,
          PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson,
          PLAYWRIGHT_JSON_OUTPUT_FILE: playwrightJson,
        };
        const e2eRun = run('npx', ['playwright', 'test', '--reporter=json'], env);
        e2eRun.command = `PLAYWRIGHT_JSON_OUTPUT_NAME=<tmp>/playwright.json ${e2eRun.command}`;
        runs.push(e2eRun);
      }
    } else if (
      process.env.PLAYWRIGHT_JSON_OUTPUT_NAME &&
      existsSync(process.env.PLAYWRIGHT_JSON_OUTPUT_NAME)
    ) {
      playwrightJson = process.env.PLAYWRIGHT_JSON_OUTPUT_NAME;
      const when = new Date(statSync(playwrightJson).mtimeMs).toISOString().slice(0, 16);
      e2eNote = `read from the existing Playwright report ${playwrightJson} (written ${when} UTC).`;
    } else {
      e2eNote =
        'not run (pass `--e2e` after `npm run build`, or point PLAYWRIGHT_JSON_OUTPUT_NAME at a Playwright JSON report).';
    }
    if (playwrightJson) {
      const playwright = readJson<PlaywrightReport>(playwrightJson);
      if (playwright) {
        records.push(...playwrightRecords(playwright));
        for (const error of playwright.errors ?? []) {
          broken.push({ file: 'e2e', message: (error.message ?? '').split('\n')[0] ?? '' });
        }
      } else {
        e2eNote = `${e2eNote ?? ''} No Playwright JSON report was produced.`.trim();
      }
    }

    const text = markdown({ date: new Date(), runs, records, e2eNote, broken });
    writeFileSync(out, `${text}\n`);
    const failed = records.filter((r) => r.outcome === 'failed').length + broken.length;
    console.log(
      `testing-report: wrote ${path.relative(ROOT, out)} (${records.length} tests, ${failed} failed)`,
    );
    process.exitCode = failed ? 1 : 0;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

const invokedDirectly =
  process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
