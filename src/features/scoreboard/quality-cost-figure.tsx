import { useId, useState } from 'react';
import { sessionColor } from '../../lib/session-colors';
import { formatKeyInterval, formatKeyValue } from './board-format';
import type { Board } from './board-types';
import { formatAxis, QualityCostChart } from './quality-cost-chart';
import { TRADEOFF_AXES, type TradeoffAxis } from './tradeoff-axes';
import { AXIS_TITLES, buildTradeoff, plottableKeys } from './tradeoff-model';

const AXIS_NAMES: Record<TradeoffAxis, string> = {
  cost: 'Cost',
  latency: 'Latency',
  tokens: 'Tokens',
};

/**
 * "Quality vs cost": the chosen key's mean against cost, latency or tokens, the frontier of
 * experiments nothing beats on both, and the same numbers as a table.
 */
export function QualityCostFigure({
  board,
  axis,
  onAxis,
  qualityKey,
  onQualityKey,
  labels,
  onPick,
}: {
  board: Board;
  axis: TradeoffAxis;
  onAxis: (axis: TradeoffAxis) => void;
  /** The key on the y axis (null: the first scored key). */
  qualityKey: string | null;
  onQualityKey: (key: string) => void;
  labels: ReadonlyMap<string, string>;
  onPick: (sessionId: string) => void;
}) {
  const id = useId();
  const [tableOpen, setTableOpen] = useState(false);
  const keys = plottableKeys(board);
  const key = qualityKey && keys.includes(qualityKey) ? qualityKey : (keys[0] ?? null);
  const tradeoff = key ? buildTradeoff(board, axis, key) : null;
  const captionId = `${id}-caption`;
  const tableId = `${id}-table`;
  return (
    <figure className="board-chart" aria-label="Quality vs cost">
      <figcaption id={captionId} className="board-chart__caption">
        Quality vs {axis === 'cost' ? 'cost' : axis}
        {key ? `: ${key} against ${AXIS_NAMES[axis].toLowerCase()}` : ''}
      </figcaption>
      <div className="board-chart__controls">
        <fieldset className="board-chart__axis">
          <legend>Plot quality against</legend>
          {TRADEOFF_AXES.map((a) => (
            <label key={a}>
              <input
                type="radio"
                name={`${id}-axis`}
                checked={axis === a}
                onChange={() => onAxis(a)}
              />{' '}
              {AXIS_NAMES[a]}
            </label>
          ))}
        </fieldset>
        {keys.length > 1 && key ? (
          <label>
            Quality key{' '}
            <select className="input" value={key} onChange={(e) => onQualityKey(e.target.value)}>
              {keys.map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
      {!tradeoff ? (
        <p className="board__notice">No scored key to plot: every key is categorical or empty.</p>
      ) : tradeoff.noAxisData ? (
        <p className="board__notice">
          No {axis} data: none of these runs reports {axis === 'cost' ? 'a cost' : axis}.{' '}
          {axis !== 'latency' ? (
            <button type="button" className="button" onClick={() => onAxis('latency')}>
              Plot against latency instead
            </button>
          ) : null}
        </p>
      ) : (
        <>
          <QualityCostChart tradeoff={tradeoff} axis={axis} labels={labels} onPick={onPick} />
          <p className="board__meta">
            Whiskers: the 95% interval of the mean. Dashed line: the frontier, experiments no other
            is both {tradeoff.direction === 'higher' ? 'better' : 'lower'} on {tradeoff.key} and
            cheaper on {axis}. Ringed: the baseline. Click a point to see its regressions in the
            matrix.
            {tradeoff.missing.length > 0
              ? ` Not plotted: ${tradeoff.missing.map((m) => `${m.name} (${m.reason})`).join(', ')}.`
              : ''}
          </p>
        </>
      )}
      {tradeoff && !tradeoff.noAxisData ? (
        <>
          <button
            type="button"
            className="button"
            aria-expanded={tableOpen}
            aria-controls={tableId}
            onClick={() => setTableOpen((open) => !open)}
          >
            Show quality vs cost as table
          </button>
          {tableOpen ? (
            <div id={tableId} className="board__scroll">
              <table className="board__table">
                <caption>Quality vs cost: data table</caption>
                <thead>
                  <tr>
                    <th scope="col">Experiment</th>
                    <th scope="col">{AXIS_TITLES[axis]}</th>
                    <th scope="col">{tradeoff.key} (95% interval)</th>
                    <th scope="col">On the frontier</th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {tradeoff.points.map((p) => (
                    <tr key={p.id} data-session-id={p.id}>
                      <th scope="row">
                        <span
                          className="board__dot"
                          style={{ background: sessionColor(p.colorIndex) }}
                          aria-hidden="true"
                        />
                        {p.name}
                        {p.isBaseline ? <span className="board__badge">baseline</span> : null}
                      </th>
                      <td className="board__num">{formatAxis(axis, p.x)}</td>
                      <td className="board__num">
                        {formatKeyValue(p.y, tradeoff.passRate)}
                        <span className="board__note">
                          {formatKeyInterval(
                            p.low !== null && p.high !== null ? { low: p.low, high: p.high } : null,
                            tradeoff.passRate,
                          )}
                        </span>
                      </td>
                      <td>{p.onFrontier ? 'yes' : 'no'}</td>
                      <td>
                        {p.isBaseline ? null : (
                          <button
                            type="button"
                            className="button button--quiet"
                            aria-label={`Show the regressions of ${p.name} in the matrix`}
                            onClick={() => onPick(p.id)}
                          >
                            Show regressions
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </>
      ) : null}
    </figure>
  );
}
