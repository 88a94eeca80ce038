/** The classes of bad input a test can belong to, and which one a test is in (first match wins). */

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
