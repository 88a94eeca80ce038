import { sessionColor } from '../../lib/session-colors';
import {
  type BoardSort,
  diffColumn,
  keyColumn,
  METRIC_COLUMNS,
  type MetricColumn,
  NAME_COLUMN,
} from './board-columns';
import {
  formatKeyInterval,
  formatKeyValue,
  formatMetric,
  intervalName,
  METRIC_LABELS,
} from './board-format';
import type { Board, BoardRow, KeyCell, Mark } from './board-types';
import { CategoryBar } from './category-bar';

const METRICS = (Object.keys(METRIC_COLUMNS) as MetricColumn[]).filter((c) => c !== 'examples');
const VERDICT_SYMBOL = {
  better: '▲',
  worse: '▼',
  'no clear difference': '~',
  'not enough data': '?',
} as const;

/**
 * One row per experiment in display order (or the URL's sort), the baseline marked. Every
 * header sorts; the first click puts the best first.
 */
export function ScoreboardTable({
  board,
  rows,
  labels,
  sort,
  onSort,
  caption = 'Scoreboard',
  showDiffs = true,
}: {
  board: Board;
  rows: readonly BoardRow[];
  /** Session id → the distinguishing part of its name. */
  labels: ReadonlyMap<string, string>;
  sort: BoardSort | null;
  onSort: (sort: BoardSort) => void;
  caption?: string;
  showDiffs?: boolean;
}) {
  const header = (column: string, label: string, bestFirst: 'asc' | 'desc') => {
    const current = sort?.column === column ? sort.dir : null;
    const next = current === null ? bestFirst : current === 'asc' ? 'desc' : 'asc';
    return (
      <th
        key={column}
        scope="col"
        aria-sort={current === 'asc' ? 'ascending' : current === 'desc' ? 'descending' : 'none'}
      >
        <button type="button" className="board__sort" onClick={() => onSort({ column, dir: next })}>
          {label}
          <span aria-hidden="true">
            {current === 'asc' ? ' ↑' : current === 'desc' ? ' ↓' : ''}
          </span>
        </button>
      </th>
    );
  };
  const best = (direction: 'higher' | 'lower') => (direction === 'higher' ? 'desc' : 'asc');
  return (
    <div className="board__scroll">
      <table className="board__table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {header(NAME_COLUMN, 'Experiment', 'asc')}
            {header('examples', METRIC_LABELS.examples, 'desc')}
            {board.keys.flatMap((k) => [
              header(
                keyColumn(k.key),
                `${k.key} ${k.kind === 'categorical' ? '(categories)' : k.passRate ? '(pass rate)' : '(mean)'}`,
                best(k.direction),
              ),
              showDiffs && k.kind === 'numeric'
                ? header(diffColumn(k.key), `${k.key} vs baseline`, best(k.direction))
                : null,
            ])}
            {METRICS.map((c) => header(c, METRIC_LABELS[c], 'asc'))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.sessionId}
              data-session-id={row.sessionId}
              data-baseline={row.isBaseline ? 'true' : undefined}
              className={row.isBaseline ? 'board__baseline' : undefined}
            >
              <th scope="row" className="board__name" title={row.name}>
                <span
                  className="board__dot"
                  style={{ background: sessionColor(row.colorIndex) }}
                  aria-hidden="true"
                />
                <span className="visually-hidden">{row.name}</span>
                <span aria-hidden="true">{labels.get(row.sessionId) ?? row.name}</span>
                {row.isBaseline ? <span className="board__badge">baseline</span> : null}
              </th>
              <td className="board__num">{formatMetric(row, 'examples')}</td>
              {board.keys.flatMap((k, i) => {
                const cell = row.keys[i];
                if (!cell) return [];
                return [
                  <KeyValueCell
                    key={keyColumn(k.key)}
                    cell={cell}
                    passRate={k.passRate}
                    mark={row.marks[keyColumn(k.key)] ?? null}
                  />,
                  showDiffs && k.kind === 'numeric' ? (
                    <DiffCell key={diffColumn(k.key)} row={row} cell={cell} />
                  ) : null,
                ];
              })}
              {METRICS.map((c) => (
                <td key={c} className="board__num">
                  {formatMetric(row, c)}
                  <MarkBadge mark={row.marks[c] ?? null} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function MarkBadge({ mark }: { mark: Mark }) {
  if (!mark) return null;
  return (
    <span className={`board__mark board__mark--${mark}`}>
      {mark === 'best' ? '★ best' : '= tied'}
    </span>
  );
}

function KeyValueCell({ cell, passRate, mark }: { cell: KeyCell; passRate: boolean; mark: Mark }) {
  if (cell.distribution !== null || cell.mean === null)
    return (
      <td className="board__cats">
        {cell.distribution ? <CategoryBar distribution={cell.distribution} /> : 'no data'}
      </td>
    );
  const { mean } = cell;
  const interval = formatKeyInterval(mean.interval, passRate);
  return (
    <td className="board__num">
      {formatKeyValue(mean.mean, passRate)}
      {interval ? (
        <span className="board__note" title={intervalName(mean)}>
          {interval}
        </span>
      ) : null}
      {mean.n > 0 ? <span className="board__note">n = {mean.n}</span> : null}
      <MarkBadge mark={mark} />
    </td>
  );
}

function DiffCell({ row, cell }: { row: BoardRow; cell: KeyCell }) {
  if (row.isBaseline) return <td className="board__num board__none">baseline</td>;
  const c = cell.comparison;
  if (!c) return <td className="board__num board__none">—</td>;
  return (
    <td className="board__num" title={c.reason}>
      {c.diffText}
      {c.intervalText !== '—' ? <span className="board__note">{c.intervalText}</span> : null}
      <span className={`board__verdict board__verdict--${c.label.replace(/ /g, '-')}`}>
        <span aria-hidden="true">{VERDICT_SYMBOL[c.label]} </span>
        {c.label}
      </span>
    </td>
  );
}
