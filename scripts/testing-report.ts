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

import { markdown, type Run } from './testing-report/markdown';
import {
  brokenFiles,
  type PlaywrightReport,
  playwrightRecords,
  ROOT,
  type VitestReport,
  vitestRecords,
} from './testing-report/read-reports';

// ---------- running ----------

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
