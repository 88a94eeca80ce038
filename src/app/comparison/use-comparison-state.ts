import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { sameAggregates } from '../../api/grouped-runs/pages';
import type { Group } from '../../api/grouped-runs/schemas';
import { datasetSessionsQuery } from '../../api/sessions';
import { useMatrixModel } from '../../features/matrix/model/use-matrix-model';
import { useSameAs } from '../../lib/use-held';
import { effectiveBaseline } from '../view-params';
import type { ComparisonState, ComparisonView, SetView } from './comparison-context';
import { useGroupedData } from './use-grouped-data';
import { useLiveControl, useLiveRefresh } from './use-live-refresh';
import { useViewInsights } from './use-view-insights';

/**
 * Everything the comparison's panels share, derived once from the view: the data, the
 * experiments' names, the matrix model and the statistics. `state` is null until there is
 * a result to show; `data` says why (loading, retrying, failed).
 */
export function useComparisonState(view: ComparisonView, setView: SetView) {
  const liveControl = useLiveControl(view);
  const data = useGroupedData(view, setView, liveControl.refetchInterval);
  const live = useLiveRefresh(view, liveControl, data);
  const sessionsQuery = useQuery(datasetSessionsQuery(view.dataset));
  const baseline = effectiveBaseline(view) ?? '';
  const result = data.data;
  // New with every page of "Load all", but with the first page's aggregates: the panels that
  // show only those (summary, charts) keep this one and are not drawn again per page.
  const aggregateGroups = useSameAs(result?.groups, sameGroupLists);
  // While "Load all" is under way, the statistics and the scoreboard keep the rows they had.
  const loadingAll = data.loadAll.status === 'loading';

  const sessionNames = useMemo(() => {
    const names: Record<string, string> = {};
    for (const s of sessionsQuery.data ?? []) names[s.id] = s.name;
    for (const g of aggregateGroups ?? []) for (const s of g.sessions) names[s.id] ??= s.name;
    return names;
  }, [sessionsQuery.data, aggregateGroups]);

  const groups = result?.groups;
  const shownGroups = useMemo(
    () =>
      view.group === null || !groups ? groups : groups.filter((g) => String(g.key) === view.group),
    [groups, view.group],
  );

  const model = useMatrixModel({
    ...view,
    groups: shownGroups,
    sessionOrder: view.sessions,
    baseline,
  });

  const sessions = useMemo(
    () => view.sessions.map((id) => ({ id, name: sessionNames[id] ?? id })),
    [view.sessions, sessionNames],
  );
  const visibleSessions = useMemo(
    () => view.sessions.filter((id) => !view.hidden.includes(id)),
    [view.sessions, view.hidden],
  );
  const insights = useViewInsights({
    matrix: model.matrix,
    rows: model.rows,
    sessions,
    visibleSessions,
    baseline,
    flipped: model.flippedSet,
    keys: model.keys,
    totalExamples: data.total,
    statsKey: view.statsKey,
    cluster: view.cluster,
    adjust: view.adjust,
    slicesOpen: view.statsOpen && view.statsSlices,
    sliceBy: view.sliceBy,
    reading: data.reading !== null,
    hold: loadingAll,
  });

  const state: ComparisonState | null =
    result && shownGroups && aggregateGroups
      ? {
          view,
          setView,
          data,
          result,
          shownGroups,
          aggregateGroups,
          baseline,
          sessions,
          sessionNames,
          visibleSessions,
          model,
          insights,
          live,
        }
      : null;
  return { data, state };
}

function sameGroupLists(a: Group[] | undefined, b: Group[] | undefined): boolean {
  return a !== undefined && b !== undefined && sameAggregates(a, b);
}
