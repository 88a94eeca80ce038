import { formatCount } from '../../../lib/format';
import { examplesNeeded } from '../../../lib/statistics/power';
import type { AdjustedStats } from '../model/adjust-results';
import {
  describeKey,
  formatEstimate,
  formatInterval,
  formatMagnitude,
  formatMean,
  formatPValue,
  intervalText,
  percentChangeText,
  testText,
} from '../model/format-stats';
import type { KeyStats, PairedResult } from '../model/types';
import { type VerdictContext, verdict } from '../model/verdict';
import { VERDICT_SYMBOL, verdictClass } from './verdict-style';

export const ADJUST_LABEL: Record<AdjustedStats['method'], string> = {
  holm: 'Holm',
  bh: 'Benjamini–Hochberg',
  none: 'not adjusted',
};

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** Notes under the interval: how it was made, clustering and repetitions. */
function IntervalNotes({ result }: { result: PairedResult }) {
  const c = result.clustering;
  const r = result.repetitions;
  return (
    <>
      {result.interval ? (
        <span className="stats-table__note">{intervalText(result.interval)}</span>
      ) : null}
      {c && c.problem === null && c.designEffect !== null ? (
        <span className="stats-table__note stats-table__note--wide">
          design effect {c.designEffect.toFixed(2)} (standard error ×
          {Math.sqrt(c.designEffect).toFixed(2)} the unclustered one)
        </span>
      ) : null}
      {r ? (
        <span className="stats-table__note stats-table__note--wide">
          {[
            r.baselineWithinSd !== null
              ? `baseline ${r.baselineRuns.toFixed(1)} runs/example, spread ±${formatMagnitude(r.baselineWithinSd, result)}`
              : null,
            r.sessionWithinSd !== null
              ? `${r.sessionRuns.toFixed(1)} runs/example, spread ±${formatMagnitude(r.sessionWithinSd, result)}`
              : null,
            r.narrowing !== null
              ? `repetitions make the interval ${percent(1 - r.narrowing)} narrower than one run each`
              : null,
          ]
            .filter(Boolean)
            .join('; ')}
        </span>
      ) : null}
    </>
  );
}

function PowerCell({ result, careAbout }: { result: PairedResult; careAbout: number | null }) {
  if (result.mde === null || result.se === null) return <td className="stats-table__num">—</td>;
  const needed =
    careAbout !== null && careAbout > 0
      ? examplesNeeded(careAbout, result.se * Math.sqrt(result.n))
      : null;
  return (
    <td className="stats-table__num">
      ±{formatMagnitude(result.mde, result)}
      {needed !== null ? (
        <span className="stats-table__note">
          {formatCount(needed)} examples for {formatMagnitude(careAbout, result)}
        </span>
      ) : null}
    </td>
  );
}

function PairedRow({
  result,
  context,
}: {
  result: PairedResult;
  context: VerdictContext & { careAbout: number | null };
}) {
  const v = verdict(result, context);
  const unpaired = result.baselineOnly + result.sessionOnly;
  const flips = result.flips;
  const adjusting = context.method !== undefined && context.method !== 'none';
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
      <td className="stats-table__num">{formatMean(result.baselineMean, result)}</td>
      <td className="stats-table__num">{formatMean(result.sessionMean, result)}</td>
      <td className="stats-table__num">
        {formatEstimate(result.meanDiff, result.ciLow, result.ciHigh, result)}
        {percentChangeText(result)}
        {result.ciLow !== null && result.ciHigh !== null ? (
          <span className="stats-table__note">
            {formatInterval(result.ciLow, result.ciHigh, result, result.meanDiff)}
          </span>
        ) : null}
        <IntervalNotes result={result} />
      </td>
      <td className="stats-table__test">
        {result.test ? testText(result) : 'none'}
        {result.wilcoxon ? (
          <span className="stats-table__note">
            robustness check, Wilcoxon signed-rank: {formatPValue(result.wilcoxon.pValue)} (not
            adjusted)
          </span>
        ) : null}
      </td>
      <td className="stats-table__num">{formatPValue(result.pValue)}</td>
      {adjusting ? <td className="stats-table__num">{formatPValue(result.adjustedP)}</td> : null}
      <td className="stats-table__num">
        {result.wins} / {result.losses} / {result.ties}
      </td>
      {flips ? (
        <td className="stats-table__num">
          {flips.passToFail} / {flips.failToPass}
        </td>
      ) : null}
      <PowerCell result={result} careAbout={context.careAbout} />
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
export function PairedTable({
  stats,
  adjustment,
  careAbout,
}: {
  stats: KeyStats;
  adjustment: Pick<AdjustedStats, 'method' | 'tests'> | null;
  careAbout: number | null;
}) {
  const binary = stats.kind === 'binary';
  const method = adjustment?.method ?? 'none';
  const context = { method, tests: adjustment?.tests, careAbout };
  return (
    <div className="stats-table__wrap">
      <table className="stats-table">
        <caption>
          {describeKey(stats)}. Each session against the baseline “{stats.baselineName}”, over the
          examples both have a value for: n counts those examples (an example’s repetitions are
          averaged first), and so do wins, losses and ties.
        </caption>
        <thead>
          <tr>
            <th scope="col">Session</th>
            <th scope="col">n (paired examples)</th>
            <th scope="col">Baseline mean</th>
            <th scope="col">Session mean</th>
            <th scope="col">Difference (95% CI)</th>
            <th scope="col">Test</th>
            <th scope="col">p-value</th>
            {method !== 'none' ? <th scope="col">Adjusted p ({ADJUST_LABEL[method]})</th> : null}
            <th scope="col">Wins / losses / ties (examples)</th>
            {binary ? <th scope="col">Flips pass→fail / fail→pass (examples)</th> : null}
            <th scope="col">Smallest detectable difference (80% power)</th>
            <th scope="col">Verdict</th>
          </tr>
        </thead>
        <tbody>
          {stats.comparisons.map((result) => (
            <PairedRow key={result.sessionId} result={result} context={context} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
