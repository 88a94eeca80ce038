import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { newBenchContext } from './measure-page';

/**
 * The least boot any app can have here: a page served by the same `vite preview`, whose one
 * module script sends the same group/runs request at once. Its "navigation → request sent"
 * is this machine's floor for the app's (a fresh context's renderer starting, the HTML, one
 * script fetched and run), measured the same way (the request's Resource Timing start).
 */

const PAGE = 'bench-boot-floor.html';

/** Writes the page into the served build folder (`outDir`, a temporary copy). */
export function writeBootFloorPage(outDir: string, path: string, body: string): void {
  const script = `fetch(${JSON.stringify(path)}, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: ${JSON.stringify(body)} }).then((r) => r.text()).then(() => { window.__floorDone = true; });`;
  writeFileSync(join(outDir, 'bench-boot-floor.js'), script);
  writeFileSync(
    join(outDir, PAGE),
    '<!doctype html><html><head><meta charset="UTF-8"><title>floor</title><script type="module" src="/bench-boot-floor.js"></script></head><body></body></html>',
  );
}

/** Navigation → request sent (ms) on the page, once per fresh context, `runs` times. */
export async function measureBootFloor(
  browser: Browser,
  baseUrl: string,
  runs: number,
): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await newBenchContext(browser);
    try {
      const page = await context.newPage();
      await page.goto(`${baseUrl}/${PAGE}`, { waitUntil: 'commit' });
      // Polled with evaluate (CDP): the page's CSP forbids waitForFunction's eval.
      let sent: number | null = null;
      for (let tries = 0; sent === null; tries++) {
        if (tries === 300) throw new Error('the boot floor page sent no request in 30 s');
        await new Promise((resolve) => setTimeout(resolve, 100));
        sent = (await page.evaluate(
          `window.__floorDone ? performance.getEntriesByType('resource').find((e) => e.name.includes('/group/runs')).startTime : null`,
        )) as number | null;
      }
      out.push(sent);
    } finally {
      await context.close();
    }
  }
  return out;
}
