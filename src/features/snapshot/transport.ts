import { answerKey } from './recorder';

interface EmbeddedAnswer {
  method: 'GET' | 'POST';
  url: string;
  body: string | null;
  text: string;
}

/** Said for any request the file cannot answer: a search, another page, another dataset. */
export const NOT_IN_SNAPSHOT =
  'This snapshot holds only the view it was taken of: open Versus on its server to see other data.';

/**
 * The API client's transport in a snapshot: each request is answered from the embedded
 * answers, as a Response built in memory, so the same status, parse and schema path runs as
 * on the server. A request the file does not hold is a 400 that says so (never a network call).
 */
export function snapshotTransport(answers: readonly EmbeddedAnswer[]) {
  const byKey = new Map(answers.map((a) => [answerKey(a.method, a.url, a.body), a.text]));
  return async (url: string, init: RequestInit): Promise<Response> => {
    const body = typeof init.body === 'string' ? init.body : null;
    const text = byKey.get(answerKey(init.method ?? 'GET', url, body));
    init.signal?.throwIfAborted();
    if (text === undefined) {
      return new Response(JSON.stringify({ detail: NOT_IN_SNAPSHOT }), {
        status: 400,
        statusText: 'Not in this snapshot',
        headers: { 'Content-Type': 'application/json' },
      });
    }
    return new Response(text, { status: 200, headers: { 'Content-Type': 'application/json' } });
  };
}
