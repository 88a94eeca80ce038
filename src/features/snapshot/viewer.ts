import { onlineManager } from '@tanstack/react-query';
import { setTransport } from '../../api/client';
import { type DataSource, readWebBase } from '../../lib/data-source';
import { keepSearchInHash } from '../../lib/use-url-search';
import { DATA_ELEMENT_ID, decodePayload, type SnapshotPayload } from './embed';
import { snapshotTransport } from './transport';

/**
 * Opens the snapshot this page embeds (the viewer build only): every API request is
 * answered from it, the view lives in the hash, and the page's data source says what it is.
 */
export async function openSnapshot(): Promise<{ payload: SnapshotPayload; source: DataSource }> {
  const data = document.getElementById(DATA_ELEMENT_ID)?.textContent?.trim() ?? '';
  if (!data) {
    throw new Error(
      'This page is the snapshot viewer with no snapshot in it: save one from Versus with "Download snapshot".',
    );
  }
  const payload = await decodePayload(data);
  setTransport(snapshotTransport(payload.answers));
  // Its answers are in the file: React Query must not hold a request back while the machine
  // is offline, which is how a snapshot is often read.
  onlineManager.setEventListener(() => undefined);
  onlineManager.setOnline(true);
  keepSearchInHash();
  // Opened as saved: the view it was taken of. A hash already there is a view chosen in it.
  if (!window.location.hash.slice(1)) {
    window.history.replaceState(null, '', `#${payload.search.replace(/^\?/, '')}`);
  }
  document.title = `Versus snapshot: ${payload.datasetName}`;
  // The file may come from anyone: only http(s) addresses in it become links.
  const webApp = readWebBase(payload.webApp);
  const appUrl = readWebBase(payload.appUrl, { keepPath: true });
  const source: DataSource = {
    source: 'snapshot',
    host: payload.host,
    fromDemo: payload.fromDemo,
    ...(webApp ? { webApp } : {}),
    ...(appUrl ? { appUrl } : {}),
  };
  return { payload, source };
}

/** A file that cannot be read says so, in place of the page. */
export function showBrokenSnapshot(root: HTMLElement, error: unknown): void {
  const message = document.createElement('p');
  message.setAttribute('role', 'alert');
  message.className = 'notice notice--error';
  message.textContent = error instanceof Error ? error.message : String(error);
  root.replaceChildren(message);
}
