import './matrix.css';
import { formatCount } from '../../lib/format';
import { plural, pluralWord } from '../../lib/plural';
import { MatrixProvider, type MatrixState, type PagingInfo, useMatrix } from './matrix-context';
import { MatrixLinksContext } from './matrix-links';
import { MatrixTable } from './table/matrix-table';
import { MatrixToolbar } from './toolbar/matrix-toolbar';

/** The matrix with its toolbar and pager; all state comes from (and goes to) the URL. */
export function MatrixView({ state }: { state: MatrixState }) {
  return (
    <MatrixProvider value={state}>
      <MatrixLinksContext value={state.links ?? null}>
        <section className="matrix-section" aria-label="Examples">
          <MatrixToolbar />
          <div className="matrix-status">
            <MatrixStatus />
            <Pager paging={state.paging} />
          </div>
          <MatrixBody />
        </section>
      </MatrixLinksContext>
    </MatrixProvider>
  );
}

/** How many examples are shown, of how many loaded (or read so far), and what is left out. */
function MatrixStatus() {
  const { model, reading, paging } = useMatrix();
  const { matrix, rows } = model;
  const loadedRows = matrix.rows.length;
  if (reading) {
    return (
      <p role="status" className="matrix-status__count matrix-status__count--reading">
        Showing the first {formatCount(reading.examples)} of {formatCount(reading.of)} examples
        while the rest are read; sorting, filters and statistics then cover them all.
      </p>
    );
  }
  return (
    <p role="status" className="matrix-status__count">
      Showing {formatCount(rows.length)} of {formatCount(loadedRows)} loaded{' '}
      {pluralWord(loadedRows, 'example')}
      {paging.total > loadedRows ? ` (${formatCount(paging.total)} in the largest group)` : ''}.
      {matrix.foreignRuns > 0
        ? ` ${plural(matrix.foreignRuns, 'run')} of other experiments not shown.`
        : ''}
    </p>
  );
}

/** The table, or why there is nothing to show. */
function MatrixBody() {
  const { model, groups } = useMatrix();
  const { matrix, rows } = model;
  const loadedRows = matrix.rows.length;
  return (
    <>
      {groups.length > 0 && matrix.columns.length === 0 ? (
        <p className="empty-state">None of the chosen experiments has runs in these groups.</p>
      ) : null}
      {rows.length === 0 && loadedRows > 0 ? (
        <p className="empty-state">No example matches these filters.</p>
      ) : null}
      {matrix.groupBy === 'run_metadata' && groups.length > 0 && loadedRows === 0 ? (
        <p className="empty-state">
          The groups share no examples: each group lists only examples that all of its experiments
          ran.
        </p>
      ) : null}
      {rows.length > 0 ? <MatrixTable /> : null}
    </>
  );
}

function Pager({ paging }: { paging: PagingInfo }) {
  if (paging.loadingAll?.stopped) {
    const { loaded, total } = paging.loadingAll;
    return (
      <div className="pager">
        <span>
          Loaded {formatCount(loaded)} of {formatCount(total)} examples
        </span>
        <button type="button" className="button" onClick={paging.onLoadAll}>
          Continue loading
        </button>
        <button type="button" className="button" onClick={paging.onShowPages}>
          Show pages
        </button>
      </div>
    );
  }
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
