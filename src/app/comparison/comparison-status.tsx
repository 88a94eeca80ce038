import { explainError } from '../../api/explain-error';
import { ErrorMessage } from '../../components/error-message';
import { RetryingStatus } from './retrying-status';
import type { GroupedData } from './use-grouped-data';

/** Loading, retrying, failures and a cancelled "Load all": what the data is doing. */
export function ComparisonStatus({ data }: { data: GroupedData }) {
  const { page, loadAll } = data;
  return (
    <>
      {page.isPending ? (
        <div className="skeleton" role="status">
          Loading the comparison…
        </div>
      ) : null}
      <RetryingStatus
        failureCount={page.failureCount}
        error={page.failureReason}
        fetching={page.isFetching}
        what="the grouped runs"
      />
      {page.isError ? (
        <ErrorMessage
          {...explainError(page.error, 'the grouped runs')}
          onRetry={() => page.refetch()}
        />
      ) : null}
      {loadAll.status === 'error' ? (
        <ErrorMessage
          {...explainError(loadAll.error, 'the remaining pages')}
          onRetry={data.startLoadAll}
        />
      ) : null}
      {loadAll.status === 'cancelled' ? (
        <p role="status" className="notice">
          Loading all examples was cancelled; the current page is shown.
        </p>
      ) : null}
    </>
  );
}
