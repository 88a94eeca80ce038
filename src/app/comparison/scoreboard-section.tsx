import { useMemo } from 'react';
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
  return (
    <ScoreboardPanel
      board={board}
      sort={view.board}
      onSort={(board) => setView({ board }, 'replace')}
      pending={stats.status === 'running'}
    />
  );
}
