/**
 * Every way a call can fail, as one typed error. The UI reads `kind` to choose words and
 * actions; `retryable` drives React Query's retries.
 */
export interface ValidationDetail {
  loc: (string | number)[];
  msg: string;
  type: string;
}

export interface SchemaProblem {
  path: string;
  message: string;
  /** A short, printable rendering of the value that failed. */
  value: string;
}

export type ApiErrorKind =
  | 'http'
  | 'unauthorized'
  | 'not-found'
  | 'validation'
  | 'rate-limited'
  | 'server'
  | 'network'
  | 'timeout'
  | 'not-json'
  | 'schema'
  | 'request-invalid';

interface ApiErrorInit {
  kind: ApiErrorKind;
  message: string;
  status?: number;
  path: string;
  detail?: ValidationDetail[];
  problems?: SchemaProblem[];
  bodySnippet?: string;
  retryAfterMs?: number;
}

export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly status: number | undefined;
  /** The request path (never carries a key: keys travel only in the proxy's headers). */
  readonly path: string;
  readonly detail: ValidationDetail[];
  readonly problems: SchemaProblem[];
  readonly bodySnippet: string | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.name = 'ApiError';
    this.kind = init.kind;
    this.status = init.status;
    this.path = init.path;
    this.detail = init.detail ?? [];
    this.problems = init.problems ?? [];
    this.bodySnippet = init.bodySnippet;
    this.retryAfterMs = init.retryAfterMs;
  }

  get retryable(): boolean {
    return (
      this.kind === 'rate-limited' ||
      this.kind === 'server' ||
      this.kind === 'network' ||
      this.kind === 'timeout'
    );
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export function kindForStatus(status: number): ApiErrorKind {
  if (status === 401 || status === 403) return 'unauthorized';
  if (status === 404) return 'not-found';
  if (status === 422) return 'validation';
  if (status === 429) return 'rate-limited';
  if (status >= 500) return 'server';
  return 'http';
}

/** Retry-After is either delta-seconds or an HTTP date. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export function describeValue(value: unknown): string {
  let text: string;
  try {
    text = value === undefined ? 'undefined' : JSON.stringify(value);
  } catch {
    try {
      text = String(value);
    } catch {
      text = '(a value that cannot be printed)';
    }
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
