import { useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import type { Group } from '../../api/grouped-runs/schemas';
import type { MatrixActions, MatrixState, PagingInfo } from '../../features/matrix/matrix-context';
import { MatrixView } from '../../features/matrix/matrix-view';
import { describeFeedback } from '../../features/summary/summarise';
import { formatCost, formatGroupKey, formatPercent, formatSeconds } from '../../lib/format';
import type { ViewState } from '../view-params';
import { type SetView, useComparison } from './comparison-context';
import { useLangSmithLinks } from './langsmith-links';
import type { LoadAllState } from './use-grouped-data';

/** The matrix, given its state from the comparison; and the note when a bar click narrowed it. */
export function MatrixSection() {
  const { view, setView, data, result, shownGroups, baseline, sessions, model, insights, live } =
    useComparison();
  const actions = useMatrixActions(view, setView, baseline);
  const links = useLangSmithLinks().matrix;
  const sectionSummary = useCallback(
    (index: number) => summariseSection(shownGroups, index),
    [shownGroups],
  );
  const state: MatrixState = {
    model,
    groups: shownGroups,
    sessions,
    baseline,
    settings: view,
    openExample: view.example,
    reading: data.reading,
    actions,
    headerMarker: insights.marker,
    links,
    changedRows: live.changed,
    sectionSummary: view.groupBy === 'example_metadata' ? sectionSummary : undefined,
    paging: {
      page: view.page,
      pageCount: data.pageCount,
      total: data.total,
      allLoaded: data.allLoaded,
      loadingAll: loadingAll(data.loadAll),
      onPage: (page) => setView({ page }),
      onLoadAll: data.startLoadAll,
      onCancel: data.cancelLoadAll,
      onShowPages: data.showPages,
    },
  };
  const groupKey = result.groups.find((g) => String(g.key) === view.group)?.key ?? view.group;
  return (
    <>
      {view.group !== null ? (
        <p className="notice filter-note" role="status">
          The matrix shows only {view.key} = {formatGroupKey(groupKey ?? '')}.{' '}
          <button type="button" className="button" onClick={() => setView({ group: null })}>
            Show all groups
          </button>
        </p>
      ) : null}
      <MatrixView state={state} />
    </>
  );
}

/** "Load all" as the pager shows it: under way, or stopped with what it loaded. */
function loadingAll(state: LoadAllState): PagingInfo['loadingAll'] {
  if (state.status === 'loading')
    return { loaded: state.loaded, total: state.total, stopped: false };
  if (state.status === 'cancelled' || state.status === 'error')
    return { loaded: state.loaded, total: state.total, stopped: true };
  return null;
}

/** The matrix's requests, as URL changes; stable, reading the view as it is when called. */
function useMatrixActions(view: ViewState, setView: SetView, baseline: string): MatrixActions {
  const latest = useRef({ view, baseline });
  useLayoutEffect(() => {
    latest.current = { view, baseline };
  });
  return useMemo(
    () => ({
      change: (patch, mode) => setView(patch, mode),
      setBaseline: (id) => {
        // The baseline has no changes of its own: its regressions filter widens to any experiment.
        const { filter } = latest.current.view;
        if (filter.onlySession === id)
          setView({ baseline: id, filter: { ...filter, onlySession: null } });
        else setView({ baseline: id });
      },
      moveSession: (id, delta) => {
        const { view: now, baseline: base } = latest.current;
        const from = now.sessions.indexOf(id);
        const to = from + delta;
        if (from < 0 || to < 0 || to >= now.sessions.length) return;
        const sessions = [...now.sessions];
        [sessions[from], sessions[to]] = [sessions[to] as string, id];
        // The baseline stays the same experiment when the first one moves.
        setView({ sessions, baseline: base });
      },
      open: (id) => setView({ example: id }),
    }),
    [setView],
  );
}

/** A section's aggregates line (example_metadata grouping): errors, p50, cost, feedback. */
function summariseSection(groups: Group[], index: number): string {
  const group = groups[index];
  if (!group) return '';
  const s = group.stats;
  const feedback = Object.entries(s.feedback)
    .slice(0, 3)
    .map(([k, v]) => `${k} ${describeFeedback(v)}`);
  return [
    `errors ${formatPercent(s.errorRate)}`,
    `p50 ${formatSeconds(s.latencyP50)}`,
    `cost ${formatCost(s.totalCost)}`,
    ...feedback,
  ].join(' · ');
}
