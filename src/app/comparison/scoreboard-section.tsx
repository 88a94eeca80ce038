import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Matrix } from '../../features/matrix/model/types';
import type { BoardSort } from '../../features/scoreboard/board-columns';
import { buildBoard } from '../../features/scoreboard/board-model';
import { ScoreboardPanel as Panel } from '../../features/scoreboard/scoreboard-panel';
import type { TradeoffAxis } from '../../features/scoreboard/tradeoff-axes';
import { formatCount } from '../../lib/format';
import { runSliced, runToEnd } from '../../lib/scheduling';
import {
  boardComparisons,
  boardGroups,
  boardKeys,
  boardSessions,
  cachedRunTotals,
  groupSessions,
  type RunTotals,
  walkRunTotals,
} from './board-adapters';
import { useComparison } from './comparison-context';

// Memoised, with stable handlers: a sort or filter of the matrix leaves the board (and its
// "Quality vs cost" chart, recharts) as it is, and is not drawn again.
const ScoreboardPanel = memo(Panel);

/**
 * The scoreboard: each experiment's means, intervals and run metrics, and its difference
 * against the baseline as the statistics panel gives it (the same adjusted results).
 * Built from the statistics' (deferred) inputs, so the matrix shows first.
 */
export function ScoreboardSection() {
  const { view, setView, data, sessions, baseline, insights } = useComparison();
  const { inputs, inputsMatrix, stats, adjustment } = insights;
  const totals = useRunTotals(inputsMatrix);
  const sessionInputs = useMemo(
    () => (totals ? boardSessions(totals, sessions, inputs) : null),
    [totals, sessions, inputs],
  );
  const keys = useMemo(() => boardKeys(inputs), [inputs]);
  const comparisons = useMemo(
    () => boardComparisons(stats.results, adjustment),
    [stats.results, adjustment],
  );
  const board = useMemo(
    () =>
      sessionInputs ? buildBoard({ sessions: sessionInputs, keys, baseline, comparisons }) : null,
    [sessionInputs, keys, baseline, comparisons],
  );
  const latest = useRef({ view, baseline });
  useLayoutEffect(() => {
    latest.current = { view, baseline };
  });
  // The point's experiment becomes the regression filter's candidate (the baseline has no
  // regressions of its own), and the matrix comes into view.
  const pick = useCallback(
    (sessionId: string) => {
      const { view: now, baseline: base } = latest.current;
      if (sessionId !== base) {
        const only = now.filter.only === 'improvements' ? 'improvements' : 'regressions';
        setView({ filter: { ...now.filter, only, onlySession: sessionId } });
      }
      requestAnimationFrame(() =>
        document
          .querySelector('[role="grid"][aria-label="Comparison matrix"]')
          ?.scrollIntoView({ block: 'start' }),
      );
    },
    [setView],
  );
  const onSort = useCallback((board: BoardSort) => setView({ board }, 'replace'), [setView]);
  const onAxis = useCallback(
    (tradeoff: TradeoffAxis) => setView({ tradeoff }, 'replace'),
    [setView],
  );
  const onQualityKey = useCallback(
    (statsKey: string) => setView({ statsKey }, 'replace'),
    [setView],
  );
  const onShowGroups = useCallback(
    (boardGroups: boolean) => setView({ boardGroups }, 'replace'),
    [setView],
  );
  // Per group: each group's own cells and runs; differences stay on the whole board, where
  // the statistics panel computes them.
  const groups = useMemo(
    () =>
      view.boardGroups && board
        ? boardGroups(inputsMatrix, view.key).map((g) => ({
            label: g.label,
            board: buildBoard({
              // An experiment that ran nothing in this group has nothing to show in it.
              sessions: groupSessions(g.matrix, sessions, keys).filter((s) => s.examples > 0),
              keys,
              baseline,
              comparisons: new Map(),
            }),
          }))
        : null,
    [view.boardGroups, view.key, board, inputsMatrix, sessions, keys, baseline],
  );
  if (!board)
    return (
      <div className="skeleton" role="status">
        Counting every experiment’s runs for the scoreboard…
      </div>
    );
  const panel = (
    <ScoreboardPanel
      board={board}
      sort={view.board}
      onSort={onSort}
      pending={stats.status === 'running'}
      axis={view.tradeoff}
      onAxis={onAxis}
      qualityKey={view.statsKey}
      onQualityKey={onQualityKey}
      onPick={pick}
      groups={groups}
      showGroups={view.boardGroups}
      onShowGroups={onShowGroups}
    />
  );
  if (data.loadAll.status !== 'loading') return panel;
  return (
    <>
      <p className="notice">
        The scoreboard shows the first {formatCount(inputsMatrix.rows.length)} examples; it is
        updated when every page is in.
      </p>
      {panel}
    </>
  );
}

/** Below this many rows the runs are counted at once; above, in slices between frames. */
const SLICED_ABOVE = 2000;

/**
 * Each experiment's run totals over `matrix`: at once for small ones, else walked in slices
 * so that 10,000 examples never hold the page for more than a slice (lib/scheduling).
 */
function useRunTotals(matrix: Matrix): ReadonlyMap<string, RunTotals> | null {
  const now = useMemo(
    () =>
      cachedRunTotals(matrix) ??
      (matrix.rows.length <= SLICED_ABOVE ? runToEnd(walkRunTotals(matrix)) : null),
    [matrix],
  );
  const [sliced, setSliced] = useState<{
    matrix: Matrix;
    totals: ReadonlyMap<string, RunTotals>;
  } | null>(null);
  useEffect(() => {
    if (now) return;
    const controller = new AbortController();
    runSliced(walkRunTotals(matrix), { ms: 0 }, controller.signal).then(
      (totals) => setSliced({ matrix, totals }),
      () => {}, // aborted: a newer matrix is being counted
    );
    return () => controller.abort();
  }, [matrix, now]);
  return now ?? (sliced?.matrix === matrix ? sliced.totals : null);
}
