import { useCallback, useSyncExternalStore } from 'react';

/**
 * The address bar as an external store: components read `location.search` and write it
 * through `navigate`, so the URL stays the single source of truth for shareable state.
 */
const NAVIGATE_EVENT = 'versus:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

const getSearch = () => window.location.search;

export type HistoryMode = 'push' | 'replace';

export function navigateSearch(search: string, mode: HistoryMode = 'push'): void {
  const next = search.startsWith('?') || search === '' ? search : `?${search}`;
  if (next === window.location.search) return;
  const url = `${window.location.pathname}${next}${window.location.hash}`;
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
