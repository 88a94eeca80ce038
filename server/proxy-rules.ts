import { PERMISSIONS_POLICY } from './security-headers.ts';

/**
 * The proxy's rules, in one place for the production server and `npm run dev`: which
 * requests may reach LangSmith (method + normalised path + query), which hosts and origins
 * the server answers, and which headers cross the proxy in each direction. Pure functions:
 * every rule is tested on its own, without a server.
 */

/** The app's largest body (group/runs) is under 2 KB; anything near this is not the app. */
export const MAX_BODY_BYTES = 64 * 1024;

export interface Refusal {
  status: 400 | 403 | 404 | 405 | 413 | 415;
  detail: string;
  /** The methods the path accepts (405 only). */
  allow?: string;
}

interface ParamRule {
  pattern: RegExp;
  /** The app sends this parameter more than once (an array). */
  repeats?: boolean;
}

export interface AllowedEndpoint {
  method: 'GET' | 'POST';
  /** The path pattern, described for 404s and logs. */
  name: string;
  path: RegExp;
  /** Exactly the query parameters the app sends to this endpoint, with their value shapes. */
  query: Record<string, ParamRule>;
}

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const COUNT: ParamRule = { pattern: /^\d{1,7}$/ };
const BOOLEAN: ParamRule = { pattern: /^(true|false)$/ };

/**
 * Every request the app makes (src/api/*.ts), and nothing else: the reads behind the
 * pickers and the one POST that is a read too (group/runs). Sign-in checks a key with the
 * first one.
 */
export const ALLOWED_ENDPOINTS: readonly AllowedEndpoint[] = [
  {
    method: 'GET',
    name: '/api/v1/datasets',
    path: /^\/api\/v1\/datasets$/,
    query: {
      // The dataset search box: free text without control characters.
      name_contains: { pattern: /^[^\p{Cc}]{1,500}$/u },
      offset: COUNT,
      limit: COUNT,
    },
  },
  {
    method: 'GET',
    name: '/api/v1/datasets/{uuid}',
    path: new RegExp(`^/api/v1/datasets/${UUID}$`),
    query: {},
  },
  {
    method: 'GET',
    name: '/api/v1/sessions',
    path: /^\/api\/v1\/sessions$/,
    query: {
      reference_dataset: { pattern: new RegExp(`^${UUID}$`), repeats: true },
      offset: COUNT,
      limit: COUNT,
      include_stats: BOOLEAN,
      sort_by: { pattern: /^[a-z_]{1,40}$/ },
      sort_by_desc: BOOLEAN,
    },
  },
  {
    method: 'GET',
    name: '/api/v1/sessions/{uuid}/metadata',
    path: new RegExp(`^/api/v1/sessions/${UUID}/metadata$`),
    query: { k: COUNT },
  },
  {
    method: 'POST',
    name: '/api/v1/datasets/{uuid}/group/runs',
    path: new RegExp(`^/api/v1/datasets/${UUID}/group/runs$`),
    query: {},
  },
];

/**
 * Paths that could mean something else once decoded or resolved by a server further on:
 * dot segments (`/api/v1/../x`), encoded dots, slashes, backslashes and percents
 * (`%2e%2e`, `%2f`, `%5c`, `%252e`), backslashes, empty segments (`//`), NUL, and targets
 * that are not a path (`http://host/…`, `*`). Refused before any matching, for every path
 * the server serves. API paths are stricter still: see `matchApiRequest`.
 */
export function pathProblem(rawPath: string): string | null {
  if (!rawPath.startsWith('/')) return 'The request target must be a path.';
  if (rawPath.includes('\\')) return 'Backslashes are not allowed in paths.';
  if (rawPath.includes('//')) return 'Empty path segments (//) are not allowed.';
  if (/%(2e|2f|5c|25|00)/i.test(rawPath)) {
    return 'Encoded dots, slashes, backslashes or percent signs are not allowed in paths.';
  }
  for (const segment of rawPath.split('/')) {
    if (segment === '.' || segment === '..') return 'Dot segments are not allowed in paths.';
  }
  return null;
}

export function splitTarget(rawUrl: string): { path: string; query: string } {
  const q = rawUrl.indexOf('?');
  return q < 0
    ? { path: rawUrl, query: '' }
    : { path: rawUrl.slice(0, q), query: rawUrl.slice(q + 1) };
}

export function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}

export type ApiMatch =
  | { ok: true; endpoint: AllowedEndpoint; upstreamPath: string }
  | { ok: false; refusal: Refusal };

/**
 * Decides whether one request may be forwarded, and to which path. `upstreamPath` is
 * rebuilt from the checked parts (the path as matched, the query re-encoded from the
 * parameters kept), so what LangSmith receives is exactly what was checked.
 */
export function matchApiRequest(method: string, rawUrl: string): ApiMatch {
  const { path, query } = splitTarget(rawUrl);
  const problem = pathProblem(path);
  if (problem) return refuse(400, problem);
  // Nothing the app requests needs a percent-escape in its path (ids are hex and dashes).
  if (path.includes('%')) return refuse(400, 'Percent-escapes are not allowed in API paths.');
  const forPath = ALLOWED_ENDPOINTS.filter((e) => e.path.test(path));
  if (forPath.length === 0) {
    return refuse(404, `Versus forwards only the requests its page makes; not ${printable(path)}.`);
  }
  const endpoint = forPath.find((e) => e.method === method);
  if (!endpoint) {
    const allow = forPath.map((e) => e.method).join(', ');
    return {
      ok: false,
      refusal: {
        status: 405,
        detail: `Method ${describeMethod(method)} is not allowed here.`,
        allow,
      },
    };
  }
  const params = checkQuery(endpoint, query);
  if (typeof params === 'string') return refuse(400, params);
  const qs = params.toString();
  return { ok: true, endpoint, upstreamPath: qs ? `${path}?${qs}` : path };
}

function checkQuery(endpoint: AllowedEndpoint, query: string): URLSearchParams | string {
  const params = new URLSearchParams(query);
  const seen = new Set<string>();
  const kept = new URLSearchParams();
  for (const [name, value] of params) {
    const rule = Object.hasOwn(endpoint.query, name) ? endpoint.query[name] : undefined;
    if (!rule) {
      return `The query parameter "${printable(name)}" is not forwarded to ${endpoint.name}.`;
    }
    if (seen.has(name) && !rule.repeats) {
      return `The query parameter "${name}" may be given once.`;
    }
    if (!rule.pattern.test(value)) return `The value of "${name}" is not one the app sends.`;
    seen.add(name);
    kept.append(name, value);
  }
  return kept;
}

function refuse(status: Refusal['status'], detail: string): ApiMatch {
  return { ok: false, refusal: { status, detail } };
}

/** Echoed text is cut short and stripped of anything unprintable. */
function printable(text: string): string {
  const clean = text.replace(/[^\x20-\x7e]/g, '?');
  return clean.length > 80 ? `${clean.slice(0, 77)}...` : clean;
}

function describeMethod(method: string): string {
  return /^[A-Z]{1,20}$/i.test(method) ? method : '(unreadable)';
}

// ---------------------------------------------------------------------------------------
// Hosts and origins

/** The names every server answers to: its loopback addresses. */
export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/** The host name of a Host header, without its port; null when it is not a host. */
export function hostName(hostHeader: string | undefined): string | null {
  if (!hostHeader) return null;
  const host = hostHeader.trim().toLowerCase();
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/.exec(host);
  if (!match?.[1]) return null;
  return match[1].replace(/\.$/, '');
}

/**
 * DNS rebinding: a page on attacker.example whose name now resolves to this machine sends
 * `Host: attacker.example`. Only our own names are answered; a deployment adds its public
 * name with VERSUS_ALLOWED_HOSTS (a leading dot allows subdomains too).
 */
export function hostProblem(
  hostHeader: string | undefined,
  allowed: readonly string[],
): string | null {
  const name = hostName(hostHeader);
  if (name === null) return 'The Host header is missing or malformed.';
  for (const entry of [...LOOPBACK_HOSTS, ...allowed]) {
    if (entry.startsWith('.') ? name === entry.slice(1) || name.endsWith(entry) : name === entry) {
      return null;
    }
  }
  return `This server does not answer to the host "${name}". Add it to VERSUS_ALLOWED_HOSTS to serve it under that name.`;
}

export interface OriginHeaders {
  host?: string | undefined;
  origin?: string | undefined;
  'sec-fetch-site'?: string | undefined;
}

/**
 * Same origin only. A browser says where a request comes from in `Sec-Fetch-Site` and, for
 * every write and every cross-origin read, in `Origin`: both must say "this page". With
 * `requireOrigin` (writes to this server: sign-in, sign-out), a request must also prove it,
 * since browsers always send Origin with them and only forged requests lack it.
 */
export function originProblem(headers: OriginHeaders, requireOrigin = false): string | null {
  const site = headers['sec-fetch-site']?.trim().toLowerCase();
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    return `Cross-site requests are refused (Sec-Fetch-Site: ${printable(site)}).`;
  }
  const origin = headers.origin?.trim();
  if (origin === undefined || origin === '') {
    return requireOrigin && site !== 'same-origin'
      ? 'This request must come from the Versus page (no Origin header).'
      : null;
  }
  let originHost: string;
  try {
    const url = new URL(origin);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('scheme');
    originHost = url.host.toLowerCase();
  } catch {
    return `Requests from origin "${printable(origin)}" are refused.`;
  }
  const host = headers.host?.trim().toLowerCase();
  if (!host || !sameHost(originHost, host)) {
    return `Requests from origin "${printable(origin)}" are refused: only this server's own page may call it.`;
  }
  return null;
}

/** `http://localhost` and Host `localhost:80` are the same: compare with default ports. */
function sameHost(originHost: string, hostHeader: string): boolean {
  const strip = (h: string) => h.replace(/:(80|443)$/, '');
  return strip(originHost) === strip(hostHeader);
}

// ---------------------------------------------------------------------------------------
// Headers across the proxy

export interface Credentials {
  apiKey: string | undefined;
  workspaceId: string | undefined;
}

const ENCODINGS = new Set(['gzip', 'deflate', 'br']);

/**
 * What LangSmith receives: built from scratch, never copied. Browser cookies, Authorization,
 * a key the page might send itself, Origin/Referer and forwarding headers all stay here.
 */
export function upstreamRequestHeaders(
  incoming: Record<string, string | string[] | undefined>,
  credentials: Credentials,
  bodyBytes: number | null,
): Record<string, string> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'user-agent': 'versus-proxy',
  };
  const accepted = String(incoming['accept-encoding'] ?? '')
    .split(',')
    .map((part) => part.split(';')[0]?.trim().toLowerCase() ?? '')
    .filter((e) => ENCODINGS.has(e));
  // The upstream's compression passes through untouched: nothing is decoded or re-encoded.
  headers['accept-encoding'] = accepted.length > 0 ? [...new Set(accepted)].join(', ') : 'identity';
  if (bodyBytes !== null) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(bodyBytes);
  }
  if (credentials.apiKey) headers['x-api-key'] = credentials.apiKey;
  if (credentials.workspaceId) headers['x-tenant-id'] = credentials.workspaceId;
  return headers;
}

/** Upstream headers the page may see; CORS, cookies and the rest never pass. */
const PASSED_RESPONSE_HEADERS = [
  'content-length',
  'content-encoding',
  'retry-after',
  'etag',
  'last-modified',
  'x-pagination-total',
];

/** Every answer of the gateway: not cached anywhere, never rendered or framed as a page. */
export const API_RESPONSE_HEADERS: Record<string, string> = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  'permissions-policy': PERMISSIONS_POLICY,
  'x-frame-options': 'DENY',
  'cross-origin-resource-policy': 'same-origin',
};

export function downstreamResponseHeaders(
  upstream: Record<string, string | string[] | undefined>,
): Record<string, string> {
  const headers: Record<string, string> = { ...API_RESPONSE_HEADERS };
  for (const name of PASSED_RESPONSE_HEADERS) {
    const value = upstream[name];
    if (typeof value === 'string') headers[name] = value;
  }
  // A non-JSON answer (an HTML error page from a gateway) is shown as text, never as a page.
  const type = upstream['content-type'];
  headers['content-type'] =
    typeof type === 'string' && /^application\/([a-z.+-]*\+)?json\s*(;|$)/i.test(type)
      ? type
      : 'text/plain; charset=utf-8';
  return headers;
}
