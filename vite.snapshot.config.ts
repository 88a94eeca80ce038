import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { buildViewerTemplate } from './scripts/snapshot-template.ts';

/**
 * The snapshot viewer: the same app built as ONE page (`dist/snapshot/viewer.html`) with its
 * code and styles inside, which the app fills with a view's data to make a snapshot file.
 * `--mode snapshot` turns on the viewer's boot (main.tsx) and leaves out the demo's worker.
 */
function singleFileViewer(): Plugin {
  return {
    name: 'versus-snapshot-viewer',
    apply: 'build',
    enforce: 'post',
    // Last of all: Vite's own post steps (the preload helper's placeholder) are done by then.
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const files = Object.values(bundle);
        const page = files.find((f) => f.type === 'asset' && f.fileName === 'index.html');
        const entries = files.filter((f) => f.type === 'chunk' && f.isEntry);
        const css = files.filter((f) => f.type === 'asset' && f.fileName.endsWith('.css'));
        if (page?.type !== 'asset' || entries.length !== 1) {
          throw new Error('The snapshot build must make one page and one script.');
        }
        const [entry] = entries;
        const html = buildViewerTemplate({
          html: String(page.source),
          js: entry?.type === 'chunk' ? entry.code : '',
          css: css.map((f) => (f.type === 'asset' ? String(f.source) : '')).join('\n'),
        });
        for (const name of Object.keys(bundle)) delete bundle[name];
        this.emitFile({ type: 'asset', fileName: 'viewer.html', source: html });
      },
    },
  };
}

export default defineConfig({
  mode: 'snapshot',
  plugins: [react(), singleFileViewer()],
  publicDir: false,
  build: {
    outDir: 'dist/snapshot',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    cssCodeSplit: false,
    // Every asset (an image, a font) becomes a data: URL inside the page.
    assetsInlineLimit: () => true,
    modulePreload: false,
    rolldownOptions: { output: { codeSplitting: false } },
  },
});
