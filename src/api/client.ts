import type { z } from 'zod/mini';
import { WorkSlices } from '../lib/scheduling';
import { BodyText, type TextLike } from './body-text';
import {
  ApiError,
  describeValue,
  kindForStatus,
  parseRetryAfter,
  type SchemaProblem,
  type ValidationDetail,
} from './errors';

/**
 * A server that has not started to answer after this long is given up on and reported. It
 * bounds the wait for the answer to start (its status and headers), not the download of a
 * large body that is arriving.
 */
export const REQUEST_TIMEOUT_MS = 30_000;

export type QueryValue = string | number | boolean | null | undefined | readonly string[];

export interface RequestOptions {
  method?: 'GET' | 'POST';
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
  timeoutMs?: number;
  /**
   * The body is read only once this settles (the status is known before): the body of a
   * large page waits while its first screen renders, rather than competing with it.
   */
  readAfter?: Promise<unknown>;
  /**
   * Hears a successful answer's text as it is decoded, piece by piece, in order: work on a
   * large body can go on while the rest arrives. The reading gives the page a turn whenever
   * it (with this work) has run for a slice.
   */
  onText?: (piece: string) => void;
}

/** What a successful answer is told to: the snapshot recorder keeps the raw text. */
export interface Answer {
  method: 'GET' | 'POST';
  /** Path with its query, as requested. */
  url: string;
  /** The JSON body as sent, or null. */
  body: string | null;
  /** The body; `toString()` joins a large one's chunks (only a snapshot needs that). */
  text: TextLike;
}

type Transport = (url: string, init: RequestInit) => Promise<Response>;

let transport: Transport | null = null;
let answerListener: ((answer: Answer) => void) | null = null;

/**
 * Answers every request instead of the network (a snapshot answers from what it embeds):
 * the responses still go through the same status, parse and schema path. Null: `fetch`.
 */
export function setTransport(next: Transport | null): void {
  transport = next;
}

/** Told each successful answer's raw text (the same text the parse reads, not a copy). */
export function setAnswerListener(next: ((answer: Answer) => void) | null): void {
  answerListener = next;
}

function requestInit(method: string, body: string | undefined, signal: AbortSignal): RequestInit {
  return {
    method,
    headers:
      body === undefined
        ? { Accept: 'application/json' }
        : { Accept: 'application/json', 'Content-Type': 'application/json' },
    body,
    signal,
    credentials: 'same-origin',
  };
}

interface EarlyRequest {
  response: Promise<Response>;
  abort(reason?: unknown): void;
}

/** Requests sent before the app's code has loaded, by method, path and body as sent. */
const earlyRequests = new Map<string, EarlyRequest>();
const earlyKey = (method: string, url: string, body: string | undefined) =>
  `${method} ${url}\n${body ?? ''}`;

/**
 * Sends a request now, before the code that reads its answer has loaded (the page's first
 * chunk knows the view's request from the URL): the first `fetchRaw` of the same method,
 * path and body takes it over instead of asking again, and reads it as it would its own.
 */
export function sendEarly(method: 'GET' | 'POST', path: string, bodyValue?: unknown): void {
  if (transport) return;
  const body = bodyValue === undefined ? undefined : JSON.stringify(bodyValue);
  const key = earlyKey(method, path, body);
  if (earlyRequests.has(key)) return;
  const controller = new AbortController();
  const response = fetch(path, requestInit(method, body, controller.signal));
  // Its failure is reported by the fetchRaw that takes it over, not as an unhandled rejection.
  response.catch(() => undefined);
  earlyRequests.set(key, { response, abort: (reason) => controller.abort(reason) });
}

function takeEarly(method: string, url: string, body: string | undefined): EarlyRequest | null {
  const key = earlyKey(method, url, body);
  const early = earlyRequests.get(key);
  if (!early) return null;
  earlyRequests.delete(key);
  return early;
}

/** Cancels the early requests no fetchRaw took over (the view the app shows asks otherwise). */
export function forgetEarly(): void {
  for (const early of earlyRequests.values()) early.abort();
  earlyRequests.clear();
}

export function buildPath(path: string, query?: Record<string, QueryValue>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) for (const item of value) params.append(name, item);
    else params.append(name, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/**
 * Fetches same-origin JSON and parses it with `schema`. Never returns an unchecked cast:
 * the result is whatever the schema produced, or an ApiError says why not.
 */
export async function fetchJson<S extends z.ZodMiniType>(
  path: string,
  schema: S,
  options: RequestOptions = {},
): Promise<z.output<S>> {
  const json = await fetchRaw(path, options);
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new ApiError({
      kind: 'schema',
      path,
      message: 'The server answered with data Versus cannot read.',
      problems: toProblems(parsed.error, json),
    });
  }
  return parsed.data;
}

/**
 * The transport half: status handling and timeout; the body as text (in the chunks it
 * arrived in) when `raw`, else JSON.
 */
export async function fetchRaw(
  path: string,
  options: RequestOptions & { raw: true },
): Promise<BodyText>;
export async function fetchRaw(path: string, options?: RequestOptions): Promise<unknown>;
export async function fetchRaw(
  path: string,
  options: RequestOptions & { raw?: boolean } = {},
): Promise<unknown> {
  const url = buildPath(path, options.query);
  const timeoutMs = options.timeoutMs ?? REQUEST_TIMEOUT_MS;
  // Cleared once the answer starts: a 168 MB body may take longer than this to arrive.
  const timeout = new AbortController();
  const timer = setTimeout(
    () => timeout.abort(new DOMException('No answer in time', 'TimeoutError')),
    timeoutMs,
  );
  const signal = options.signal
    ? AbortSignal.any([options.signal, timeout.signal])
    : timeout.signal;
  let response: Response;
  const method = options.method ?? 'GET';
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  try {
    const early = takeEarly(method, url, body);
    if (early) signal.addEventListener('abort', () => early.abort(signal.reason), { once: true });
    response = await (early?.response ??
      (transport ?? fetch)(url, requestInit(method, body, signal)));
  } catch (error) {
    if (options.signal?.aborted) throw options.signal.reason ?? error;
    if (timeout.signal.aborted) {
      throw new ApiError({
        kind: 'timeout',
        path: url,
        message: `The server did not start to answer within ${Math.round(timeoutMs / 1000)} s.`,
      });
    }
    throw new ApiError({
      kind: 'network',
      path: url,
      message:
        typeof navigator !== 'undefined' && navigator.onLine === false
          ? 'You are offline.'
          : 'The server could not be reached.',
    });
  } finally {
    clearTimeout(timer);
  }
  if (response.ok && options.readAfter) {
    await options.readAfter.catch(() => undefined);
    options.signal?.throwIfAborted();
  }
  let text: BodyText;
  try {
    text = await readBody(response, response.ok ? options.onText : undefined);
  } catch (error) {
    if (options.signal?.aborted) throw options.signal.reason ?? error;
    throw new ApiError({
      kind: 'network',
      path: url,
      message: 'The connection broke while the answer was arriving.',
    });
  }
  if (!response.ok) throw httpError(url, response, text.toString());
  answerListener?.({ method, url, body: body ?? null, text });
  return options.raw ? text : parseJsonText(text.toString(), url);
}

/**
 * The body as text, decoded chunk by chunk as it downloads and kept in those chunks (see
 * body-text.ts): a body of many megabytes is neither decoded nor joined in one go after its
 * last byte. Same text as response.text() (UTF-8, BOM dropped).
 */
async function readBody(response: Response, onText?: (piece: string) => void): Promise<BodyText> {
  const body = response.body;
  if (!body || typeof TextDecoder === 'undefined') {
    const whole = await response.text();
    onText?.(whole);
    return new BodyText([whole]);
  }
  const decoder = new TextDecoder();
  const reader = body.getReader();
  const parts: string[] = [];
  const slices = new WorkSlices();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    for (let at = 0; at < value.length; at += DECODE_PIECE) {
      const piece = decoder.decode(value.subarray(at, at + DECODE_PIECE), { stream: true });
      parts.push(piece);
      // Chunks already downloaded are read without a task between them: the listener's work
      // gives the page a turn after each slice. Decoding does not count: a reader that waits
      // for idle moments to decode leaves the connection's buffer full (a 168 MB body took
      // over a second longer here).
      const due = onText !== undefined && slices.run(() => onText(piece));
      if (due) await slices.next();
    }
  }
  const last = decoder.decode();
  parts.push(last);
  onText?.(last);
  return new BodyText(parts);
}

/**
 * Bytes decoded per call. A busy page reads a large body in chunks of up to 2 MB, and
 * Chromium decodes a 2 MB chunk about 20 times slower per byte than 64 KB ones (a 17 MB body:
 * 222 ms against 11 ms).
 */
const DECODE_PIECE = 64 * 1024;

export function parseJsonText(text: string, path: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw notJsonError(text, path);
  }
}

/** The error for a body that is not JSON (anywhere in it), with its first bytes. */
export function notJsonError(text: TextLike, path: string): ApiError {
  return new ApiError({
    kind: 'not-json',
    path,
    message: 'The server answered with something that is not JSON.',
    bodySnippet: text.slice(0, 200),
  });
}

function httpError(path: string, response: Response, text: string): ApiError {
  const kind = kindForStatus(response.status);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const detail = readDetail(body);
  const serverMessage =
    typeof detail === 'string' ? detail : Array.isArray(detail) ? undefined : text.slice(0, 200);
  return new ApiError({
    kind,
    path,
    status: response.status,
    message: serverMessage?.trim() || `${response.status} ${response.statusText}`.trim(),
    detail: Array.isArray(detail) ? detail : [],
    retryAfterMs: parseRetryAfter(response.headers.get('Retry-After')),
  });
}

function readDetail(body: unknown): string | ValidationDetail[] | undefined {
  if (!body || typeof body !== 'object' || !('detail' in body)) return undefined;
  const detail = (body as { detail: unknown }).detail;
  if (typeof detail === 'string') return detail;
  if (!Array.isArray(detail)) return undefined;
  return detail.map((item): ValidationDetail => {
    const record = (item && typeof item === 'object' ? item : {}) as Record<string, unknown>;
    return {
      loc: Array.isArray(record.loc)
        ? record.loc.filter(
            (part): part is string | number => typeof part === 'string' || typeof part === 'number',
          )
        : [],
      msg: typeof record.msg === 'string' ? record.msg : describeValue(item),
      type: typeof record.type === 'string' ? record.type : 'unknown',
    };
  });
}

export function toProblems(error: z.core.$ZodError, input: unknown): SchemaProblem[] {
  return error.issues.slice(0, 20).map((issue) => ({
    path: formatPath(issue.path),
    message: issue.message,
    value: describeValue(valueAt(input, issue.path)),
  }));
}

export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  return path
    .map((part, i) =>
      typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = input;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[part];
  }
  return current;
}
