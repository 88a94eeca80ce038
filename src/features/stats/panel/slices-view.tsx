import { useId } from 'react';
import { formatCount } from '../../../lib/format';
import { formatEstimate, formatInterval, formatPValue, intervalText } from '../model/format-stats';
import type { Heterogeneity, SliceStats } from '../model/slices';
import { ForestPlot } from './forest-plot';

function list(items: readonly string[]): string {
  const quoted = items.map((i) => `“${i}”`);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
}

function qText(h: Heterogeneity): string {
  if (h.q === null || h.df === null) return '';
  return ` Cochran’s Q = ${h.q.toFixed(1)} on ${h.df} df, ${formatPValue(h.qP)}.`;
}

/** Where a session helps in one group and hurts in another, in words. */
export function heterogeneityNotes(slices: SliceStats): string[] {
  const notes: string[] = [];
  for (const h of slices.heterogeneity) {
    if (h.helps.length > 0 && h.hurts.length > 0) {
      notes.push(
        `${h.name} helps in ${list(h.helps)} but hurts in ${list(h.hurts)}: both intervals exclude 0, so the overall difference hides opposite effects.${qText(h)}`,
      );
    } else if (h.upGroups.length > 0 && h.downGroups.length > 0 && h.qP !== null && h.qP < 0.05) {
      notes.push(
        `${h.name} leans better in ${list(h.upGroups)} and worse in ${list(h.downGroups)}, and the groups differ more than chance would explain.${qText(h)}`,
      );
    }
  }
  return notes;
}

export function SlicesView({
  slices,
  sliceKey,
  metadataKeys,
  onSliceKey,
  colorIndex,
}: {
  slices: SliceStats | null;
  sliceKey: string | null;
  metadataKeys: readonly string[];
  onSliceKey: (key: string) => void;
  colorIndex: (sessionId: string) => number;
}) {
  const selectId = useId();
  const tableId = useId();
  const notes = slices ? heterogeneityNotes(slices) : [];
  return (
    <div className="stats-slices">
      <div className="field stats__chooser">
        <label htmlFor={selectId}>Slice by</label>
        <select
          id={selectId}
          className="input"
          value={sliceKey ?? ''}
          onChange={(e) => onSliceKey(e.target.value)}
          disabled={metadataKeys.length === 0}
        >
          {sliceKey === null ? <option value="">(no example metadata)</option> : null}
          {sliceKey !== null && !metadataKeys.includes(sliceKey) ? (
            <option value={sliceKey}>{sliceKey} (not on these examples)</option>
          ) : null}
          {metadataKeys.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </div>
      {slices === null ? null : slices.groups.length === 0 ? (
        <p className="stats__empty">
          Not enough data: no example has a value for “{slices.sliceKey}”.
        </p>
      ) : (
        <>
          <ForestPlot slices={slices} colorIndex={colorIndex} tableId={tableId} />
          {slices.leftOut > 0 ? (
            <p className="stats__empty">
              The {formatCount(slices.groups.length)} largest groups are shown;{' '}
              {formatCount(slices.leftOut)} smaller ones are left out.
            </p>
          ) : null}
          <div className="stats-slices__notes" aria-live="polite">
            {notes.length > 0 ? (
              <ul>
                {notes.map((n) => (
                  <li key={n} className="stats-slices__note">
                    <span aria-hidden="true">⚠ </span>
                    {n}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="stats__empty">
                No session helps in one group while hurting in another.
              </p>
            )}
          </div>
          <div className="stats-table__wrap" id={tableId}>
            <table className="stats-table">
              <caption>Difference by group: data table</caption>
              <thead>
                <tr>
                  <th scope="col">Group</th>
                  <th scope="col">Session</th>
                  <th scope="col">n (paired examples)</th>
                  <th scope="col">Difference</th>
                  <th scope="col">95% interval</th>
                </tr>
              </thead>
              <tbody>
                {slices.cells.map((c) => (
                  <tr key={`${c.group}\u0000${c.sessionId}`} data-session-id={c.sessionId}>
                    <th scope="row">{c.group}</th>
                    <td>{c.name}</td>
                    <td className="stats-table__num">{formatCount(c.n)}</td>
                    <td className="stats-table__num">
                      {formatEstimate(c.meanDiff, c.ciLow, c.ciHigh, slices)}
                    </td>
                    <td className="stats-table__num">
                      {c.ciLow !== null && c.ciHigh !== null
                        ? formatInterval(c.ciLow, c.ciHigh, slices, c.meanDiff)
                        : 'not enough data'}
                      {c.interval ? (
                        <span className="stats-table__note">{intervalText(c.interval)}</span>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
