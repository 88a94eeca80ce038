/**
 * Which data the page shows, as told by the server at run time (the same build serves
 * both): live LangSmith through the same-origin proxy, or demo data from the MSW worker.
 * Never includes the key.
 */
export type DataSource = { source: 'demo' } | { source: 'live'; host: string };

export const CONFIG_PATH = '/__versus/config.json';

export async function loadDataSource(): Promise<DataSource> {
  try {
    const response = await fetch(CONFIG_PATH, { headers: { Accept: 'application/json' } });
    if (!response.ok) return { source: 'demo' };
    const body: unknown = await response.json();
    if (
      body &&
      typeof body === 'object' &&
      (body as { source?: unknown }).source === 'live' &&
      typeof (body as { host?: unknown }).host === 'string'
    ) {
      return { source: 'live', host: (body as { host: string }).host };
    }
  } catch {
    // A static host without the Versus server: only demo mode can work there.
  }
  return { source: 'demo' };
}

export function describeSource(source: DataSource): string {
  return source.source === 'live' ? `Live: ${source.host}` : 'Demo data';
}
