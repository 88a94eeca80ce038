import { useQuery } from '@tanstack/react-query';
import { lazy, memo, Suspense, useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import type { Group, GroupedRuns } from '../api/grouped-runs';
import { datasetSessionsQuery } from '../api/sessions';
import { ErrorMessage } from '../components/error-message';
import { RetryingStatus } from '../components/retrying-status';
import { StillWaiting } from '../components/still-waiting';
import type { DetailSession } from '../features/detail/detail-panel';
import { ExportMenu } from '../features/export/export-menu';
import type { MatrixSettings } from '../features/matrix/matrix-toolbar';
import { MatrixView } from '../features/matrix/matrix-view';
import { useMatrixModel } from '../features/matrix/use-matrix-model';
import { GroupSummary } from '../features/summary/group-summary';
import { describeFeedback } from '../features/summary/summarise';
import { formatCost, formatGroupKey, formatPercent, formatSeconds } from '../lib/format';
import { sessionColor } from '../lib/session-colors';
import { useGroupedData } from './use-grouped-data';
import { useViewInsights } from './use-view-insights';
import { effectiveBaseline, type ViewState } from './view-params';

// Memoised: recharts is costly to render, and most view changes do not touch the charts.
const ChartsPanel = lazy(() =>
  import('../features/charts/charts-panel').then((m) => ({ default: memo(m.ChartsPanel) })),
);

const StatsPanel = lazy(() =>
  import('../features/stats/stats-panel').then((m) => ({ default: m.StatsPanel })),
);

const DetailPanel = lazy(() =>
  import('../features/detail/detail-panel').then((m) => ({ default: m.DetailPanel })),
);

type SetView = (patch: Partial<ViewState>, mode?: 'push' | 'replace') => void;

/** The comparison for a complete choice: summary cards, the matrix, and the detail panel. */
export function Comparison({
  view,
  setView,
}: {
  view: ViewState & { dataset: string };
  setView: SetView;
}) {
  const data = useGroupedData(view, true);
  const sessionsQuery = useQuery(datasetSessionsQuery(view.dataset));
  const baseline = effectiveBaseline(view) ?? '';

  const sessionNames = useMemo(() => {
    const names: Record<string, string> = {};
    for (const s of sessionsQuery.data ?? []) names[s.id] = s.name;
    for (const g of data.data?.groups ?? []) for (const s of g.sessions) names[s.id] ??= s.name;
    return names;
  }, [sessionsQuery.data, data.data]);

  const groups = data.data?.groups;
  const shownGroups = useMemo(
    () =>
      view.group === null || !groups ? groups : groups.filter((g) => String(g.key) === view.group),
    [groups, view.group],
  );

  const model = useMatrixModel({
    groups: shownGroups,
    groupBy: view.groupBy,
    sessionOrder: view.sessions,
    baseline,
    sort: view.sort,
    filter: view.filter,
    hidden: view.hidden,
    flipped: view.flipped,
  });

  const sessionList = useMemo(
    () => view.sessions.map((id) => ({ id, name: sessionNames[id] ?? id })),
    [view.sessions, sessionNames],
  );
  const visibleSessions = useMemo(
    () => view.sessions.filter((id) => !view.hidden.includes(id)),
    [view.sessions, view.hidden],
  );
  const keys = useMemo(
    () => model.matrix.feedbackKeys.map((k) => k.key).filter((k) => !view.hiddenKeys.includes(k)),
    [model.matrix.feedbackKeys, view.hiddenKeys],
  );
  const insights = useViewInsights({
    matrix: model.matrix,
    rows: model.rows,
    sessions: sessionList,
    visibleSessions,
    baseline,
    flipped: model.flippedSet,
    keys,
    totalExamples: data.total,
    statsKey: view.statsKey,
    reading: data.reading !== null,
  });

  const chartHandlers = useChartHandlers(view, setView, data.data, baseline);

  const settings: MatrixSettings = {
    sort: view.sort,
    filter: view.filter,
    hidden: view.hidden,
    hiddenKeys: view.hiddenKeys,
    metrics: view.metrics,
    flipped: view.flipped,
  };

  const openIndex = view.example ? model.rows.findIndex((r) => r.exampleId === view.example) : -1;
  const openRow =
    openIndex >= 0
      ? model.rows[openIndex]
      : model.matrix.rows.find((r) => r.exampleId === view.example);

  const step = useCallback(
    (delta: -1 | 1) => {
      if (model.rows.length === 0) return;
      const from = openIndex >= 0 ? openIndex : delta > 0 ? -1 : model.rows.length;
      const next = model.rows[Math.max(0, Math.min(model.rows.length - 1, from + delta))];
      if (next) setView({ example: next.exampleId }, 'replace');
    },
    [model.rows, openIndex, setView],
  );
  const close = useCallback(() => setView({ example: null }), [setView]);

  const detailSessions = useMemo<DetailSession[]>(() => {
    if (!openRow) return [];
    return view.sessions
      .filter((id) => !view.hidden.includes(id))
      .map((id, i) => ({
        id,
        name: sessionNames[id] ?? id,
        color: sessionColor(view.sessions.indexOf(id) >= 0 ? view.sessions.indexOf(id) : i),
        isBaseline: id === baseline,
        runs: Object.values(openRow.cells)
          .filter((c) => c.sessionId === id)
          .flatMap((c) => c.runs),
      }));
  }, [openRow, view.sessions, view.hidden, sessionNames, baseline]);

  const sectionSummary = useCallback(
    (index: number) => summariseSection(shownGroups, index),
    [shownGroups],
  );

  return (
    <section className="comparison" aria-label="Comparison" aria-busy={data.page.isFetching}>
      <h2 className="section-title">By {view.key}</h2>
      {data.page.isPending && data.page.fetchStatus !== 'idle' ? (
        <div className="skeleton" role="status">
          Loading the comparison…
        </div>
      ) : null}
      <StillWaiting
        active={data.page.isFetching}
        what="the grouped runs"
        onCancel={data.cancelPage}
      />
      {data.page.isPending && data.page.fetchStatus === 'idle' ? (
        <div role="status" className="notice">
          <p>Loading the grouped runs was cancelled.</p>
          <button type="button" className="button" onClick={() => data.page.refetch()}>
            Retry
          </button>
        </div>
      ) : null}
      <RetryingStatus
        failureCount={data.page.failureCount}
        error={data.page.failureReason}
        fetching={data.page.isFetching}
        what="the grouped runs"
      />
      {data.page.isError ? (
        <ErrorMessage
          error={data.page.error}
          what="the grouped runs"
          onRetry={() => data.page.refetch()}
        />
      ) : null}
      {data.loadAll.status === 'error' ? (
        <ErrorMessage
          error={data.loadAll.error}
          what="the remaining pages"
          onRetry={data.startLoadAll}
        />
      ) : null}
      {data.loadAll.status === 'cancelled' ? (
        <p role="status" className="notice">
          Loading all examples was cancelled; the current page is shown.
        </p>
      ) : null}
      {data.data ? (
        <>
          <ReadIssues result={data.data} />
          <GroupSummary groups={data.data.groups} metadataKey={view.key} />
          <Suspense
            fallback={
              <div className="skeleton chart-skeleton" role="status">
                Loading charts…
              </div>
            }
          >
            <ChartsPanel
              groups={data.data.groups}
              sessionOrder={view.sessions}
              sessionNames={sessionNames}
              metadataKey={view.key}
              measure={view.chart}
              onMeasureChange={chartHandlers.onMeasureChange}
              feedbackKey={view.chartKey}
              onFeedbackKeyChange={chartHandlers.onFeedbackKeyChange}
              hiddenSessions={view.hidden}
              onToggleSession={chartHandlers.onToggleSession}
              onBarClick={chartHandlers.onBarClick}
            />
          </Suspense>
          <div className="insights-bar">
            <ExportMenu
              buildCsv={insights.buildCsv}
              buildJson={insights.buildJson}
              fileBase={`versus-${view.key}`}
              shareUrl={window.location.href}
            />
          </div>
          <Suspense
            fallback={
              <div className="skeleton" role="status">
                Loading statistics…
              </div>
            }
          >
            <StatsPanel
              inputs={insights.inputs}
              stats={insights.stats}
              loadedExamples={model.matrix.rows.length}
              totalExamples={data.total}
              onLoadAll={data.allLoaded ? undefined : data.startLoadAll}
              open={view.statsOpen}
              onToggle={(statsOpen) => setView({ statsOpen }, 'replace')}
              selectedKey={view.statsKey}
              onSelectKey={(statsKey) => setView({ statsKey }, 'replace')}
            />
          </Suspense>
          {view.group !== null ? (
            <p className="notice filter-note" role="status">
              The matrix shows only {view.key} = {formatGroupKey(groupKeyOf(data.data, view.group))}
              .{' '}
              <button type="button" className="button" onClick={() => setView({ group: null })}>
                Show all groups
              </button>
            </p>
          ) : null}
          <MatrixView
            matrix={model.matrix}
            rows={model.rows}
            counts={model.counts}
            flippedSet={model.flippedSet}
            groups={shownGroups ?? []}
            groupBy={view.groupBy}
            sessions={sessionList}
            baseline={baseline}
            settings={settings}
            onChange={(patch, mode) => setView(patch, mode)}
            onSetBaseline={(id) => setView({ baseline: id })}
            headerMarker={insights.marker}
            onMoveSession={(id, delta) => {
              const from = view.sessions.indexOf(id);
              const to = from + delta;
              if (from < 0 || to < 0 || to >= view.sessions.length) return;
              const sessions = [...view.sessions];
              [sessions[from], sessions[to]] = [sessions[to] as string, id];
              // The baseline stays the same experiment when the first one moves.
              setView({ sessions, baseline: baseline });
            }}
            openExample={view.example}
            onOpen={(id) => setView({ example: id })}
            sectionSummary={view.groupBy === 'example_metadata' ? sectionSummary : undefined}
            reading={data.reading}
            paging={{
              page: view.page,
              pageCount: data.pageCount,
              total: data.total,
              allLoaded: data.allLoaded,
              loadingAll:
                data.loadAll.status === 'loading'
                  ? { loaded: data.loadAll.loaded, total: data.loadAll.total }
                  : null,
              onPage: (page) => setView({ page }),
              onLoadAll: data.startLoadAll,
              onCancel: data.cancelLoadAll,
            }}
          />
        </>
      ) : null}
      {view.example && openRow ? (
        <Suspense fallback={<p role="status">Opening the example…</p>}>
          <DetailPanel
            example={openRow.example}
            sessions={detailSessions}
            position={openIndex >= 0 ? { index: openIndex, count: model.rows.length } : null}
            onClose={close}
            onStep={step}
          />
        </Suspense>
      ) : null}
      {view.example && data.data && !openRow ? (
        <p className="notice notice--warning" role="status">
          The example in the link is not on this page of results.{' '}
          <button type="button" className="button button--quiet" onClick={close}>
            Dismiss
          </button>
        </p>
      ) : null}
    </section>
  );
}

function groupKeyOf(result: GroupedRuns, text: string): string | number {
  return result.groups.find((g) => String(g.key) === text)?.key ?? text;
}

function summariseSection(groups: Group[] | undefined, index: number): string {
  const group = groups?.[index];
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

function ReadIssues({ result }: { result: GroupedRuns }) {
  if (result.issues.length === 0) return null;
  const n = result.issues.length;
  return (
    <details className="notice notice--warning">
      <summary>
        {n} item{n === 1 ? '' : 's'} could not be read and {n === 1 ? 'is' : 'are'} left out;
        everything else is shown.
      </summary>
      <ul>
        {result.issues.slice(0, 100).map((issue) => (
          <li key={`${issue.path}:${issue.reason}`}>
            <code>{issue.path}</code>: {issue.reason} (got {issue.value})
          </li>
        ))}
      </ul>
      {n > 100 ? <p>…and {n - 100} more.</p> : null}
    </details>
  );
}

/**
 * Stable callbacks for the (memoised) charts panel: they read the view as it is when they
 * are called, so a new baseline or hidden list does not re-render every chart.
 */
function useChartHandlers(
  view: ViewState,
  setView: SetView,
  result: GroupedRuns | undefined,
  baseline: string,
) {
  const latest = useRef({ view, result, baseline });
  useLayoutEffect(() => {
    latest.current = { view, result, baseline };
  });
  return useMemo(
    () => ({
      onMeasureChange: (chart: ViewState['chart']) => setView({ chart }, 'replace'),
      onFeedbackKeyChange: (chartKey: string) => setView({ chartKey }, 'replace'),
      onToggleSession: (id: string) => {
        const { hidden } = latest.current.view;
        setView({ hidden: hidden.includes(id) ? hidden.filter((h) => h !== id) : [...hidden, id] });
      },
      onBarClick: (groupIndex: number, sessionId: string | null) => {
        const { view: now, result: shown, baseline: base } = latest.current;
        const group = shown?.groups[groupIndex];
        if (!group) return;
        setView({
          group: String(group.key),
          hidden: sessionId
            ? now.sessions.filter((id) => id !== sessionId && id !== base)
            : now.hidden,
        });
      },
    }),
    [setView],
  );
}
