/**
 * Links into the LangSmith web app: a run's trace, an experiment's page, a dataset's page.
 * Built from the web app's base URL the server derives from its endpoint (never from
 * anything the page could be tricked into: an `app_path` must stay on that origin) and the
 * ids the API sent. Never carries a key: the web app has its own sign-in.
 */

import type { DataSource } from './data-source';

/** Where a link goes, or why it cannot (shown as a disabled link with that reason). */
export type LinkTarget = { href: string; reason?: undefined } | { href: null; reason: string };

export interface LangSmithWeb {
  /** The web app's base URL (origin and path prefix, no trailing slash), or null. */
  base: string | null;
  /** Why there is no base, said on every disabled link. */
  reason: string;
}

export const DEMO_REASON = 'Demo data: these experiments are not in LangSmith';
export const NO_WEB_APP_REASON = 'This Versus server does not say where the LangSmith web app is';
export const NO_RUN_LINK_REASON = 'LangSmith sent no link for this run';
export const SNAPSHOT_DEMO_REASON =
  'A snapshot of demo data: these experiments are not in LangSmith';
export const NO_WORKSPACE_REASON = 'LangSmith did not say which workspace this is in';

/** The web app of the page's data source: demo data has none, and says so. */
export function langSmithWeb(source: DataSource): LangSmithWeb {
  if (source.source === 'demo') return { base: null, reason: DEMO_REASON };
  if (source.source === 'snapshot' && source.fromDemo) {
    return { base: null, reason: SNAPSHOT_DEMO_REASON };
  }
  return source.webApp
    ? { base: source.webApp, reason: '' }
    : { base: null, reason: NO_WEB_APP_REASON };
}

/** A path the web app serves: absolute, on its own origin (no `//host`, no scheme). */
function within(base: string, path: string): LinkTarget | null {
  if (!path.startsWith('/') || path.startsWith('//') || path.includes('\\')) return null;
  try {
    const url = new URL(`${base}${path}`);
    if (url.origin !== new URL(base).origin) return null;
    return { href: url.href };
  } catch {
    return null;
  }
}

function unavailable(reason: string): LinkTarget {
  return { href: null, reason };
}

/**
 * A run's trace: the API's own `app_path` (`/o/<tenant>/projects/p/<session>/r/<run>?…`)
 * on the web app; without one, the same path built from the workspace, when it is known.
 */
export function runLink(
  web: LangSmithWeb,
  run: { id: string; sessionId: string; appPath: string | null; traceId?: string | null },
  tenantId: string | null,
): LinkTarget {
  if (web.base === null) return unavailable(web.reason);
  if (run.appPath) return within(web.base, run.appPath) ?? unavailable(NO_RUN_LINK_REASON);
  if (!tenantId) return unavailable(NO_RUN_LINK_REASON);
  const trace = run.traceId ? `?trace_id=${encodeURIComponent(run.traceId)}` : '';
  return (
    within(
      web.base,
      `${tenantPath(tenantId)}/projects/p/${enc(run.sessionId)}/r/${enc(run.id)}${trace}`,
    ) ?? unavailable(NO_RUN_LINK_REASON)
  );
}

/** An experiment's page: LangSmith's comparison view of the dataset with just that experiment. */
export function experimentLink(
  web: LangSmithWeb,
  tenantId: string | null,
  datasetId: string,
  sessionId: string,
): LinkTarget {
  if (web.base === null) return unavailable(web.reason);
  if (!tenantId) return unavailable(NO_WORKSPACE_REASON);
  const path = `${tenantPath(tenantId)}/datasets/${enc(datasetId)}/compare?selectedSessions=${enc(sessionId)}`;
  return within(web.base, path) ?? unavailable(NO_WORKSPACE_REASON);
}

/** A dataset's page in the web app. */
export function datasetLink(
  web: LangSmithWeb,
  tenantId: string | null,
  datasetId: string,
): LinkTarget {
  if (web.base === null) return unavailable(web.reason);
  if (!tenantId) return unavailable(NO_WORKSPACE_REASON);
  return (
    within(web.base, `${tenantPath(tenantId)}/datasets/${enc(datasetId)}`) ??
    unavailable(NO_WORKSPACE_REASON)
  );
}

function tenantPath(tenantId: string): string {
  return `/o/${enc(tenantId)}`;
}

function enc(id: string): string {
  return encodeURIComponent(id);
}
