import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { proxyOptions, readLiveEnv, versusServerPlugin } from './server/live-proxy.ts';

const liveEnv = readLiveEnv();
const port = Number(process.env.PORT) || undefined;

/** Scripts and workers from self only: a payload can never bring its own code. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'versus-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  plugins: [react(), versusServerPlugin(liveEnv), contentSecurityPolicy()],
  server: {
    port: port ?? 5173,
    proxy: proxyOptions(liveEnv),
  },
  preview: {
    port: port ?? 4173,
    strictPort: true,
    proxy: proxyOptions(liveEnv),
  },
  build: {
    target: 'es2022',
    sourcemap: false,
  },
});
