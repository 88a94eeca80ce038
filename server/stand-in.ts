import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import {
  getDataset,
  listDatasets,
  listSessions,
  parseJsonBody,
  sessionMetadata,
} from '../src/mocks/api-logic';
import type { ApiResult } from '../src/mocks/api-types';
import type { WorkspaceStore } from '../src/mocks/generator';
import { groupRuns } from '../src/mocks/group-runs';

/**
 * A LangSmith stand-in over plain HTTP, serving the same endpoint logic as demo mode. Live
 * mode is tested (and benchmarked) against it: it checks `X-Api-Key` like the real server
 * and records what it received, so tests can prove what the proxy sent.
 */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
}

export interface StandInOptions {
  store: WorkspaceStore;
  /** When set, requests without this X-Api-Key (or one of these) get 401 like LangSmith's. */
  apiKey?: string | readonly string[];
  /** Keep at most this many recorded requests. */
  recordLimit?: number;
  /**
   * Serialise the response to each distinct request (method, URL, body) once and replay its
   * bytes after that. The bench sets it: LangSmith computes and serialises on its own
   * servers, while this stand-in shares the analyst's cores with the browser it serves.
   */
  replay?: boolean;
  /**
   * Sends bodies of a megabyte or more at this many bytes a second, as a network would: the
   * bench's `--download-mb-s` (a remote LangSmith, whose download is not bound by this machine's
   * cores). Unset: as fast as the connection takes them.
   */
  bytesPerSecond?: number;
  /** Moves the store's clock (its running experiment's arrivals): `POST /__stand-in/clock`. */
  advanceClock?: (ms: number) => void;
}

const ROUTES: {
  method: string;
  pattern: RegExp;
  handle: (store: WorkspaceStore, id: string, params: URLSearchParams, body: string) => ApiResult;
}[] = [
  { method: 'GET', pattern: /^\/api\/v1\/datasets$/, handle: (s, _id, p) => listDatasets(s, p) },
  {
    method: 'GET',
    pattern: /^\/api\/v1\/datasets\/([^/]+)$/,
    handle: (s, id) => getDataset(s, id),
  },
  { method: 'GET', pattern: /^\/api\/v1\/sessions$/, handle: (s, _id, p) => listSessions(s, p) },
  {
    method: 'GET',
    pattern: /^\/api\/v1\/sessions\/([^/]+)\/metadata$/,
    handle: (s, id, p) => sessionMetadata(s, id, p),
  },
  {
    method: 'POST',
    pattern: /^\/api\/v1\/datasets\/([^/]+)\/group\/runs$/,
    handle: (s, id, _p, body) => {
      const parsed = parseJsonBody(body);
      return parsed.ok ? groupRuns(s, id, parsed.value) : parsed.result;
    },
  },
];

export function route(store: WorkspaceStore, method: string, url: URL, body: string): ApiResult {
  const path = url.pathname.replace(/\/+$/, '');
  for (const r of ROUTES) {
    const match = r.method === method ? r.pattern.exec(path) : null;
    if (match) return r.handle(store, decodeURIComponent(match[1] ?? ''), url.searchParams, body);
  }
  return { status: 404, body: { detail: 'Not Found' } };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendBytes(res: ServerResponse, status: number, bytes: Buffer, perSecond = 0): void {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': bytes.length });
  if (perSecond <= 0 || bytes.length < 1_000_000) {
    res.end(bytes);
    return;
  }
  // Every few milliseconds, what the rate allows by now (a quarter megabyte ahead).
  const started = Date.now();
  let sent = 0;
  const send = () => {
    if (res.destroyed) return;
    const due = Math.floor(((Date.now() - started) / 1000) * perSecond) + 256 * 1024;
    const upTo = Math.min(bytes.length, due);
    if (upTo > sent) res.write(bytes.subarray(sent, upTo));
    sent = Math.max(sent, upTo);
    if (sent >= bytes.length) res.end();
    else setTimeout(send, 5);
  };
  send();
}

export function createStandIn(options: StandInOptions): {
  server: Server;
  requests: RecordedRequest[];
} {
  const requests: RecordedRequest[] = [];
  const limit = options.recordLimit ?? 1000;
  const replays = new Map<string, { status: number; bytes: Buffer }>();
  let keys = options.apiKey === undefined ? [] : [options.apiKey].flat();
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const send = (status: number, body: unknown) =>
      sendBytes(res, status, Buffer.from(JSON.stringify(body)));
    if (url.pathname === '/__stand-in/health') return send(200, { ok: true });
    if (url.pathname === '/__stand-in/requests') {
      if (req.method === 'DELETE') requests.length = 0;
      return send(200, requests);
    }
    if (url.pathname === '/__stand-in/keys' && req.method === 'PUT') {
      // Tests revoke and restore keys, as a workspace admin would.
      const next: unknown = JSON.parse((await readBody(req)) || '[]');
      keys = Array.isArray(next) ? next.map(String) : keys;
      return send(200, keys);
    }
    if (url.pathname === '/__stand-in/clock' && req.method === 'POST' && options.advanceClock) {
      // Tests move time for the running experiment: `{ "advanceMs": 15000 }`.
      const { advanceMs } = JSON.parse((await readBody(req)) || '{}') as { advanceMs?: unknown };
      options.advanceClock(typeof advanceMs === 'number' ? advanceMs : 0);
      return send(200, { ok: true });
    }
    requests.push({
      method: req.method ?? 'GET',
      path: `${url.pathname}${url.search}`,
      headers: req.headers,
    });
    if (requests.length > limit) requests.shift();
    if (keys.length > 0 && !keys.includes(String(req.headers['x-api-key']))) {
      return send(401, { detail: 'Invalid token' });
    }
    const body = await readBody(req);
    const answer = () => {
      const result = route(options.store, req.method ?? 'GET', url, body);
      return { status: result.status, bytes: Buffer.from(JSON.stringify(result.body)) };
    };
    if (!options.replay) {
      const { status, bytes } = answer();
      return sendBytes(res, status, bytes, options.bytesPerSecond);
    }
    const key = `${req.method} ${url.pathname}${url.search}\n${body}`;
    let reply = replays.get(key);
    if (!reply) {
      reply = answer();
      replays.set(key, reply);
    }
    sendBytes(res, reply.status, reply.bytes, options.bytesPerSecond);
  });
  return { server, requests };
}
