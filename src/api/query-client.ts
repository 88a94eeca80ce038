import { QueryClient } from '@tanstack/react-query';
import { isApiError } from './errors';

export const MAX_RETRIES = 3;

/** Backoff for retryable failures: the server's Retry-After when given, else exponential. */
export function retryDelay(attempt: number, error: unknown): number {
  if (isApiError(error) && error.retryAfterMs !== undefined) {
    return Math.min(error.retryAfterMs, 60_000);
  }
  return Math.min(500 * 2 ** attempt, 8_000);
}

/**
 * A time-out is not retried on its own: a server that gave no answer in 30 s is struggling,
 * and asking again adds load and hides the wait. The page shows it with a Retry button.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && error.kind === 'timeout') return false;
  return isApiError(error) && error.retryable && failureCount < MAX_RETRIES;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        retryDelay,
        staleTime: 60_000,
        refetchOnWindowFocus: false,
      },
    },
  });
}
