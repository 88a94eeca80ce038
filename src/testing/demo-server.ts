import { afterAll, afterEach, beforeAll, vi } from 'vitest';
import { server } from '../mocks/node';

/** The origin that the app's relative URLs resolve against in Node tests. */
export const TEST_ORIGIN = 'http://versus.test';

/**
 * The demo handlers for a Node test file: MSW listens, relative URLs resolve against
 * TEST_ORIGIN, and handlers a test adds with `server.use` are dropped after it.
 */
export function serveDemoData(): typeof server {
  beforeAll(() => {
    server.listen({ onUnhandledRequest: 'error' });
    // Taken after listen(): the fetch that MSW intercepts.
    const interceptedFetch = globalThis.fetch;
    vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) =>
      interceptedFetch(
        typeof input === 'string' && input.startsWith('/') ? `${TEST_ORIGIN}${input}` : input,
        init,
      ),
    );
  });
  afterEach(() => server.resetHandlers());
  afterAll(() => {
    server.close();
    vi.unstubAllGlobals();
  });
  return server;
}
