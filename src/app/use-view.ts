import { useCallback, useEffect, useMemo, useState } from 'react';
import { type HistoryMode, useUrlSearch } from '../lib/use-url-search';
import { parseView, serializeView, type ViewState } from './view-params';

/**
 * The view as read from the URL, a setter that writes it back, and the notices of what a
 * link contained that could not be used. A link with bad values is rewritten (replace) to
 * its canonical form so that the notice is said once and the address is clean.
 */
export function useView() {
  const [search, navigate] = useUrlSearch();
  const parsed = useMemo(() => parseView(search), [search]);
  const [notices, setNotices] = useState<string[]>([]);

  useEffect(() => {
    if (parsed.notices.length === 0) return;
    setNotices((previous) => [...new Set([...previous, ...parsed.notices])]);
    navigate(serializeView(parsed.view), 'replace');
  }, [parsed, navigate]);

  const setView = useCallback(
    (patch: Partial<ViewState>, mode: HistoryMode = 'push') =>
      navigate(serializeView({ ...parseView(window.location.search).view, ...patch }), mode),
    [navigate],
  );

  const addNotice = useCallback(
    (notice: string) => setNotices((previous) => [...new Set([...previous, notice])]),
    [],
  );

  return {
    view: parsed.view,
    setView,
    notices,
    addNotice,
    dismissNotices: useCallback(() => setNotices([]), []),
  };
}
