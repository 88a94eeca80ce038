import { sessionColor } from '../../lib/session-colors';
import type { ChartModel } from './chart-data';
import { cellText } from './chart-values';

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
  return (
    <div className="charts-table" id={id}>
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
          {model.rows.map((row) => (
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
