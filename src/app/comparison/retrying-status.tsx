import { explainError } from '../../api/explain-error';
import { MAX_RETRIES } from '../../api/query-client';

/** A visible "retrying" state while React Query backs off after a retryable failure. */
export function RetryingStatus({
  failureCount,
  error,
  fetching,
  what,
}: {
  failureCount: number;
  error: unknown;
  fetching: boolean;
  what: string;
}) {
  if (!fetching || failureCount === 0 || failureCount > MAX_RETRIES) return null;
  return (
    <p role="status" className="notice notice--warning">
      Retrying {what} (attempt {failureCount + 1} of {MAX_RETRIES + 1}):{' '}
      {explainError(error, what).title}
    </p>
  );
}
