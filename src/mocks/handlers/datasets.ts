import { http } from 'msw';
import { getDataset, listDatasets } from '../api-logic';
import type { WorkspaceStore } from '../generator';
import { type HandlerOptions, respond } from './respond';

/** `*` in front of the path matches any origin: the demo page's own, or a test's base URL. */
export function datasetHandlers(store: WorkspaceStore, options: HandlerOptions = {}) {
  return [
    http.get('*/api/v1/datasets', ({ request }) =>
      respond(listDatasets(store, new URL(request.url).searchParams), options),
    ),
    http.get<{ datasetId: string }>('*/api/v1/datasets/:datasetId', ({ params }) =>
      respond(getDataset(store, params.datasetId), options),
    ),
  ];
}
