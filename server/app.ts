import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join, relative, sep } from 'node:path';
import compress from '@fastify/compress';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import type { ServerConfig } from './env.ts';
import {
  createGateway,
  type Gateway,
  type GatewayOptions,
  isGatewayPath,
  requestProblem,
  sendJson,
} from './gateway.ts';
import { splitTarget } from './proxy-rules.ts';
import { type LogWriter, logRequest, stdoutWriter } from './request-log.ts';
import { CSP_DIRECTIVES, PERMISSIONS_POLICY } from './security-headers.ts';

/**
 * The production server (`npm start`): Fastify serving the built app from `dist/`, with the
 * gateway (health, config, sign-in, the LangSmith proxy) in front of it. Fastify brings what
 * a server left running needs: compression, security headers, static files with ranges and
 * ETags, and a clean close that lets requests in flight finish.
 */

export interface AppOptions extends GatewayOptions {
  /** The built app (index.html, assets/). */
  distDir: string;
  log?: LogWriter;
}

export interface VersusServer {
  app: FastifyInstance;
  gateway: Gateway;
}

export const MAX_REQUEST_HEADER_BYTES = 256 * 1024;

/** Vite names built files `name-<hash>.ext` under assets/: they never change. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

export async function buildServer(
  config: ServerConfig,
  options: AppOptions,
): Promise<VersusServer> {
  if (!existsSync(join(options.distDir, 'index.html'))) {
    throw new Error(`No built app in ${options.distDir}: run \`npm run build\` first.`);
  }
  const gateway = createGateway(config, options);
  const log = options.log ?? stdoutWriter;
  // On close, a keep-alive connection is let go as soon as its response in flight is done.
  let closing = false;

  /**
   * Every request is logged here; the gateway's (health, config, sign-in, the proxy) are
   * answered here too, on Node's own request and response as in `npm run dev`, before
   * Fastify's request pipeline: a 168 MB answer piped from inside a Fastify hook measured
   * at three to four times the CPU per byte. Fastify serves the app's files.
   */
  const serverFactory = (handler: (req: IncomingMessage, res: ServerResponse) => void) =>
    // Links carry their whole view in the query string (100 KB and more): a large limit for
    // the requests this server reads. Set here, not with Node's --max-http-header-size,
    // which also applies to the proxy's reading of LangSmith's answers and measured at
    // eight times the CPU per byte there.
    createServer({ maxHeaderSize: MAX_REQUEST_HEADER_BYTES }, (req, res) => {
      logRequest(req, res, log);
      res.once('finish', () => {
        if (closing) req.socket.end();
      });
      if (!isGatewayPath(splitTarget(req.url ?? '').path)) {
        handler(req, res);
        return;
      }
      if (closing) {
        sendJson(res, 503, { detail: 'The server is stopping.' }, { connection: 'close' });
        return;
      }
      gateway.handle(req, res).catch(() => res.destroy());
    });

  const app = Fastify({
    logger: false,
    serverFactory,
    // Idle keep-alive connections are closed on shutdown; busy ones finish first.
    forceCloseConnections: 'idle',
    return503OnClosing: true,
  });
  app.addHook('preClose', async () => {
    closing = true;
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { ...CSP_DIRECTIVES, 'frame-ancestors': ["'none'"] },
    },
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
    strictTransportSecurity: { maxAge: 15_552_000, includeSubDomains: false },
    crossOriginEmbedderPolicy: false,
  });

  // The app's files: the same Host and path rules as the gateway's answers.
  app.addHook('onRequest', async (request, reply) => {
    reply.raw.setHeader('permissions-policy', PERMISSIONS_POLICY);
    const problem = requestProblem(request.raw, config);
    if (problem) {
      reply.hijack();
      sendJson(reply.raw, problem.status, { detail: problem.detail });
      return reply;
    }
  });

  await app.register(compress, { encodings: ['br', 'gzip'], threshold: 1024 });

  await app.register(fastifyStatic, {
    root: options.distDir,
    index: false,
    dotfiles: 'ignore',
    cacheControl: false,
    setHeaders(reply, filePath) {
      const hashed = relative(options.distDir, filePath).split(sep)[0] === 'assets';
      reply.header('cache-control', hashed ? IMMUTABLE : 'no-cache');
    },
  });

  // The one page: always revalidated, so a new build is picked up at once.
  app.get('/', (_request, reply) => reply.sendFile('index.html'));

  app.setNotFoundHandler((_request, reply) => {
    reply.code(404).type('application/json; charset=utf-8').send({ detail: 'Not found.' });
  });
  app.setErrorHandler((error, _request, reply) => {
    const code = (error as { statusCode?: unknown }).statusCode;
    const status = typeof code === 'number' && code >= 400 && code < 600 ? code : 500;
    // Fastify's own messages (a malformed request) are safe to show; anything else is not.
    const detail =
      status < 500 && error instanceof Error
        ? error.message
        : 'The Versus server failed on this request.';
    reply.code(status).type('application/json; charset=utf-8').send({ detail });
  });
  app.addHook('onClose', async () => gateway.close());
  return { app, gateway };
}
