import './scoreboard.css';
import { useMemo } from 'react';
import { distinctNames } from '../../lib/distinct-names';
import { type BoardSort, columnParam } from './board-columns';
import { boardColumns, sortBoardRows } from './board-sort';
import type { Board } from './board-types';
import { QualityCostFigure } from './quality-cost-figure';
import { ScoreboardTable } from './scoreboard-table';
import type { TradeoffAxis } from './tradeoff-axes';

export interface ScoreboardPanelProps {
  board: Board;
  sort: BoardSort | null;
  onSort: (sort: BoardSort) => void;
  /** The statistics are still being computed: differences come when they are. */
  pending: boolean;
  axis: TradeoffAxis;
  onAxis: (axis: TradeoffAxis) => void;
  qualityKey: string | null;
  onQualityKey: (key: string) => void;
  /** A point (or its table row) was chosen: make it the regression filter's candidate. */
  onPick: (sessionId: string) => void;
  /** One board per group, while `showGroups` is on (null until computed or when off). */
  groups: { label: string; board: Board }[] | null;
  showGroups: boolean;
  onShowGroups: (on: boolean) => void;
}

/** Session id → the part of its name that tells it from the others on the board. */
export function useDistinctLabels(board: Board): Map<string, string> {
  return useMemo(() => {
    const short = distinctNames(board.rows.map((r) => r.name));
    return new Map(board.rows.map((r, i) => [r.sessionId, short[i] ?? r.name]));
  }, [board.rows]);
}

/** "The answer at a glance": one row per experiment, sortable, the leaders marked. */
export function ScoreboardPanel(props: ScoreboardPanelProps) {
  const { board, sort, onSort, pending } = props;
  const labels = useDistinctLabels(board);
  const unknown = sort !== null && !boardColumns(board).includes(sort.column);
  const rows = useMemo(() => sortBoardRows(board, sort), [board, sort]);
  const single = board.rows.length < 2;
  return (
    <section className="board" aria-labelledby="board-title">
      <h3 id="board-title" className="board__title">
        The answer at a glance
      </h3>
      {unknown && sort ? (
        <p className="board__notice" role="status">
          The scoreboard has no column “{columnParam(sort.column, 'asc')}”: it keeps the display
          order.
        </p>
      ) : null}
      <ScoreboardTable board={board} rows={rows} labels={labels} sort={sort} onSort={onSort} />
      <button
        type="button"
        className="button"
        aria-pressed={props.showGroups}
        onClick={() => props.onShowGroups(!props.showGroups)}
      >
        One board per group
      </button>
      {props.showGroups && props.groups
        ? props.groups.map((g) => (
            <section key={g.label} className="board__group" aria-label={g.label}>
              <ScoreboardTable
                board={g.board}
                rows={sortBoardRows(g.board, sort)}
                labels={labels}
                sort={sort}
                onSort={onSort}
                caption={g.label}
                showDiffs={false}
              />
            </section>
          ))
        : null}
      {props.showGroups ? (
        <p className="board__meta">
          Each group’s board reads only that group’s runs; differences against the baseline and
          their verdicts are the whole board’s, where the statistics panel computes them.
        </p>
      ) : null}
      <p className="board__meta">
        Means are over examples, each experiment’s repetitions averaged per example first; the
        interval under each is 95%: Wilson for pass rates, t (CLT) for scores. ★ best: its interval
        does not overlap the runner-up’s; = tied: the leaders’ intervals overlap.{' '}
        {single
          ? 'One experiment only: nothing to compare it with.'
          : pending
            ? 'Differences against the baseline appear once the statistics are computed.'
            : 'Differences and verdicts are the statistics panel’s (paired, adjusted for every test in the view).'}
      </p>
      <QualityCostFigure
        board={board}
        axis={props.axis}
        onAxis={props.onAxis}
        qualityKey={props.qualityKey}
        onQualityKey={props.onQualityKey}
        labels={labels}
        onPick={props.onPick}
      />
    </section>
  );
}
