import type { IncomingMessage, ServerResponse } from 'node:http';
import { splitTarget } from './proxy-rules.ts';

/**
 * One JSON line per request, written when its response ends (or the browser leaves). It
 * holds what an operator needs and nothing that could be a secret: no header (so no key,
 * cookie or Authorization), no query value (only the names of parameters the app uses).
 */
export interface RequestLogLine {
  time: string;
  method: string;
  path: string;
  query?: string[];
  status: number;
  ms: number;
  /** Set when the browser closed the connection before the response ended. */
  aborted?: true;
}

export type LogWriter = (line: string) => void;

export const stdoutWriter: LogWriter = (line) => {
  process.stdout.write(`${line}\n`);
};

const MAX_PATH = 200;

export function logRequest(req: IncomingMessage, res: ServerResponse, write: LogWriter): void {
  const started = performance.now();
  const { path, query } = splitTarget(req.url ?? '');
  res.once('close', () => {
    const line: RequestLogLine = {
      time: new Date().toISOString(),
      method: safeMethod(req.method),
      path: safePath(path),
      status: res.statusCode,
      ms: Math.round(performance.now() - started),
    };
    const names = queryNames(query);
    if (names.length > 0) line.query = names;
    if (!res.writableFinished) line.aborted = true;
    write(JSON.stringify(line));
  });
}

function safeMethod(method: string | undefined): string {
  return method && /^[A-Z]{1,20}$/.test(method) ? method : '?';
}

/** Long or odd paths are cut and masked: a path is the client's text, not ours. */
function safePath(path: string): string {
  const printable = path.replace(/[^\x21-\x7e]/g, '?');
  return printable.length > MAX_PATH ? `${printable.slice(0, MAX_PATH)}…` : printable;
}

/** Parameter names only, and only plausible ones (a name could be pasted text too). */
function queryNames(query: string): string[] {
  if (!query) return [];
  const names = new Set<string>();
  for (const pair of query.split('&')) {
    const name = pair.split('=')[0] ?? '';
    names.add(/^[a-z_]{1,40}$/.test(name) ? name : '(other)');
  }
  return [...names];
}
