import type { TextLike } from '../body-text';
import {
  GroupedRunsLocator,
  type ScannedGroupedRuns,
  type Span,
  scanGroupedRuns,
} from './json-scan';

/**
 * A large group/runs body read while it downloads: each piece of text is located as it
 * arrives (json-scan.ts), and the examples completed so far are JSON.parse'd in batches, so
 * that little of the parse is left once the last byte is in. What a batch reads is the same
 * text the parse after the download would read (`[` + the examples' span + `]`), and nothing
 * is decided here: the parse (parse-progressive.ts) takes the located structure and the
 * batches it finds, reads any other batch itself, and reports errors as before. A batch that
 * does not parse stops the work here; the parse meets it again and says why.
 */

/** Examples parsed per JSON.parse call, counted from each group's first example. */
export const PARSE_BATCH = 64;

export class StreamedGroupedRuns {
  readonly #from: number;
  readonly #locator: GroupedRunsLocator;
  /** Characters fed so far. */
  #fed = 0;
  #started = false;
  #stopped = false;
  /** The text from `#heldFrom` on: what the examples not yet parsed may still need. */
  #held: string[] = [];
  #heldFrom = 0;
  /** Located examples not yet parsed: consecutive elements of one group's examples. */
  #pending: Span[] = [];
  /** Parsed batches by the start of their first example. */
  readonly #batches = new Map<number, unknown[]>();
  /** Where the last example located ends. */
  #locatedUpTo = 0;
  /** Time spent here (locating and parsing), for the app's parse measure. */
  busyMs = 0;

  /** `from`: a body shorter than this is left to the parse after the download. */
  constructor(from: number) {
    this.#from = from;
    this.#locator = new GroupedRunsLocator((span, index) => {
      if (index === 0) this.#parsePending();
      this.#pending.push(span);
      this.#locatedUpTo = span.end;
      if (this.#pending.length === PARSE_BATCH) this.#parsePending();
    });
  }

  /** The next piece of the body's text. */
  feed(piece: string): void {
    if (this.#stopped || piece.length === 0) return;
    const started = performance.now();
    this.#held.push(piece);
    this.#fed += piece.length;
    if (this.#started) this.#locator.feed(piece);
    else if (this.#fed >= this.#from) {
      this.#started = true;
      for (const part of this.#held) this.#locator.feed(part);
    }
    if (this.#locator.failed) this.#stop();
    else this.#release();
    this.busyMs += performance.now() - started;
  }

  /**
   * Where the groups and examples are in `text` (the whole body); null when the text is not the
   * shape the locator expects. Located now if the body was too short to be read as it came.
   */
  located(text: TextLike): ScannedGroupedRuns | null {
    if (!this.#started || this.#stopped || this.#fed !== text.length) return scanGroupedRuns(text);
    return this.#locator.finish(text);
  }

  /**
   * The `count` examples from `first` on as parsed during the download, if they were; handed
   * over once (the parse keeps what it makes of them, not these).
   */
  takeBatch(first: Span, count: number): unknown[] | undefined {
    const batch = this.#batches.get(first.start);
    if (batch?.length !== count) return undefined;
    this.#batches.delete(first.start);
    return batch;
  }

  #parsePending(): void {
    const spans = this.#pending;
    if (spans.length === 0) return;
    this.#pending = [];
    const first = spans[0] as Span;
    const last = spans[spans.length - 1] as Span;
    let values: unknown;
    try {
      values = JSON.parse(this.#slice(first.start, last.end));
    } catch {
      this.#stop();
      return;
    }
    this.#batches.set(first.start, values as unknown[]);
  }

  /** `[` + the text from `start` to `end` + `]`: within the held pieces. */
  #slice(start: number, end: number): string {
    const out = ['['];
    let at = this.#heldFrom;
    for (const piece of this.#held) {
      const next = at + piece.length;
      if (next > start && at < end) out.push(piece.slice(Math.max(0, start - at), end - at));
      if (next >= end) break;
      at = next;
    }
    out.push(']');
    return out.join('');
  }

  /** Lets go of the pieces before the first example still to be parsed (or being located). */
  #release(): void {
    if (!this.#started) return;
    // An example not yet located starts after the last one located.
    const keep = this.#pending[0]?.start ?? this.#locatedUpTo;
    while (this.#held.length > 1) {
      const first = this.#held[0] as string;
      if (this.#heldFrom + first.length > keep) break;
      this.#held.shift();
      this.#heldFrom += first.length;
    }
  }

  #stop(): void {
    this.#stopped = true;
    this.#held = [];
    this.#pending = [];
  }
}
