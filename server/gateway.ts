import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { type ClientConfig, clientConfig, proxyTarget, type ServerConfig } from './env.ts';
import {
  API_RESPONSE_HEADERS,
  type Credentials,
  downstreamResponseHeaders,
  hostProblem,
  isApiPath,
  MAX_BODY_BYTES,
  matchApiRequest,
  originProblem,
  pathProblem,
  splitTarget,
  upstreamRequestHeaders,
} from './proxy-rules.ts';
import { clearedSessionCookie, SessionStore, sessionCookie, sessionIdFrom } from './sessions.ts';
import { createUpstream, readSmall, type Upstream, UpstreamError } from './upstream.ts';

/**
 * Everything the Versus server answers besides the app's files: `/healthz`, the page's
 * runtime config, per-user sign-in and sign-out, and the LangSmith proxy. Written against
 * Node's own request and response, so the production server (Fastify) and `npm run dev`
 * (Vite's middleware) run the very same code.
 */

export const CONFIG_PATH = '/__versus/config.json';
export const SESSION_PATH = '/__versus/session';
export const HEALTH_PATH = '/healthz';
const SIGN_IN_MAX_BYTES = 8 * 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface Gateway {
  /** Answers the request if it is one of the gateway's; false to let the caller serve it. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /** Null outside per-user mode. */
  sessions: SessionStore | null;
  close(): void;
}

export interface GatewayOptions {
  upstreamHeadersTimeoutMs?: number;
  upstreamIdleTimeoutMs?: number;
}

/**
 * Refusals that apply to every request the server answers, files included: a Host that is
 * not ours (DNS rebinding) and paths that could resolve to something else. `/healthz` is
 * exempt from the Host check: load balancers probe it by address.
 */
export function requestProblem(
  req: IncomingMessage,
  config: ServerConfig,
): { status: 400 | 403; detail: string } | null {
  const { path } = splitTarget(req.url ?? '');
  const badPath = pathProblem(path);
  if (badPath) return { status: 400, detail: badPath };
  if (path === HEALTH_PATH) return null;
  const badHost = hostProblem(req.headers.host, config.allowedHosts);
  return badHost ? { status: 403, detail: badHost } : null;
}

export function isGatewayPath(path: string): boolean {
  return (
    path === HEALTH_PATH || path === '/__versus' || path.startsWith('/__versus/') || isApiPath(path)
  );
}

export function createGateway(config: ServerConfig, options: GatewayOptions = {}): Gateway {
  const upstream = config.endpoint
    ? createUpstream({
        target: proxyTarget(config.endpoint),
        headersTimeoutMs: options.upstreamHeadersTimeoutMs,
        idleTimeoutMs: options.upstreamIdleTimeoutMs,
      })
    : null;
  const sessions = config.mode === 'per-user' ? new SessionStore(config.sessionMaxAgeMs) : null;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const { path } = splitTarget(req.url ?? '');
    if (!isGatewayPath(path)) return false;
    const problem = requestProblem(req, config);
    if (problem) {
      sendJson(res, problem.status, { detail: problem.detail });
      return true;
    }
    if (path === HEALTH_PATH) {
      if (!readOnly(req, res)) return true;
      sendJson(res, 200, { status: 'ok', mode: config.mode });
      return true;
    }
    if (path === CONFIG_PATH) {
      if (!readOnly(req, res) || !sameOrigin(req, res, false)) return true;
      sendJson(res, 200, pageConfig(req));
      return true;
    }
    if (path === SESSION_PATH && sessions && upstream) {
      await handleSession(req, res, sessions, upstream);
      return true;
    }
    if (!isApiPath(path)) {
      sendJson(res, 404, { detail: 'Not found.' });
      return true;
    }
    await handleApi(req, res);
    return true;
  }

  function pageConfig(req: IncomingMessage): ClientConfig {
    const signedIn = sessions ? sessions.get(sessionIdFrom(req.headers.cookie)) !== null : false;
    return clientConfig(config, signedIn);
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? '';
    const match = matchApiRequest(method, req.url ?? '');
    if (!match.ok) {
      const { status, detail, allow } = match.refusal;
      sendJson(res, status, { detail }, allow ? { allow } : {});
      return;
    }
    if (!sameOrigin(req, res, false)) return;
    if (!upstream) {
      sendJson(res, 503, {
        detail: config.endpointProblem
          ? `Live mode is off: ${config.endpointProblem}.`
          : 'Demo mode: the API is served by the in-browser demo worker, which is not running.',
      });
      return;
    }
    let credentials: Credentials;
    if (sessions) {
      const found = sessions.get(sessionIdFrom(req.headers.cookie));
      if (!found) {
        sendJson(res, 401, {
          detail: 'You are not signed in to Versus (or your sign-in expired): sign in again.',
        });
        return;
      }
      credentials = found;
    } else {
      credentials = { apiKey: config.apiKey, workspaceId: config.workspaceId };
    }
    let body: Buffer | undefined;
    if (match.endpoint.method === 'POST') {
      const read = await readJsonBody(req, res, MAX_BODY_BYTES);
      if (!read) return;
      body = read;
    }
    await forward(res, upstream, {
      method: match.endpoint.method,
      path: match.upstreamPath,
      headers: upstreamRequestHeaders(req.headers, credentials, body ? body.length : null),
      body,
    });
  }

  async function handleSession(
    req: IncomingMessage,
    res: ServerResponse,
    store: SessionStore,
    api: Upstream,
  ): Promise<void> {
    const method = req.method ?? '';
    if (method !== 'POST' && method !== 'DELETE') {
      sendJson(
        res,
        405,
        { detail: 'Sign in with POST, sign out with DELETE.' },
        { allow: 'POST, DELETE' },
      );
      return;
    }
    // A write to this server: it must come from this server's own page.
    if (!sameOrigin(req, res, true)) return;
    const secure = isHttps(req);
    const current = sessionIdFrom(req.headers.cookie);
    if (method === 'DELETE') {
      store.delete(current);
      sendJson(res, 200, { signedIn: false }, { 'set-cookie': clearedSessionCookie(secure) });
      return;
    }
    const raw = await readJsonBody(req, res, SIGN_IN_MAX_BYTES);
    if (!raw) return;
    const credentials = readSignIn(raw);
    if (typeof credentials === 'string') {
      sendJson(res, 400, { detail: credentials });
      return;
    }
    const check = await checkKey(api, credentials);
    if (check !== null) {
      sendJson(res, check.status, { detail: check.detail });
      return;
    }
    // A new id on every sign-in: an id known before it is never promoted.
    store.delete(current);
    const id = store.create(credentials);
    sendJson(
      res,
      200,
      { signedIn: true },
      { 'set-cookie': sessionCookie(id, store.maxAgeMs, secure) },
    );
  }

  return {
    handle,
    sessions,
    close() {
      upstream?.close();
      sessions?.close();
    },
  };
}

/** The gateway's answers other than proxied ones: GET (and HEAD) only. */
function readOnly(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method === 'GET' || req.method === 'HEAD') return true;
  sendJson(res, 405, { detail: 'Only GET is allowed here.' }, { allow: 'GET' });
  return false;
}

function sameOrigin(req: IncomingMessage, res: ServerResponse, requireOrigin: boolean): boolean {
  const problem = originProblem(req.headers, requireOrigin);
  if (problem) sendJson(res, 403, { detail: problem });
  return problem === null;
}

function isHttps(req: IncomingMessage): boolean {
  if ((req.socket as TLSSocket).encrypted) return true;
  // Behind a TLS-terminating proxy. Trusting the header can only add Secure, never remove it.
  const proto = req.headers['x-forwarded-proto'];
  const first = (Array.isArray(proto) ? proto[0] : proto)?.split(',')[0]?.trim().toLowerCase();
  return first === 'https';
}

function readSignIn(raw: Buffer): Credentials | string {
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch {
    return 'The sign-in request is not JSON.';
  }
  const { apiKey, workspaceId } = (body && typeof body === 'object' ? body : {}) as Record<
    string,
    unknown
  >;
  const key = typeof apiKey === 'string' ? apiKey.trim() : '';
  if (!key) return 'Enter your LangSmith API key.';
  if (key.length > 512 || !/^[\x21-\x7e]+$/.test(key)) {
    return 'That does not look like a LangSmith API key (letters, digits and symbols, no spaces).';
  }
  const workspace = typeof workspaceId === 'string' ? workspaceId.trim() : '';
  if (workspace && !UUID.test(workspace)) {
    return 'The workspace ID is a UUID (8-4-4-4-12 hex digits), or leave it empty.';
  }
  return { apiKey: key, workspaceId: workspace || undefined };
}

/** Asks LangSmith for one dataset with the key: an allowlisted read that any valid key can do. */
async function checkKey(
  api: Upstream,
  credentials: Credentials,
): Promise<{ status: number; detail: string } | null> {
  try {
    const res = await api.request({
      method: 'GET',
      path: '/api/v1/datasets?limit=1',
      headers: upstreamRequestHeaders({}, credentials, null),
      signal: AbortSignal.timeout(20_000),
    });
    await readSmall(res, 64 * 1024);
    const status = res.statusCode ?? 0;
    if (status >= 200 && status < 300) return null;
    if (status === 401 || status === 403) {
      return {
        status: 401,
        detail: `LangSmith did not accept this API key (${status}). Check the key, and the workspace ID if your key covers several workspaces.`,
      };
    }
    return { status: 502, detail: `LangSmith answered the key check with ${status}; try again.` };
  } catch (error) {
    return { status: 502, detail: upstreamFailure(error).detail };
  }
}

async function readJsonBody(
  req: IncomingMessage,
  res: ServerResponse,
  maxBytes: number,
): Promise<Buffer | null> {
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    sendJson(res, 415, { detail: 'The body must be JSON (Content-Type: application/json).' });
    return null;
  }
  const tooLarge = () =>
    sendJson(
      res,
      413,
      { detail: `The body is larger than ${Math.round(maxBytes / 1024)} KB.` },
      { connection: 'close' },
    );
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    tooLarge();
    return null;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > maxBytes) {
        tooLarge();
        return null;
      }
      chunks.push(chunk as Buffer);
    }
  } catch {
    // The browser went away while sending: nobody is left to answer.
    res.destroy();
    return null;
  }
  return Buffer.concat(chunks);
}

async function forward(
  res: ServerResponse,
  upstream: Upstream,
  request: Parameters<Upstream['request']>[0],
): Promise<void> {
  const abort = new AbortController();
  const onClose = () => {
    if (!res.writableFinished) abort.abort();
  };
  res.once('close', onClose);
  let answer: IncomingMessage;
  try {
    answer = await upstream.request({ ...request, signal: abort.signal });
  } catch (error) {
    if (abort.signal.aborted) return;
    const failure = upstreamFailure(error);
    sendJson(res, failure.status, { detail: failure.detail });
    return;
  } finally {
    res.off('close', onClose);
  }
  res.writeHead(answer.statusCode ?? 502, downstreamResponseHeaders(answer.headers));
  await pipe(answer, res);
}

/**
 * Chunk by chunk, with backpressure (the browser's pace sets the upstream's): `pipe`, which
 * does nothing else per chunk. stream.pipeline measured at about twice its CPU per 168 MB.
 * Either side going away ends the other: the browser then sees a cut body.
 */
function pipe(answer: IncomingMessage, res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      answer.unpipe(res);
      answer.destroy();
      res.destroy();
      resolve();
    };
    answer.once('error', stop);
    answer.once('aborted', stop);
    res.once('close', () => (res.writableFinished ? resolve() : stop()));
    answer.pipe(res);
  });
}

function upstreamFailure(error: unknown): { status: 502 | 504; detail: string } {
  if (error instanceof UpstreamError) {
    return { status: error.kind === 'timeout' ? 504 : 502, detail: error.message };
  }
  return { status: 502, detail: 'LangSmith could not be reached.' };
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...API_RESPONSE_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}
