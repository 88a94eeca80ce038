import { setupWorker } from 'msw/browser';
import { createHandlers, demoStore } from './handlers/index-list';
import type { HandlerOptions } from './handlers/respond';
import { type ScenarioName, type ScenarioOptions, scenarioHandlers } from './scenarios';

declare global {
  interface Window {
    /** Demo mode only: switch the demo server into a failure scenario (tests, trying by hand). */
    versusDemo?: {
      use: (name: ScenarioName, options?: ScenarioOptions) => void;
      reset: () => void;
    };
  }
}

/** Serves the demo workspace from a service worker; requests it does not know pass through. */
export async function startDemoWorker(options: HandlerOptions = {}): Promise<void> {
  const handlers = createHandlers(demoStore, options);
  const worker = setupWorker(...handlers);
  await worker.start({
    onUnhandledRequest: 'bypass',
    quiet: true,
    serviceWorker: { url: '/mockServiceWorker.js' },
  });
  // The demo answer for a request, used by scenarios that alter it.
  const passthrough = async (request: Request): Promise<Response> => {
    for (const handler of handlers) {
      const result = await handler.run({
        request: request.clone(),
        requestId: crypto.randomUUID(),
      });
      if (result?.response) return result.response;
    }
    return new Response(null, { status: 404 });
  };
  window.versusDemo = {
    use: (name, scenarioOptions = {}) =>
      worker.use(...scenarioHandlers(name, scenarioOptions, passthrough)),
    reset: () => worker.resetHandlers(),
  };
}
