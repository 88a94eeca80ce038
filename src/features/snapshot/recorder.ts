/**
 * What the page was answered, kept so a snapshot can embed exactly the data its view used.
 * Loaded with the app (it must hear the first request), so it stays tiny: a map of raw
 * answer texts (the very texts the parse read, not copies; a large one is joined only when a
 * snapshot is taken), bounded by the snapshot limit.
 */

/** Above this much data a snapshot is refused: the file would be too large to send or open. */
export const SNAPSHOT_DATA_LIMIT = 50 * 1024 * 1024;

export interface RecordedAnswer {
  method: 'GET' | 'POST';
  /** Path and query, as requested. */
  url: string;
  /** The JSON body as sent, or null. */
  body: string | null;
  /**
   * The raw answer (a string, or the body's chunks: `toString()` joins them), or null once it
   * was dropped (too large to keep, or the oldest).
   */
  text: AnswerText | null;
  /** Dropped to make room for newer answers, not for its own size. */
  evicted?: boolean;
  /** Its length in characters (about its size in bytes: JSON is mostly ASCII). */
  size: number;
}

/** An answer's text: its length, and the whole text when asked (see api/body-text.ts). */
export interface AnswerText {
  readonly length: number;
  toString(): string;
}

export interface Recorder {
  record(answer: {
    method: 'GET' | 'POST';
    url: string;
    body: string | null;
    text: AnswerText;
  }): void;
  answers(): RecordedAnswer[];
  /** Changes with every answer recorded: for a button that says what it would save. */
  version(): number;
  subscribe(listener: () => void): () => void;
}

export function answerKey(method: string, url: string, body: string | null): string {
  return `${method} ${url}\n${body ?? ''}`;
}

/** Only the LangSmith API is recorded: never the server's own routes or the sign-in. */
function isRecordable(url: string): boolean {
  return url.startsWith('/api/');
}

/**
 * The latest answer per request, oldest first. Past `limit` characters in all, the oldest
 * answers' texts are dropped; an answer larger than `limit` on its own keeps only its size.
 * Either way the entry stays, so the snapshot button can say why it cannot save that view.
 */
export function createRecorder(limit = SNAPSHOT_DATA_LIMIT): Recorder {
  const entries = new Map<string, RecordedAnswer>();
  const listeners = new Set<() => void>();
  let total = 0;
  let version = 0;
  return {
    record({ method, url, body, text }) {
      if (!isRecordable(url)) return;
      const key = answerKey(method, url, body);
      const previous = entries.get(key);
      if (previous) {
        total -= previous.text === null ? 0 : previous.size;
        entries.delete(key);
      }
      const size = text.length;
      const kept = size <= limit ? text : null;
      if (kept !== null) {
        for (const old of entries.values()) {
          if (total + size <= limit) break;
          if (old.text === null) continue;
          // Its size stays: a snapshot of its view can say why it cannot be saved.
          total -= old.size;
          old.text = null;
          old.evicted = true;
        }
        total += size;
      }
      entries.set(key, { method, url, body, text: kept, size });
      version += 1;
      for (const listener of listeners) listener();
    },
    answers: () => [...entries.values()],
    version: () => version,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * The page's recorder, which main.tsx connects to the API client at boot. It imports nothing
 * itself, so the snapshot button's lazy chunk shares it without moving the client's chunk.
 */
export const pageRecorder = createRecorder();
