import { useExplainError } from '../../api/explain-error';
import { ErrorMessage } from '../../components/error-message';
import { StillWaiting } from '../../components/still-waiting';
import { formatCount } from '../../lib/format';
import { RetryingStatus } from './retrying-status';
import type { GroupedData } from './use-grouped-data';

/** Loading, retrying, failures and a cancelled "Load all": what the data is doing. */
export function ComparisonStatus({ data }: { data: GroupedData }) {
  const { page, loadAll } = data;
  const explain = useExplainError();
  return (
    <>
      {page.isPending && page.fetchStatus !== 'idle' ? (
        <div className="skeleton" role="status">
          Loading the comparison…
        </div>
      ) : null}
      <StillWaiting active={page.isFetching} what="the grouped runs" onCancel={data.cancelPage} />
      {page.isPending && page.fetchStatus === 'idle' ? (
        <div role="status" className="notice">
          <p>Loading the grouped runs was cancelled.</p>
          <button type="button" className="button" onClick={() => page.refetch()}>
            Retry
          </button>
        </div>
      ) : null}
      <RetryingStatus
        failureCount={page.failureCount}
        error={page.failureReason}
        fetching={page.isFetching}
        what="the grouped runs"
      />
      {page.isError ? (
        <ErrorMessage {...explain(page.error, 'the grouped runs')} onRetry={() => page.refetch()} />
      ) : null}
      {loadAll.status === 'error' ? (
        <ErrorMessage
          {...explain(loadAll.error, 'the remaining pages')}
          onRetry={data.startLoadAll}
        />
      ) : null}
      {loadAll.status === 'cancelled' ? (
        <p role="status" className="notice">
          Loading all examples was cancelled; the {formatCount(loadAll.loaded)} loaded are shown.
        </p>
      ) : null}
    </>
  );
}
