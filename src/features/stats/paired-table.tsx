import { formatCount } from '../../lib/format';
import { describeKey, formatDiff, formatInterval, formatMean, formatPValue } from './format-stats';
import type { KeyStats, PairedResult } from './paired-stats';
import { verdict } from './verdict';
import { VERDICT_SYMBOL, verdictClass } from './verdict-style';

function PairedRow({ result }: { result: PairedResult }) {
  const v = verdict(result);
  const unpaired = result.baselineOnly + result.sessionOnly;
  const flips = result.flips;
  return (
    <tr data-session-id={result.sessionId}>
      <th scope="row" className="stats-table__session">
        {result.name}
      </th>
      <td className="stats-table__num">
        {formatCount(result.n)}
        {unpaired > 0 ? (
          <span className="stats-table__note">{formatCount(unpaired)} unpaired</span>
        ) : null}
      </td>
      <td className="stats-table__num">{formatMean(result.baselineMean, result.kind)}</td>
      <td className="stats-table__num">{formatMean(result.sessionMean, result.kind)}</td>
      <td className="stats-table__num">
        {formatDiff(result.meanDiff, result.kind)}
        {result.ciLow !== null && result.ciHigh !== null ? (
          <span className="stats-table__note">
            {formatInterval(result.ciLow, result.ciHigh, result.kind)}
          </span>
        ) : null}
      </td>
      <td className="stats-table__num">{formatPValue(result.pValue)}</td>
      <td className="stats-table__num">
        {result.wins} / {result.losses} / {result.ties}
      </td>
      {flips ? (
        <td className="stats-table__num">
          {flips.passToFail} / {flips.failToPass}
        </td>
      ) : null}
      <td>
        <span className={verdictClass(v.label)}>
          <span aria-hidden="true">{VERDICT_SYMBOL[v.label]} </span>
          {v.label}
        </span>
        <span className="stats-table__reason">{v.reason}</span>
      </td>
    </tr>
  );
}

/** One row per session against the baseline for a numeric, binary or metric key. */
export function PairedTable({ stats }: { stats: KeyStats }) {
  const binary = stats.kind === 'binary';
  return (
    <div className="stats-table__wrap">
      <table className="stats-table">
        <caption>
          {describeKey(stats)}. Each session against the baseline “{stats.baselineName}”, over the
          examples both have a value for.
        </caption>
        <thead>
          <tr>
            <th scope="col">Session</th>
            <th scope="col">n (paired)</th>
            <th scope="col">Baseline mean</th>
            <th scope="col">Session mean</th>
            <th scope="col">Difference (95% CI)</th>
            <th scope="col">p-value</th>
            <th scope="col">Wins / losses / ties</th>
            {binary ? <th scope="col">Flips pass→fail / fail→pass</th> : null}
            <th scope="col">Verdict</th>
          </tr>
        </thead>
        <tbody>
          {stats.comparisons.map((result) => (
            <PairedRow key={result.sessionId} result={result} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
