import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/**
 * Requests to LangSmith over Node's own http(s): the answer comes back as a stream that is
 * piped to the browser chunk by chunk (a 168 MB body is never held whole), with its bytes
 * as sent (no decoding, no re-encoding).
 */

export interface UpstreamOptions {
  /** The base URL the `/api/v1/...` path is appended to (see proxyTarget). */
  target: string;
  /** Longest wait for the answer's headers. */
  headersTimeoutMs?: number;
  /** Longest silence while the answer's body arrives. */
  idleTimeoutMs?: number;
}

export class UpstreamError extends Error {
  constructor(
    readonly kind: 'timeout' | 'unreachable',
    message: string,
  ) {
    super(message);
    this.name = 'UpstreamError';
  }
}

export interface Upstream {
  request(options: {
    method: 'GET' | 'POST';
    path: string;
    headers: Record<string, string>;
    body?: Buffer;
    /** Aborts the request (the browser went away). */
    signal?: AbortSignal;
  }): Promise<IncomingMessage>;
  close(): void;
}

export function createUpstream(options: UpstreamOptions): Upstream {
  const base = new URL(options.target);
  const secure = base.protocol === 'https:';
  const agent = secure
    ? new HttpsAgent({ keepAlive: true, maxSockets: 64 })
    : new HttpAgent({ keepAlive: true, maxSockets: 64 });
  const send = secure ? httpsRequest : httpRequest;
  const basePath = base.pathname.replace(/\/+$/, '');
  const headersTimeoutMs = options.headersTimeoutMs ?? 120_000;
  const idleTimeoutMs = options.idleTimeoutMs ?? 60_000;

  type Request = Parameters<Upstream['request']>[0];
  const attempt = (request: Request, fresh: boolean) =>
    new Promise<IncomingMessage>((resolve, reject) => {
      const req = send({
        protocol: base.protocol,
        hostname: base.hostname.replace(/^\[|\]$/g, ''),
        port: base.port || undefined,
        method: request.method,
        path: `${basePath}${request.path}`,
        headers: request.headers,
        // A retry takes a new connection: the pooled one was closed under the first try.
        agent: fresh ? false : agent,
        signal: request.signal,
      });
      const headersTimer = setTimeout(() => {
        req.destroy(
          new UpstreamError(
            'timeout',
            `LangSmith did not answer within ${Math.round(headersTimeoutMs / 1000)} s.`,
          ),
        );
      }, headersTimeoutMs);
      req.on('response', (res) => {
        clearTimeout(headersTimer);
        // A body that stops arriving is cut, so the browser sees an error, not a hang. Checked
        // on a timer rather than per chunk (a socket timeout re-arms on every read).
        const socket = req.socket;
        let seen = -1;
        const idle = setInterval(() => {
          if (socket && socket.bytesRead === seen) req.destroy(new Error('idle'));
          seen = socket?.bytesRead ?? seen;
        }, idleTimeoutMs);
        idle.unref();
        res.once('close', () => clearInterval(idle));
        resolve(res);
      });
      req.on('error', (error) => {
        clearTimeout(headersTimer);
        if (!fresh && req.reusedSocket && isStaleSocket(error)) {
          // The keep-alive race: LangSmith closed an idle connection as this request took
          // it, before any answer. Every allowed request is a read: it is sent again.
          attempt(request, true).then(resolve, reject);
          return;
        }
        reject(
          error instanceof UpstreamError
            ? error
            : new UpstreamError(
                'unreachable',
                `LangSmith could not be reached (${errorCode(error)}).`,
              ),
        );
      });
      req.end(request.body);
    });

  return {
    request: (request) => attempt(request, false),
    close() {
      agent.destroy();
    },
  };
}

function isStaleSocket(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === 'ECONNRESET' || code === 'EPIPE';
}

/** A short, key-free description of a network error (`ECONNREFUSED`, `ENOTFOUND`...). */
function errorCode(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && /^[A-Z_]{2,40}$/.test(code)) return code;
  return error instanceof Error && error.name === 'AbortError' ? 'aborted' : 'network error';
}

/** Reads an answer whole: only for small ones (the sign-in check), with a cap. */
export async function readSmall(res: IncomingMessage, maxBytes = 1 << 20): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      res.destroy();
      break;
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
