import { useCallback, useSyncExternalStore } from 'react';

/**
 * The address bar as an external store: components read `location.search` and write it
 * through `navigate`, so the URL stays the single source of truth for shareable state.
 */
const NAVIGATE_EVENT = 'versus:navigate';

/**
 * A snapshot file keeps the view in the hash instead: a `file://` page has no query that
 * history can change, and the hash never leaves the machine.
 */
let inHash = false;

export function keepSearchInHash(on = true): void {
  inHash = on;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener('hashchange', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener('hashchange', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

/** The last view read from the hash: an in-page jump (`#main`) leaves the view as it was. */
let lastHashSearch = '';

/** The view's search text (`?a=1&b=2` or ''), wherever this page keeps it. */
export function currentSearch(): string {
  if (!inHash) return window.location.search;
  const hash = window.location.hash.slice(1);
  // A skip link's `#main` or `#comparison` names an element, not a view: no `=` in it.
  if (hash === '' || hash.includes('=')) lastHashSearch = hash ? `?${hash}` : '';
  return lastHashSearch;
}

const getSearch = currentSearch;

export type HistoryMode = 'push' | 'replace';

export function navigateSearch(search: string, mode: HistoryMode = 'push'): void {
  const next = search.startsWith('?') || search === '' ? search : `?${search}`;
  if (next === currentSearch()) return;
  const { pathname, search: query, hash } = window.location;
  const url = inHash ? `${pathname}${query}#${next.slice(1)}` : `${pathname}${next}${hash}`;
  if (mode === 'push') window.history.pushState(null, '', url);
  else window.history.replaceState(null, '', url);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

export function useUrlSearch(): [string, (search: string, mode?: HistoryMode) => void] {
  const search = useSyncExternalStore(subscribe, getSearch, getSearch);
  const navigate = useCallback(
    (next: string, mode: HistoryMode = 'push') => navigateSearch(next, mode),
    [],
  );
  return [search, navigate];
}
