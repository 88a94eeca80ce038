import { formatCount } from '../../../lib/format';
import { plural } from '../../../lib/plural';
import { describeKey, formatShare, formatShift } from '../model/format-stats';
import type { CategoricalResult, KeyStats } from '../model/types';

function SessionCell({ result, index }: { result: CategoricalResult; index: number }) {
  const row = result.rows[index];
  if (!row) return <td>—</td>;
  if (!result.enough) return <td className="stats-table__num">not enough data</td>;
  return (
    <td className="stats-table__num">
      {formatShare(row.sessionShare)} ({formatCount(row.sessionCount)})
      <span className="stats-table__note">{formatShift(row.shiftPoints)}</span>
    </td>
  );
}

/**
 * Distribution per session and its shift against the baseline, in percentage points. No
 * p-value: the counts come from the same examples, so a chi-square test of independent
 * samples would not be valid, and per-example categories are not passed in.
 */
export function CategoricalTable({ stats }: { stats: KeyStats }) {
  const distributions = stats.distributions ?? [];
  const [baseline, ...others] = distributions;
  if (!baseline || baseline.rows.length === 0) {
    return <p className="stats__empty">Not enough data: no example has a category for this key.</p>;
  }
  return (
    <div className="stats-table__wrap">
      <table className="stats-table">
        <caption>
          {describeKey(stats)}. Share of labelled runs per category (n counts runs: a session that
          ran each example three times has three labels per example); under each session, the shift
          against the baseline “{baseline.name}” in percentage points (pp).
        </caption>
        <thead>
          <tr>
            <th scope="col">Category</th>
            <th scope="col">
              {baseline.name} (baseline, n = {plural(baseline.sessionTotal, 'run')})
            </th>
            {others.map((o) => (
              <th scope="col" key={o.sessionId}>
                {o.name} (n = {plural(o.sessionTotal, 'run')})
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {baseline.rows.map((row, index) => (
            <tr key={row.category}>
              <th scope="row">{row.category === '' ? '(empty)' : row.category}</th>
              <td className="stats-table__num">
                {baseline.enough
                  ? `${formatShare(row.baselineShare)} (${formatCount(row.baselineCount)})`
                  : 'not enough data'}
              </td>
              {others.map((o) => (
                <SessionCell key={o.sessionId} result={o} index={index} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
