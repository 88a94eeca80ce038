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
  const settled =
    state !== null &&
    !state.data.page.isFetching &&
    state.data.reading === null &&
    state.data.loadAll.status !== 'loading' &&
    state.insights.inputsMatrix === state.model.matrix;
  const check = useMemo(() => {
    if (!settled || !state) return null;
    const { view, result, insights } = state;
    return checkDataParams(view, {
      groupKey: view.key,
      groups: result.groups.map((g) => String(g.key)),
      chartKeys: feedbackKeyOptions(result.groups, view.sessions),
      statsKeys: insights.inputs.map((input) => input.key),
    });
  }, [settled, state]);
  const setView = state?.setView;
  useEffect(() => {
    if (!check || check.notices.length === 0 || !setView) return;
    for (const notice of check.notices) addNotice(notice);
    setView(check.patch, 'replace');
  }, [check, setView, addNotice]);
}
