import { useEffect } from 'react';
import type { GroupedRuns } from '../api/grouped-runs/schemas';
import { feedbackKeyOptions } from '../features/charts/chart-data';
import type { ViewState } from './view-params';

const shorten = (text: string) => (text.length > 40 ? `${text.slice(0, 39)}…` : text);

/**
 * `chartKey` can only be checked against the data: once the comparison's answer is in, a key
 * that is not one of its numeric feedback keys is dropped from the URL with a notice, as any
 * other unusable parameter is, and the chart shows the first key.
 */
export function useChartKeyCheck(
  view: ViewState,
  result: GroupedRuns | undefined,
  setView: (patch: Partial<ViewState>, mode?: 'push' | 'replace') => void,
  addNotice: (notice: string) => void,
) {
  const { chartKey, sessions } = view;
  useEffect(() => {
    if (!result || chartKey === null) return;
    const options = feedbackKeyOptions(result.groups, sessions);
    if (options.includes(chartKey)) return;
    addNotice(
      options.length > 0
        ? `Ignored chartKey "${shorten(chartKey)}": not a numeric feedback key of these experiments; use ${options.join(', ')}.`
        : `Ignored chartKey "${shorten(chartKey)}": these experiments have no numeric feedback key.`,
    );
    setView({ chartKey: null }, 'replace');
  }, [result, chartKey, sessions, setView, addNotice]);
}
