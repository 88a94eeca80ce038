// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { DATA_MARKER, fillTemplate } from '../src/features/snapshot/embed.ts';
import { buildViewerTemplate, SNAPSHOT_CSP } from './snapshot-template.ts';

const BUILT = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
    <!-- a comment about the preload -->
    <link rel="preload" href="/__versus/config.json" as="fetch" crossorigin="anonymous" />
    <title>Versus</title>
    <script type="module" crossorigin src="/assets/index-abc.js"></script>
    <link rel="stylesheet" crossorigin href="/assets/index-abc.css">
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>`;

describe('the snapshot viewer template', () => {
  const template = buildViewerTemplate({
    html: BUILT,
    js: 'const s = "</script><!-- x"; boot();',
    css: 'a::after { content: "</style>"; }',
  });

  it('loads nothing: no src or href but data:, and a CSP that forbids every request', () => {
    expect(template).not.toMatch(/\b(src|href)="(?!data:)/);
    expect(template).not.toContain('<!-- a comment');
    expect(template).toContain(
      `<meta http-equiv="Content-Security-Policy" content="${SNAPSHOT_CSP}" />`,
    );
    expect(SNAPSHOT_CSP).toContain("default-src 'none'");
    expect(SNAPSHOT_CSP).toContain("connect-src 'none'");
  });

  it('holds the script and styles inline, unable to close their own elements', () => {
    expect(template).toContain(
      '<script type="module">const s = "<\\/script><\\!-- x"; boot();</script>',
    );
    expect(template).toContain('<style>a::after { content: "<\\/style>"; }</style>');
  });

  it('ends with the empty data element, after the script, that a snapshot fills', () => {
    const filled = fillTemplate(template, 'H4sI');
    expect(filled).toMatch(
      new RegExp(
        `boot\\(\\);</script>\\s*${DATA_MARKER.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}H4sI</script>\\s*</body>`,
      ),
    );
  });

  it('refuses a page that would still load a file', () => {
    expect(() =>
      buildViewerTemplate({
        html: BUILT.replace('<div id="root">', '<img src="/logo.png"><div>'),
        js: '',
        css: '',
      }),
    ).toThrow(/would load a file/);
  });
});
