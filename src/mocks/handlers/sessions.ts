import { http } from 'msw';
import { listSessions, sessionMetadata } from '../api-logic';
import type { WorkspaceStore } from '../generator';
import { type HandlerOptions, respond } from './respond';

export function sessionHandlers(store: WorkspaceStore, options: HandlerOptions = {}) {
  return [
    http.get('*/api/v1/sessions', ({ request }) =>
      respond(listSessions(store, new URL(request.url).searchParams), options),
    ),
    http.get<{ sessionId: string }>(
      '*/api/v1/sessions/:sessionId/metadata',
      ({ request, params }) =>
        respond(
          sessionMetadata(store, params.sessionId, new URL(request.url).searchParams),
          options,
        ),
    ),
  ];
}
