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

// The dev server runs Vite's inline HMR preamble: no CSP there, the other headers apply.
const { 'content-security-policy': _csp, ...devHeaders } = PAGE_HEADERS;

export default defineConfig(({ command }) => {
  // A setting the servers cannot use stops them; a build does not read them.
  if (command === 'serve' && serverConfig.problems.length > 0) {
    throw new Error(`Versus: ${serverConfig.problems.join(' ')}`);
  }
  return {
    plugins: [react(), versusServerPlugin(serverConfig), cspMetaTag()],
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
