/**
 * The server's configuration, read once from the environment. Shared by the production
 * server (`npm start`) and the Vite dev/preview servers. A value that cannot be used is a
 * `problem` (the server refuses to start) or, for LANGSMITH_ENDPOINT alone, a fall-back to
 * demo mode that says why (kept from the first version: the page still opens).
 */

export type ServerMode = 'demo' | 'live' | 'per-user';

export interface ServerConfig {
  mode: ServerMode;
  /** The LangSmith base URL; null in demo mode. */
  endpoint: URL | null;
  /** The shared key of live mode. Never used in per-user mode. */
  apiKey: string | undefined;
  workspaceId: string | undefined;
  /** Host names (no port) the server answers to besides its loopback names. */
  allowedHosts: string[];
  /** How long a per-user sign-in lasts. */
  sessionMaxAgeMs: number;
  /** Why LANGSMITH_ENDPOINT was not used (demo mode then says so). */
  endpointProblem: string | null;
  /** Settings that make the server refuse to start. */
  problems: string[];
  /** Settings that are ignored, said once at start. */
  warnings: string[];
}

export const DEFAULT_SESSION_MAX_AGE_MS = 12 * 60 * 60 * 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function readServerConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const problems: string[] = [];
  const warnings: string[] = [];
  const apiKey = env.LANGSMITH_API_KEY?.trim() || undefined;
  const workspaceId = env.LANGSMITH_WORKSPACE_ID?.trim() || undefined;
  const { endpoint, problem: endpointProblem } = readEndpoint(env.LANGSMITH_ENDPOINT);

  const auth = env.VERSUS_AUTH?.trim().toLowerCase() || '';
  let mode: ServerMode = endpoint ? 'live' : 'demo';
  if (auth === 'per-user') {
    mode = 'per-user';
    if (!endpoint) {
      problems.push(
        `VERSUS_AUTH=per-user needs LANGSMITH_ENDPOINT${endpointProblem ? ` (${endpointProblem})` : ''}.`,
      );
    }
    if (apiKey) warnings.push('VERSUS_AUTH=per-user: LANGSMITH_API_KEY is ignored.');
  } else if (auth !== '' && auth !== 'server') {
    problems.push(`VERSUS_AUTH must be "per-user" or unset, not "${auth}".`);
  }
  if (workspaceId && !UUID.test(workspaceId)) {
    problems.push('LANGSMITH_WORKSPACE_ID must be a workspace UUID.');
  }

  const allowedHosts: string[] = [];
  for (const raw of (env.VERSUS_ALLOWED_HOSTS ?? '').split(',')) {
    const host = raw.trim().toLowerCase();
    if (!host) continue;
    if (!/^\.?[a-z0-9.-]+$|^\[[0-9a-f:.]+\]$/.test(host)) {
      problems.push(`VERSUS_ALLOWED_HOSTS: "${host}" is not a host name (no scheme, no port).`);
    } else {
      allowedHosts.push(host);
    }
  }

  const maxAge = parseDuration(env.VERSUS_SESSION_MAX_AGE);
  if (maxAge === null) {
    problems.push('VERSUS_SESSION_MAX_AGE must be a duration such as 12h, 30m or 900s.');
  }

  return {
    mode,
    endpoint,
    apiKey: mode === 'per-user' ? undefined : apiKey,
    workspaceId: mode === 'per-user' ? undefined : workspaceId,
    allowedHosts,
    sessionMaxAgeMs: maxAge ?? DEFAULT_SESSION_MAX_AGE_MS,
    endpointProblem,
    problems,
    warnings,
  };
}

function readEndpoint(value: string | undefined): { endpoint: URL | null; problem: string | null } {
  const raw = value?.trim();
  if (!raw) return { endpoint: null, problem: null };
  let endpoint: URL;
  try {
    endpoint = new URL(raw);
  } catch {
    return { endpoint: null, problem: 'LANGSMITH_ENDPOINT is not a URL' };
  }
  if (endpoint.protocol !== 'http:' && endpoint.protocol !== 'https:') {
    return { endpoint: null, problem: 'LANGSMITH_ENDPOINT must be http(s)' };
  }
  if (endpoint.username || endpoint.password) {
    return { endpoint: null, problem: 'LANGSMITH_ENDPOINT must not carry credentials' };
  }
  return { endpoint, problem: null };
}

/** `12h`, `30m`, `900s` or plain seconds; unset means the default. Null when unreadable. */
export function parseDuration(value: string | undefined): number | null {
  const raw = value?.trim();
  if (!raw) return DEFAULT_SESSION_MAX_AGE_MS;
  const match = /^(\d+(?:\.\d+)?)\s*(s|m|h|d)?$/i.exec(raw);
  if (!match) return null;
  const unit = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[
    (match[2] ?? 's').toLowerCase() as 's' | 'm' | 'h' | 'd'
  ];
  const ms = Number(match[1]) * unit;
  // At least a second; at most 30 days (a forgotten sign-in should not outlive a month).
  return ms >= 1_000 && ms <= 30 * 86_400_000 ? Math.round(ms) : null;
}

/**
 * The base the `/api/v1/...` path is appended to. Self-hosted installs document the
 * endpoint with its `/api/v1` suffix; the cloud one without: both must work.
 */
export function proxyTarget(endpoint: URL): string {
  const path = endpoint.pathname.replace(/\/+$/, '').replace(/\/api\/v1$/, '');
  return `${endpoint.origin}${path}`;
}

/**
 * The LangSmith web app that belongs to an API endpoint, for links into it. The cloud API
 * hosts have their own web hosts (`api.smith.langchain.com` -> `smith.langchain.com`, and
 * each region's `<region>.api.smith.langchain.com` -> `<region>.smith.langchain.com`: eu,
 * apac, aws, as the LangSmith SDKs map them); a self-hosted install serves the app and the
 * API from one origin, the API under `/api` or `/api/v1` after its path prefix.
 */
export function webAppUrl(endpoint: URL): string {
  const cloud = /^(?:([a-z0-9-]+)\.)?api\.smith\.langchain\.com$/i.exec(endpoint.hostname);
  if (cloud) return `https://${cloud[1] ? `${cloud[1].toLowerCase()}.` : ''}smith.langchain.com`;
  const path = endpoint.pathname.replace(/\/+$/, '').replace(/\/api(?:\/v1)?$/, '');
  return `${endpoint.origin}${path}`;
}

/** What the browser is told about the data source: never a key. */
export type ClientConfig =
  | { source: 'demo' }
  | { source: 'live'; host: string; webApp: string }
  | { source: 'live'; host: string; webApp: string; auth: 'per-user'; signedIn: boolean };

export function clientConfig(config: ServerConfig, signedIn = false): ClientConfig {
  if (!config.endpoint) return { source: 'demo' };
  const host = config.endpoint.host;
  const webApp = webAppUrl(config.endpoint);
  return config.mode === 'per-user'
    ? { source: 'live', host, webApp, auth: 'per-user', signedIn }
    : { source: 'live', host, webApp };
}
