/**
 * The snapshot viewer's template: the single-file build's page with its one script and one
 * stylesheet written into it, a CSP that forbids every request, and the empty data element
 * a snapshot fills (`src/features/snapshot/embed.ts`). Pure, so its rules are tested.
 */
import { DATA_MARKER } from '../src/features/snapshot/embed.ts';

/** Nothing may be fetched, framed or posted: the file is its own world. */
export const SNAPSHOT_CSP = [
  "default-src 'none'",
  "script-src 'unsafe-inline'",
  // React writes style attributes (column widths, bar sizes).
  "style-src 'unsafe-inline'",
  'img-src data: blob:',
  "connect-src 'none'",
  "font-src 'none'",
  "worker-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Text inside <script> or <style> must not close it, nor open an HTML comment there. */
export function inlineSafe(code: string, tag: 'script' | 'style'): string {
  const closing = new RegExp(`</(${tag})`, 'gi');
  return code.replace(closing, '<\\/$1').replace(/<!--/g, '<\\!--');
}

export function buildViewerTemplate(parts: { html: string; js: string; css: string }): string {
  // The page's own links: its script and stylesheet (inlined below), the favicon and the
  // config preload (requests a file must not make).
  let html = parts.html
    .replace(/<script\b[^>]*\bsrc="[^"]*"[^>]*><\/script>\s*/g, '')
    .replace(/<link\b[^>]*>\s*/g, '')
    .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/g, '')
    .replace(/<!--[\s\S]*?-->\s*/g, '');
  if (/\b(src|href)="(?!data:)/.test(html)) {
    throw new Error('The snapshot viewer would load a file: inline it or leave it out.');
  }
  const head = [
    `<meta http-equiv="Content-Security-Policy" content="${SNAPSHOT_CSP}" />`,
    // An empty icon: no request for /favicon.ico.
    '<link rel="icon" href="data:," />',
    `<style>${inlineSafe(parts.css, 'style')}</style>`,
  ].join('\n    ');
  html = html.replace(/<head>/, () => `<head>\n    ${head}`);
  const body = `<script type="module">${inlineSafe(parts.js, 'script')}</script>\n    ${DATA_MARKER}</script>\n  </body>`;
  const at = html.lastIndexOf('</body>');
  if (at < 0) throw new Error('The viewer page has no </body>.');
  return `${html.slice(0, at)}${body}${html.slice(at + '</body>'.length)}`;
}
