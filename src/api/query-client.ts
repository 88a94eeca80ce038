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

export function shouldRetry(failureCount: number, error: unknown): boolean {
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
