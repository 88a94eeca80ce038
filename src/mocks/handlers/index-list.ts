import { generateDemoWorkspace, type WorkspaceStore } from '../generator';
import { datasetHandlers } from './datasets';
import { groupRunsHandlers } from './group-runs';
import type { HandlerOptions } from './respond';
import { sessionHandlers } from './sessions';

/** Every API handler over one store; the browser worker, Vitest and Playwright share these. */
export function createHandlers(store: WorkspaceStore, options: HandlerOptions = {}) {
  return [
    ...datasetHandlers(store, options),
    ...sessionHandlers(store, options),
    ...groupRunsHandlers(store, options),
  ];
}

/** The default demo workspace (seed DEMO_SEED). Its scale dataset is built only when asked for. */
export const demoStore: WorkspaceStore = generateDemoWorkspace();

export const handlers = createHandlers(demoStore);
