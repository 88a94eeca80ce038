import { useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import type { MatrixActions } from '../matrix-context';
import type { FilterSpec } from '../model/types';
import type { ActiveChanges, ChangeFilter } from './column-header';

/**
 * A column header's ▼N / ▲N: that experiment's regressions (improvements) on that key, as the
 * URL's `only`, `onlyKey` and `onlySession`; the same button again shows every example.
 * `showChanges` keeps its identity while the filter changes (a search, a range), so that the
 * memoised header is not rebuilt for them.
 */
export function useChangeFilter(filter: FilterSpec, change: MatrixActions['change']) {
  const { only, onlyKey, onlySession } = filter;
  const active: ActiveChanges = useMemo(
    () => ({
      only: only === 'regressions' || only === 'improvements' ? only : null,
      sessionId: onlySession,
      key: onlyKey,
    }),
    [only, onlyKey, onlySession],
  );
  const latest = useRef({ filter, active });
  useLayoutEffect(() => {
    latest.current = { filter, active };
  });
  const showChanges = useCallback(
    (sessionId: string, key: string, wanted: ChangeFilter) => {
      const { filter: now, active: shown } = latest.current;
      const again = shown.only === wanted && shown.sessionId === sessionId && shown.key === key;
      change({
        filter: again
          ? { ...now, only: null, onlyKey: null, onlySession: null }
          : { ...now, only: wanted, onlyKey: key, onlySession: sessionId },
      });
    },
    [change],
  );
  return { active, showChanges };
}
