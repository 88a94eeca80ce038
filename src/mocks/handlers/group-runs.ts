import { http } from 'msw';
import { parseJsonBody } from '../api-logic';
import type { WorkspaceStore } from '../generator';
import { groupRuns } from '../group-runs';
import { type HandlerOptions, respond } from './respond';

export function groupRunsHandlers(store: WorkspaceStore, options: HandlerOptions = {}) {
  return [
    http.post<{ datasetId: string }>(
      '*/api/v1/datasets/:datasetId/group/runs',
      async ({ request, params }) => {
        const body = parseJsonBody(await request.text());
        if (!body.ok) return respond(body.result, options);
        return respond(groupRuns(store, params.datasetId, body.value), options);
      },
    ),
  ];
}
