import type { CSSProperties } from 'react';
import { formatGroupKey } from '../../../lib/format';
import { plural } from '../../../lib/plural';

/**
 * A section header row (example_metadata grouping): the group's key, its example count and
 * aggregates; a click or Enter folds the section.
 */
export function SectionRow({
  sectionKey,
  count,
  summary,
  open,
  itemIndex,
  rowIndex,
  colCount,
  style,
  focused,
  onToggle,
  onFocus,
}: {
  sectionKey: string | number;
  count: number;
  /** The section's aggregates line, if any. */
  summary: string | null;
  open: boolean;
  itemIndex: number;
  rowIndex: number;
  colCount: number;
  style: CSSProperties;
  /** The grid's focus is on this row (its one cell takes the tab stop). */
  focused: boolean;
  onToggle: () => void;
  onFocus: () => void;
}) {
  return (
    <tr
      className="matrix__row matrix__section"
      style={style}
      aria-rowindex={rowIndex}
      data-item-index={itemIndex}
    >
      <th
        scope="rowgroup"
        aria-colindex={1}
        colSpan={colCount}
        aria-expanded={open}
        tabIndex={focused ? 0 : -1}
        data-col-index={0}
        className="matrix__section-header"
        onClick={onToggle}
        onFocus={onFocus}
      >
        <span aria-hidden="true">{open ? '▾' : '▸'}</span>{' '}
        <strong>{formatGroupKey(sectionKey)}</strong>{' '}
        <span className="matrix__section-meta">
          {plural(count, 'example')}
          {summary ? ` · ${summary}` : ''}
        </span>
      </th>
    </tr>
  );
}
