// @vitest-environment node
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { fetchJson } from './client';
import { ApiError } from './errors';

/**
 * The time limit against a real HTTP server (no MSW here: its interception hands the body
 * over whole, which would hide what the limit does to a download in progress).
 */
const schema = z.object({ name: z.string(), n: z.number() });
const servers: Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    s.close();
  }
});

async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/thing`;
}

describe('the request time limit', () => {
  it('bounds the wait for the answer to start, not the download of a body that is arriving', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.flushHeaders();
      const parts = ['{"name":', '"slow",', '"n":', '3}'];
      // Headers at once, then the body over ~4x the time limit.
      const next = () => {
        const part = parts.shift();
        if (part === undefined) res.end();
        else setTimeout(() => res.write(part, next), 300);
      };
      next();
    });
    await expect(fetchJson(url, schema, { timeoutMs: 300 })).resolves.toEqual({
      name: 'slow',
      n: 3,
    });
  });

  it('gives up on a server that has not started to answer', async () => {
    const url = await serve(() => {
      // Never answers.
    });
    const error = await fetchJson(url, schema, { timeoutMs: 60 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).kind).toBe('timeout');
  });
});
