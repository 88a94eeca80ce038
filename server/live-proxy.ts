import type { Plugin, ProxyOptions } from 'vite';

/**
 * Live mode: the dev and preview servers forward same-origin `/api/v1/*` to one LangSmith
 * endpoint and add the API key there, so the browser never holds it. Demo mode (no
 * endpoint): the browser's MSW worker answers instead, and the server says so.
 */

export const API_PREFIX = '/api/v1';
export const CONFIG_PATH = '/__versus/config.json';

export interface LiveEnv {
  endpoint: URL | null;
  apiKey: string | undefined;
  workspaceId: string | undefined;
  /** Set when LANGSMITH_ENDPOINT is present but not an http(s) URL. */
  problem: string | null;
}

export function readLiveEnv(env: NodeJS.ProcessEnv = process.env): LiveEnv {
  const raw = env.LANGSMITH_ENDPOINT?.trim();
  const apiKey = env.LANGSMITH_API_KEY?.trim() || undefined;
  const workspaceId = env.LANGSMITH_WORKSPACE_ID?.trim() || undefined;
  if (!raw) return { endpoint: null, apiKey, workspaceId, problem: null };
  let endpoint: URL;
  try {
    endpoint = new URL(raw);
  } catch {
    return { endpoint: null, apiKey, workspaceId, problem: `LANGSMITH_ENDPOINT is not a URL` };
  }
  if (endpoint.protocol !== 'http:' && endpoint.protocol !== 'https:') {
    return { endpoint: null, apiKey, workspaceId, problem: 'LANGSMITH_ENDPOINT must be http(s)' };
  }
  return { endpoint, apiKey, workspaceId, problem: null };
}

/**
 * The base the `/api/v1/...` path is appended to. Self-hosted installs document the
 * endpoint with its `/api/v1` suffix; the cloud one without: both must work.
 */
export function proxyTarget(endpoint: URL): string {
  const path = endpoint.pathname.replace(/\/+$/, '').replace(/\/api\/v1$/, '');
  return `${endpoint.origin}${path}`;
}

/** What the browser is told about the data source: never the key. */
export function clientConfig(env: LiveEnv): { source: 'demo' } | { source: 'live'; host: string } {
  return env.endpoint ? { source: 'live', host: env.endpoint.host } : { source: 'demo' };
}

export function proxyOptions(env: LiveEnv): Record<string, ProxyOptions> {
  if (!env.endpoint) return {};
  const headers: Record<string, string> = {};
  if (env.apiKey) headers['X-Api-Key'] = env.apiKey;
  if (env.workspaceId) headers['X-Tenant-Id'] = env.workspaceId;
  return {
    // A RegExp key: `/api/v1x` or `/api/v10` must not match the way a plain prefix would.
    '^/api/v1(/|\\?|$)': {
      target: proxyTarget(env.endpoint),
      changeOrigin: true,
      secure: true,
      headers,
      proxyTimeout: 60_000,
      configure(proxy) {
        proxy.on('proxyReq', (proxyReq) => {
          // Browser credentials for this origin mean nothing to LangSmith.
          proxyReq.removeHeader('cookie');
          proxyReq.removeHeader('authorization');
        });
      },
    },
  };
}

/** Serves the runtime config, and in demo mode a clear answer for API calls the worker missed. */
export function versusServerPlugin(env: LiveEnv): Plugin {
  const install = (middlewares: {
    use: (fn: (req: Req, res: Res, next: () => void) => void) => void;
  }) => {
    middlewares.use((req, res, next) => {
      const url = req.url ?? '';
      if (url === CONFIG_PATH || url.startsWith(`${CONFIG_PATH}?`)) {
        res.setHeader('Content-Type', 'application/json');
        res.setHeader('Cache-Control', 'no-store');
        res.end(JSON.stringify(clientConfig(env)));
        return;
      }
      if (isApiPath(url) && !isProxiedPath(url)) {
        res.statusCode = 404;
        res.setHeader('Content-Type', 'application/json');
        res.end(JSON.stringify({ detail: `Only ${API_PREFIX}/* is served here.` }));
        return;
      }
      if (!env.endpoint && isProxiedPath(url)) {
        res.statusCode = 503;
        res.setHeader('Content-Type', 'application/json');
        res.end(
          JSON.stringify({
            detail: env.problem
              ? `Live mode is off: ${env.problem}.`
              : 'Demo mode: the API is served by the in-browser demo worker, which is not running.',
          }),
        );
        return;
      }
      next();
    });
  };
  return {
    name: 'versus-server',
    configureServer(server) {
      install(server.middlewares);
    },
    configurePreviewServer(server) {
      install(server.middlewares);
    },
  };
}

function isApiPath(url: string): boolean {
  return url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');
}

export function isProxiedPath(url: string): boolean {
  return /^\/api\/v1(\/|\?|$)/.test(url);
}

interface Req {
  url?: string;
}
interface Res {
  statusCode: number;
  setHeader(name: string, value: string): void;
  end(body?: string): void;
}
