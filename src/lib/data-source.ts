import { createContext } from 'react';

/**
 * Which data the page shows, as told by the server at run time (the same build serves
 * all modes): live LangSmith through the same-origin proxy, or demo data from the MSW
 * worker. In per-user mode the server also says whether this browser is signed in.
 * Never includes a key.
 */
export type DataSource =
  | { source: 'demo' }
  | {
      source: 'live';
      host: string;
      /** The LangSmith web app's base URL (origin and path prefix), for links into it. */
      webApp?: string;
      perUser?: { signedIn: boolean };
    }
  | {
      /** A snapshot file: every answer comes from the data it embeds, nothing from a network. */
      source: 'snapshot';
      /** Where the data came from: the LangSmith host, or the demo's server. */
      host: string;
      /** Taken of demo data: no LangSmith page holds these experiments. */
      fromDemo: boolean;
      /** Links into LangSmith stay (they open the web app in a new tab): live data only. */
      webApp?: string;
      /**
       * The Versus page it was taken on (origin and path): "Copy link" gives the view there,
       * with live data, since a link to this file opens nothing on another machine.
       */
      appUrl?: string;
    };

export const CONFIG_PATH = '/__versus/config.json';

export async function loadDataSource(): Promise<DataSource> {
  try {
    const response = await fetch(CONFIG_PATH, { headers: { Accept: 'application/json' } });
    if (!response.ok) return { source: 'demo' };
    return readConfig(await response.json());
  } catch {
    // A static host without the Versus server: only demo mode can work there.
  }
  return { source: 'demo' };
}

export function readConfig(body: unknown): DataSource {
  if (!body || typeof body !== 'object') return { source: 'demo' };
  const { source, host, auth, signedIn, webApp } = body as Record<string, unknown>;
  if (source !== 'live' || typeof host !== 'string') return { source: 'demo' };
  const web = readWebBase(webApp);
  const live = { source: 'live' as const, host, ...(web ? { webApp: web } : {}) };
  return auth === 'per-user' ? { ...live, perUser: { signedIn: signedIn === true } } : live;
}

/**
 * Only an http(s) base URL becomes a link target (never `javascript:` or the like): its
 * origin and path, without a trailing slash unless `keepPath`.
 */
export function readWebBase(value: unknown, { keepPath = false } = {}): string | null {
  if (typeof value !== 'string') return null;
  try {
    const url = new URL(value);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    if (url.username || url.password || url.search || url.hash) return null;
    return `${url.origin}${keepPath ? url.pathname : url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return null;
  }
}

export function describeSource(source: DataSource): string {
  if (source.source === 'snapshot') return 'Snapshot (read-only)';
  return source.source === 'live' ? `Live: ${source.host}` : 'Demo data';
}

export function isPerUser(source: DataSource): boolean {
  return source.source === 'live' && source.perUser !== undefined;
}

/** Per-user mode, not signed in (or the sign-in ended): the page shows the sign-in form. */
export function needsSignIn(source: DataSource): boolean {
  return source.source === 'live' && source.perUser?.signedIn === false;
}

/** The page's data source, for the few pieces that word things by mode. */
export const DataSourceContext = createContext<DataSource>({ source: 'demo' });
