import { useEffect, useMemo } from 'react';
import { feedbackKeyOptions } from '../../features/charts/chart-data';
import type { ComparisonState } from './comparison-context';
import { checkDataParams } from './param-checks';

/**
 * Checks the parameters that name something in the data (param-checks.ts) once the data has
 * settled: the page answered whole (not its first rows), no page of "Load all" on its way,
 * and the statistics' inputs read from the matrix on screen. Earlier, a key of a later page
 * or a new comparison's data could be judged missing.
 */
export function useDataParamChecks(
  state: ComparisonState | null,
  addNotice: (notice: string) => void,
): void {
  // Most views name none of them: then nothing is read from the data on each render.
  const named =
    state !== null &&
    (state.view.group !== null || state.view.chartKey !== null || state.view.statsKey !== null);
  const settled =
    named &&
    !state.data.page.isFetching &&
    state.data.reading === null &&
    state.data.loadAll.status !== 'loading' &&
    state.insights.inputsMatrix === state.model.matrix;
  const view = state?.view;
  const groups = state?.result.groups;
  const inputs = state?.insights.inputs;
  const check = useMemo(() => {
    if (!settled || !view || !groups || !inputs) return null;
    return checkDataParams(view, {
      groupKey: view.key,
      groups: groups.map((g) => String(g.key)),
      chartKeys: feedbackKeyOptions(groups, view.sessions),
      statsKeys: inputs.map((input) => input.key),
    });
  }, [settled, view, groups, inputs]);
  const setView = state?.setView;
  useEffect(() => {
    if (!check || check.notices.length === 0 || !setView) return;
    for (const notice of check.notices) addNotice(notice);
    setView(check.patch, 'replace');
  }, [check, setView, addNotice]);
}
