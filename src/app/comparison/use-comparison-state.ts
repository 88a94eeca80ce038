import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { datasetSessionsQuery } from '../../api/sessions';
import { useMatrixModel } from '../../features/matrix/model/use-matrix-model';
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

  const sessionNames = useMemo(() => {
    const names: Record<string, string> = {};
    for (const s of sessionsQuery.data ?? []) names[s.id] = s.name;
    for (const g of result?.groups ?? []) for (const s of g.sessions) names[s.id] ??= s.name;
    return names;
  }, [sessionsQuery.data, result]);

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
  });

  const state: ComparisonState | null =
    result && shownGroups
      ? {
          view,
          setView,
          data,
          result,
          shownGroups,
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
