import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BundleAsset, BundleReport } from './results';

/**
 * The built app's JavaScript: what index.html loads up front (the entry script and its
 * modulepreload links) and every other chunk, loaded lazily. Sizes gzipped with node:zlib.
 */

function attr(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name}\\s*=\\s*["']([^"']+)["']`, 'i').exec(tag);
  return match?.[1] ?? null;
}

/** Asset paths from index.html: module scripts, modulepreloads and stylesheets. */
export function readIndexHtml(html: string): {
  entries: string[];
  preloads: string[];
  styles: string[];
} {
  const entries: string[] = [];
  const preloads: string[] = [];
  const styles: string[] = [];
  for (const tag of html.match(/<script\b[^>]*>/gi) ?? []) {
    const src = attr(tag, 'src');
    if (src && attr(tag, 'type') === 'module') entries.push(src);
  }
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    const rel = attr(tag, 'rel');
    const href = attr(tag, 'href');
    if (!href) continue;
    if (rel === 'modulepreload') preloads.push(href);
    else if (rel === 'stylesheet') styles.push(href);
  }
  return { entries, preloads, styles };
}

function asset(outDir: string, file: string, kind: BundleAsset['kind']): BundleAsset {
  const data = readFileSync(join(outDir, file));
  return { file, bytes: data.length, gzipBytes: gzipSync(data).length, kind };
}

function listJs(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listJs(join(dir, entry.name), rel));
    else if (/\.m?js$/.test(entry.name)) out.push(rel);
  }
  return out;
}

export function analyseBundle(outDir: string): BundleReport {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const { entries, preloads, styles } = readIndexHtml(html);
  const clean = (p: string) => p.replace(/^\//, '');
  const initialFiles = new Set([...entries, ...preloads].map(clean));
  const initialJs = [
    ...entries.map((f) => asset(outDir, clean(f), 'entry')),
    ...preloads.map((f) => asset(outDir, clean(f), 'modulepreload')),
  ];
  // Only built chunks count: public/ files copied as-is (the MSW worker script) are not the app.
  const lazyJs = listJs(join(outDir, 'assets'))
    .map((f) => `assets/${f}`)
    .filter((f) => !initialFiles.has(f))
    .map((f) => asset(outDir, f, /worker/i.test(f) ? 'worker' : 'lazy'))
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
  const css = styles.map((f) => asset(outDir, clean(f), 'css'));
  return {
    initialJs,
    lazyJs,
    css,
    initialJsBytes: initialJs.reduce((a, f) => a + f.bytes, 0),
    initialJsGzipBytes: initialJs.reduce((a, f) => a + f.gzipBytes, 0),
  };
}
