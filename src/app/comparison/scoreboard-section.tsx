import { useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import { buildBoard } from '../../features/scoreboard/board-model';
import { ScoreboardPanel } from '../../features/scoreboard/scoreboard-panel';
import { boardComparisons, boardKeys, boardSessions } from './board-adapters';
import { useComparison } from './comparison-context';

/**
 * The scoreboard: each experiment's means, intervals and run metrics, and its difference
 * against the baseline as the statistics panel gives it (the same adjusted results).
 * Built from the statistics' (deferred) inputs, so the matrix shows first.
 */
export function ScoreboardSection() {
  const { view, setView, sessions, baseline, insights } = useComparison();
  const { inputs, inputsMatrix, stats, adjustment } = insights;
  const sessionInputs = useMemo(
    () => boardSessions(inputsMatrix, sessions, inputs),
    [inputsMatrix, sessions, inputs],
  );
  const keys = useMemo(() => boardKeys(inputs), [inputs]);
  const comparisons = useMemo(
    () => boardComparisons(stats.results, adjustment),
    [stats.results, adjustment],
  );
  const board = useMemo(
    () => buildBoard({ sessions: sessionInputs, keys, baseline, comparisons }),
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
  return (
    <ScoreboardPanel
      board={board}
      sort={view.board}
      onSort={(board) => setView({ board }, 'replace')}
      pending={stats.status === 'running'}
      axis={view.tradeoff}
      onAxis={(tradeoff) => setView({ tradeoff }, 'replace')}
      qualityKey={view.statsKey}
      onQualityKey={(statsKey) => setView({ statsKey }, 'replace')}
      onPick={pick}
    />
  );
}
