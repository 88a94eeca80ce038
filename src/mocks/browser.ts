import { setupWorker } from 'msw/browser';
import { createHandlers, demoStore } from './handlers/index-list';
import type { HandlerOptions } from './handlers/respond';

/** Serves the demo workspace from a service worker; requests it does not know pass through. */
export async function startDemoWorker(options: HandlerOptions = {}): Promise<void> {
  const worker = setupWorker(...createHandlers(demoStore, options));
  await worker.start({
    onUnhandledRequest: 'bypass',
    quiet: true,
    serviceWorker: { url: '/mockServiceWorker.js' },
  });
}
