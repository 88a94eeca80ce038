import { delay, HttpResponse } from 'msw';
import type { ApiResult } from '../api-types';

export interface HandlerOptions {
  /** Artificial latency per response in ms (default 0), so loading states can be seen. */
  latencyMs?: number;
}

/** Turns a pure endpoint result into an MSW response, after the optional artificial delay. */
export async function respond(result: ApiResult, options: HandlerOptions): Promise<Response> {
  if (options.latencyMs && options.latencyMs > 0) await delay(options.latencyMs);
  return HttpResponse.json(result.body as Parameters<typeof HttpResponse.json>[0], {
    status: result.status,
  });
}
