import { plural, pluralWord } from '../../lib/plural';
import { sessionColor } from '../../lib/session-colors';
import type { ChartModel, TableRow } from './chart-data';
import { cellText } from './chart-values';

/**
 * Rows where nothing arrived are left out of the table and said in one line: whole groups by
 * count ("3 groups have no data"), then other sessions' rows. Null when none is left out.
 */
export function emptyRowsText(rows: readonly TableRow[]): string | null {
  const byGroup = new Map<number, TableRow[]>();
  for (const row of rows)
    byGroup.set(row.groupIndex, [...(byGroup.get(row.groupIndex) ?? []), row]);
  let emptyGroups = 0;
  let otherRows = 0;
  for (const list of byGroup.values()) {
    const empty = list.filter((r) => r.empty).length;
    if (empty === list.length) emptyGroups++;
    else otherRows += empty;
  }
  const parts: string[] = [];
  if (emptyGroups > 0) {
    parts.push(`${plural(emptyGroups, 'group')} ${pluralWord(emptyGroups, 'has', 'have')} no data`);
  }
  if (otherRows > 0) {
    parts.push(
      `${plural(otherRows, 'more session row')} ${pluralWord(otherRows, 'has', 'have')} no data`,
    );
  }
  return parts.length > 0 ? `${parts.join('; ')}: not listed.` : null;
}

/** The chart's data as a real table: one row per group and session, the same formatted numbers. */
export function ChartTable({
  id,
  model,
  onFilter,
}: {
  id: string;
  model: ChartModel;
  onFilter: (groupIndex: number, sessionId: string) => void;
}) {
  const listed = model.rows.filter((row) => !row.empty);
  const left = emptyRowsText(model.rows);
  return (
    <div className="charts-table" id={id}>
      {left ? <p className="charts-table__left">{left}</p> : null}
      <table>
        <caption>{model.title}: data table</caption>
        <thead>
          <tr>
            <th scope="col">Group</th>
            <th scope="col">Session</th>
            {model.columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {listed.map((row) => (
            <tr key={row.id}>
              <th scope="row" className="charts-table__group">
                {row.groupLabel}
              </th>
              <td>
                <span
                  className="charts-legend__dot"
                  style={{ background: sessionColor(row.colorIndex) }}
                  aria-hidden="true"
                />
                {row.sessionName}
              </td>
              {row.cells.map((cell, i) => (
                <td
                  key={model.columns[i] ?? i}
                  className={
                    cell.value === null
                      ? 'charts-table__num charts-table__none'
                      : 'charts-table__num'
                  }
                >
                  {cellText(cell)}
                </td>
              ))}
              <td>
                <button
                  type="button"
                  className="button button--quiet charts-table__filter"
                  // It narrows the matrix to the group and hides no experiment: named so.
                  aria-label={`Show only ${row.groupLabel} in the matrix`}
                  onClick={() => onFilter(row.groupIndex, row.sessionId)}
                >
                  Show in matrix
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
