import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { currentSearch, type HistoryMode, useUrlSearch } from '../lib/use-url-search';
import { parseView, serializeView, type ViewState } from './view-params';

/**
 * The view as read from the URL, a setter that writes it back, and the notices of what a
 * link contained that could not be used. A link with bad values is rewritten (replace) to
 * its canonical form so that the notice is said once and the address is clean.
 */
export function useView() {
  const [search, navigate] = useUrlSearch();
  const parsed = useMemo(() => parseView(search), [search]);
  // Unchanged parts keep their identity, so that a new search text does not make every
  // memo keyed on `flipped`, `hidden` or `sessions` recompute (10,000 rows x 8 sessions).
  const previous = useRef<ViewState | null>(null);
  const view = useMemo(() => {
    const next = reuseUnchanged(previous.current, parsed.view);
    previous.current = next;
    return next;
  }, [parsed.view]);
  const [notices, setNotices] = useState<string[]>([]);

  useEffect(() => {
    if (parsed.notices.length === 0) return;
    setNotices((previous) => [...new Set([...previous, ...parsed.notices])]);
    navigate(serializeView(parsed.view), 'replace');
  }, [parsed, navigate]);

  const setView = useCallback(
    (patch: Partial<ViewState>, mode: HistoryMode = 'push') =>
      navigate(serializeView({ ...parseView(currentSearch()).view, ...patch }), mode),
    [navigate],
  );

  const addNotice = useCallback(
    (notice: string) => setNotices((previous) => [...new Set([...previous, notice])]),
    [],
  );

  return {
    view,
    setView,
    notices,
    addNotice,
    dismissNotices: useCallback(() => setNotices([]), []),
  };
}

/** `next`, with each field that equals the previous one's replaced by the previous value. */
export function reuseUnchanged(prev: ViewState | null, next: ViewState): ViewState {
  if (!prev) return next;
  const out = { ...next } as Record<keyof ViewState, unknown>;
  for (const key of Object.keys(next) as (keyof ViewState)[]) {
    const a = prev[key];
    const b = next[key];
    if (a !== b && typeof b === 'object' && b !== null && JSON.stringify(a) === JSON.stringify(b)) {
      out[key] = a;
    }
  }
  return out as unknown as ViewState;
}
