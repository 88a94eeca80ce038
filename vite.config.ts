import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { readServerConfig } from './server/env.ts';
import { contentSecurityPolicy, PAGE_HEADERS } from './server/security-headers.ts';
import { versusServerPlugin } from './server/vite-plugin.ts';

const serverConfig = readServerConfig();
const port = Number(process.env.PORT) || undefined;
const allowedHosts = serverConfig.allowedHosts;

/** The CSP in index.html too, for hosts that serve the built files without this server. */
function cspMetaTag(): Plugin {
  return {
    name: 'versus-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: {
          'http-equiv': 'Content-Security-Policy',
          content: contentSecurityPolicy({ header: false }),
        },
        injectTo: 'head-prepend',
      },
    ],
  };
}

/**
 * main.tsx imports the app (`src/app/start.tsx`) only after it has sent the view's requests:
 * the app's chunks and styles are fetched and compiled from the HTML meanwhile, so the import
 * only evaluates them. Vite preloads a dynamic import's files only once it is called.
 */
function preloadAppChunk(): Plugin {
  let base = '/';
  return {
    name: 'versus-preload-app',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return;
        const start = Object.values(bundle).find(
          (c) => c.type === 'chunk' && c.facadeModuleId?.endsWith('/src/app/start.tsx'),
        );
        if (start?.type !== 'chunk') return;
        const scripts = new Set<string>();
        const styles = new Set<string>();
        const visit = (fileName: string) => {
          const chunk = bundle[fileName];
          if (chunk?.type !== 'chunk' || scripts.has(fileName)) return;
          scripts.add(fileName);
          for (const css of chunk.viteMetadata?.importedCss ?? []) styles.add(css);
          for (const next of chunk.imports) visit(next);
        };
        visit(start.fileName);
        const fresh = (files: Set<string>) =>
          [...files].filter((f) => !html.includes(`${base}${f}"`));
        const link = (rel: string, file: string) => ({
          tag: 'link',
          attrs: { rel, crossorigin: true, href: `${base}${file}` },
          injectTo: 'head' as const,
        });
        return [
          ...fresh(scripts).map((f) => link('modulepreload', f)),
          ...fresh(styles).map((f) => link('stylesheet', f)),
        ];
      },
    },
  };
}

// The dev server runs Vite's inline HMR preamble: no CSP there, the other headers apply.
const { 'content-security-policy': _csp, ...devHeaders } = PAGE_HEADERS;

export default defineConfig(({ command }) => {
  // A setting the servers cannot use stops them; a build does not read them.
  if (command === 'serve' && serverConfig.problems.length > 0) {
    throw new Error(`Versus: ${serverConfig.problems.join(' ')}`);
  }
  return {
    plugins: [react(), versusServerPlugin(serverConfig), cspMetaTag(), preloadAppChunk()],
    server: {
      port: port ?? 5173,
      allowedHosts,
      headers: devHeaders,
    },
    preview: {
      port: port ?? 4173,
      strictPort: true,
      allowedHosts,
      headers: PAGE_HEADERS,
    },
    build: {
      target: 'es2022',
      sourcemap: false,
    },
  };
});
