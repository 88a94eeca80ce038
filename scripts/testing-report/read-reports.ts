import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import type { Outcome, TestRecord } from './classes';

/** Reading Vitest's and Playwright's JSON reports into one record per test. */

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
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

export interface VitestReport {
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

export interface PlaywrightReport {
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
export function brokenFiles(report: VitestReport): { file: string; message: string }[] {
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
