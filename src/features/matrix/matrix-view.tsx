import type { ReactNode } from 'react';
import type { GroupBy } from '../../api/grouped-runs/request';
import type { Group, Reading } from '../../api/grouped-runs/schemas';
import { formatCount } from '../../lib/format';
import { plural, pluralWord } from '../../lib/plural';
import { usePreferences } from '../../lib/preferences';
import type { Matrix, MatrixRow } from './model/types';
import { MatrixTable } from './table/matrix-table';
import { type MatrixSettings, MatrixToolbar, type SessionInfo } from './toolbar/matrix-toolbar';

export interface PagingInfo {
  page: number;
  pageCount: number;
  /** Examples in the largest group, as the server counts them. */
  total: number;
  allLoaded: boolean;
  loadingAll: { loaded: number; total: number } | null;
  onPage: (page: number) => void;
  onLoadAll: () => void;
  onCancel: () => void;
}

/** The matrix with its toolbar and pager; all state comes from (and goes to) the URL. */
export function MatrixView({
  matrix,
  rows,
  counts,
  flippedSet,
  groups,
  groupBy,
  sessions,
  baseline,
  settings,
  onChange,
  onSetBaseline,
  onMoveSession,
  headerMarker,
  openExample,
  onOpen,
  paging,
  sectionSummary,
  reading = null,
}: {
  matrix: Matrix;
  rows: MatrixRow[];
  counts: Parameters<typeof MatrixTable>[0]['counts'];
  flippedSet: ReadonlySet<string>;
  groups: Group[];
  groupBy: GroupBy;
  sessions: SessionInfo[];
  baseline: string;
  settings: MatrixSettings;
  onChange: (patch: Partial<MatrixSettings>, mode?: 'push' | 'replace') => void;
  onSetBaseline: (id: string) => void;
  onMoveSession: (id: string, delta: -1 | 1) => void;
  /** Extra content for a session's column header (e.g. a statistics marker). */
  headerMarker?: (sessionId: string) => ReactNode;
  openExample: string | null;
  onOpen: (exampleId: string) => void;
  paging: PagingInfo;
  sectionSummary?: (sectionIndex: number) => string;
  /** While a large response is read: how many of its examples are in the matrix so far. */
  reading?: Reading | null;
}) {
  const keys = matrix.feedbackKeys
    .map((k) => k.key)
    .filter((k) => !settings.hiddenKeys.includes(k));
  const loadedRows = matrix.rows.length;
  const [{ density }] = usePreferences();
  return (
    <section className="matrix-section" aria-label="Examples">
      <MatrixToolbar
        settings={settings}
        onChange={onChange}
        sessions={sessions}
        baseline={baseline}
        onSetBaseline={onSetBaseline}
        feedbackKeys={matrix.feedbackKeys}
        columns={matrix.columns}
      />
      <div className="matrix-status">
        {reading ? (
          <p role="status" className="matrix-status__count matrix-status__count--reading">
            Showing the first {formatCount(reading.examples)} of {formatCount(reading.of)} examples
            while the rest are read; sorting, filters and statistics then cover them all.
          </p>
        ) : (
          <p role="status" className="matrix-status__count">
            Showing {formatCount(rows.length)} of {formatCount(loadedRows)} loaded{' '}
            {pluralWord(loadedRows, 'example')}
            {paging.total > loadedRows
              ? ` (${formatCount(paging.total)} in the largest group)`
              : ''}
            .
            {matrix.foreignRuns > 0
              ? ` ${plural(matrix.foreignRuns, 'run')} of other experiments not shown.`
              : ''}
          </p>
        )}
        <Pager paging={paging} />
      </div>
      {groups.length > 0 && matrix.columns.length === 0 ? (
        <p className="empty-state">None of the chosen experiments has runs in these groups.</p>
      ) : null}
      {rows.length === 0 && loadedRows > 0 ? (
        <p className="empty-state">No example matches these filters.</p>
      ) : null}
      {groupBy === 'run_metadata' && groups.length > 0 && loadedRows === 0 ? (
        <p className="empty-state">
          The groups share no examples: each group lists only examples that all of its experiments
          ran.
        </p>
      ) : null}
      {rows.length > 0 ? (
        <MatrixTable
          matrix={matrix}
          rows={rows}
          baseline={baseline}
          hidden={settings.hidden}
          keys={keys}
          flipped={flippedSet}
          showMetrics={settings.metrics}
          counts={counts}
          openExample={openExample}
          onOpen={onOpen}
          onSetBaseline={onSetBaseline}
          onMoveSession={onMoveSession}
          headerMarker={headerMarker}
          compact={density === 'compact'}
          sectionSummary={sectionSummary}
          holds={reading === null ? 'complete' : reading.from}
        />
      ) : null}
    </section>
  );
}

function Pager({ paging }: { paging: PagingInfo }) {
  if (paging.loadingAll) {
    const { loaded, total } = paging.loadingAll;
    return (
      <div className="pager">
        <label className="pager__progress">
          Loading all examples: {formatCount(loaded)} of {formatCount(total)}
          <progress max={Math.max(total, 1)} value={loaded} />
        </label>
        <button type="button" className="button" onClick={paging.onCancel}>
          Cancel
        </button>
      </div>
    );
  }
  if (paging.allLoaded) return null;
  return (
    <nav className="pager" aria-label="Pages">
      <button
        type="button"
        className="button"
        disabled={paging.page <= 1}
        onClick={() => paging.onPage(paging.page - 1)}
      >
        Previous page
      </button>
      <span>
        Page {paging.page} of {paging.pageCount}
      </span>
      <button
        type="button"
        className="button"
        disabled={paging.page >= paging.pageCount}
        onClick={() => paging.onPage(paging.page + 1)}
      >
        Next page
      </button>
      <button type="button" className="button" onClick={paging.onLoadAll}>
        Load all {formatCount(paging.total)}
      </button>
    </nav>
  );
}
