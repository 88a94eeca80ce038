import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';
import type { ServerConfig } from './env.ts';
import { createGateway, isGatewayPath } from './gateway.ts';
import { splitTarget } from './proxy-rules.ts';
import { logRequest, stdoutWriter } from './request-log.ts';

/**
 * `npm run dev` (and `vite preview`): the same gateway as the production server, mounted
 * before Vite's own middleware, so the proxy rules, sign-in and `/healthz` behave alike in
 * both. Vite serves the app's files.
 */
export function versusServerPlugin(config: ServerConfig): Plugin {
  const install = (server: {
    middlewares: {
      use: (
        fn: (req: IncomingMessage, res: ServerResponse, next: (e?: unknown) => void) => void,
      ) => void;
    };
    httpServer: { once(event: 'close', listener: () => void): unknown } | null;
  }) => {
    const gateway = createGateway(config);
    server.httpServer?.once('close', () => gateway.close());
    server.middlewares.use((req, res, next) => {
      if (!isGatewayPath(splitTarget(req.url ?? '').path)) {
        next();
        return;
      }
      logRequest(req, res, stdoutWriter);
      gateway.handle(req, res).then((handled) => {
        if (!handled) next();
      }, next);
    });
  };
  return {
    name: 'versus-server',
    configureServer(server) {
      install(server);
    },
    configurePreviewServer(server) {
      install(server);
    },
  };
}
