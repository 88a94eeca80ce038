import { memo, type ReactNode } from 'react';
import { shortNames } from '../../../lib/distinct-names';
import { formatGroupKey } from '../../../lib/format';
import { sessionColor } from '../../../lib/session-colors';
import { textWidth } from '../../../lib/text-width';
import type { MatrixActions } from '../matrix-context';
import { useSessionLink } from '../matrix-links';
import type { MatrixColumn } from '../model/types';
import {
  type ActiveChanges,
  type ChangeFilter,
  ColumnHeader,
  type HeaderCounts,
} from './column-header';
import { columnGroups } from './matrix-layout';
import { ResizeHandle } from './resize-handle';

/** A session header's padding, left border, colour swatch and its gap (table.css). */
const HEADER_CHROME_PX = 2 * 8 + 1 + 12 + 4;
const HEADER_NAME_FONT_PX = 15;
/** Canvas widths differ from laid-out text by a fraction of a pixel. */
const NAME_SLACK_PX = 2;

/**
 * Each experiment's name as its header shows it: what tells it apart from the others in view
 * (distinct-names.ts), as long as its narrowest column has room for.
 */
function headerLabels(
  columns: readonly MatrixColumn[],
  sizes: readonly number[],
): ReadonlyMap<string, string> {
  const room = new Map<string, number>();
  columns.forEach((column, i) => {
    const width = (sizes[i + 1] ?? 0) - HEADER_CHROME_PX - NAME_SLACK_PX;
    room.set(column.sessionName, Math.min(width, room.get(column.sessionName) ?? width));
  });
  const names = [...room.keys()];
  const labels = shortNames(
    names,
    (label, i) => textWidth(label, HEADER_NAME_FONT_PX, 600) <= (room.get(names[i] ?? '') ?? 0),
  );
  return new Map(names.map((name, i) => [name, labels[i] ?? name]));
}

/** Starting a drag and stepping by keys, for a column id (stable between renders). */
export interface ColumnResizer {
  start: (columnId: string, event: unknown) => void;
  by: (columnId: string, delta: number) => void;
}

/**
 * The grid's header: the group row (run_metadata) over the session columns, then one header
 * per visible session column. Memoised on what it shows, all primitives or stable objects,
 * so that it is not rebuilt on every scroll frame.
 */
export const MatrixHead = memo(function MatrixHead({
  sectioned,
  columns,
  from,
  to,
  sizes,
  baseline,
  counts,
  keys,
  lastSessionIndex,
  marker,
  actions,
  resize,
  active,
  onShowChanges,
}: {
  /** example_metadata grouping: sections are rows, so there is no group row. */
  sectioned: boolean;
  /** The visible session columns, in order. */
  columns: MatrixColumn[];
  /** The columns in view (all of them unless columns are virtualised). */
  from: number;
  to: number;
  /** Widths in px: the example column, then each visible session column. */
  sizes: readonly number[];
  baseline: string;
  counts: HeaderCounts;
  keys: string[];
  /** The highest display position: its column cannot move right. */
  lastSessionIndex: number;
  marker: ((sessionId: string) => ReactNode) | undefined;
  actions: MatrixActions;
  resize: ColumnResizer;
  /** The "only" filter in effect (its count button shows pressed). */
  active: ActiveChanges;
  onShowChanges: (sessionId: string, key: string, only: ChangeFilter) => void;
}) {
  const sessionLink = useSessionLink();
  const groups = sectioned ? [] : columnGroups(columns);
  const labels = headerLabels(columns, sizes);
  return (
    <thead className="matrix__head">
      {!sectioned ? (
        <tr className="matrix__row matrix__row--groups" aria-rowindex={1}>
          <th className="matrix__corner" aria-colindex={1}>
            <span className="visually-hidden">Group</span>
          </th>
          {groups.map((g) => (
            <th
              key={g.id}
              aria-colindex={g.start + 2}
              colSpan={g.span}
              className="matrix__group-header"
              style={{ gridColumn: `${g.start + 2} / span ${g.span}` }}
              title={formatGroupKey(g.groupKey ?? '')}
            >
              {formatGroupKey(g.groupKey ?? '')}
            </th>
          ))}
        </tr>
      ) : null}
      <tr className="matrix__row matrix__row--columns" aria-rowindex={sectioned ? 1 : 2}>
        <th className="matrix__corner" aria-colindex={1}>
          Example
          <ResizeHandle
            label="Example"
            size={sizes[0] ?? 0}
            onPointerDown={(event) => resize.start('example', event)}
            onResize={(delta) => resize.by('example', delta)}
          />
        </th>
        {columns.map((column, i) =>
          i < from || i > to ? null : (
            <ColumnHeader
              key={column.id}
              column={column}
              label={labels.get(column.sessionName) ?? column.sessionName}
              colIndex={i + 2}
              color={sessionColor(column.sessionIndex)}
              isBaseline={column.sessionId === baseline}
              counts={counts[column.id]}
              keys={keys}
              active={active}
              onSetBaseline={actions.setBaseline}
              onMove={actions.moveSession}
              onShowChanges={onShowChanges}
              marker={column.sessionId === baseline ? null : marker?.(column.sessionId)}
              link={sessionLink?.(column.sessionId)}
              canMove={{
                left: column.sessionIndex > 0,
                right: column.sessionIndex < lastSessionIndex,
              }}
              resizeHandle={
                <ResizeHandle
                  label={column.sessionName}
                  size={sizes[i + 1] ?? 0}
                  onPointerDown={(event) => resize.start(column.id, event)}
                  onResize={(delta) => resize.by(column.id, delta)}
                />
              }
            />
          ),
        )}
      </tr>
    </thead>
  );
});
