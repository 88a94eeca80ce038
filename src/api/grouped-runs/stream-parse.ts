import { atIdleMoment, type IdleScheduler } from '../../lib/scheduling';
import { BodyText, type TextLike } from '../body-text';
import {
  GroupedRunsLocator,
  type ScannedGroupedRuns,
  type Span,
  scanGroupedRuns,
} from './json-scan';

/**
 * A large group/runs body read while it downloads: each piece of text is located as it
 * arrives (json-scan.ts), and the examples completed so far are JSON.parse'd in batches at the
 * page's idle moments, so that little of the parse is left once the last byte is in. Reading
 * never waits for the parse: a reader that stops to parse leaves the connection's buffer full,
 * and the download waits for it (on this machine a 168 MB body took 2 s longer).
 *
 * What a batch reads is the same text the parse after the download would read (`[` + the
 * examples' span + `]`), and nothing is decided here: the parse (parse-progressive.ts) takes
 * the located structure and the batches it finds, reads any other batch itself, and reports
 * errors as before. A batch that does not parse stops the work here; the parse meets it again
 * and says why.
 */

/** Examples parsed per JSON.parse call, counted from each group's first example. */
export const PARSE_BATCH = 64;

/** Leave the rest of an idle moment this short to the page. */
const IDLE_MARGIN_MS = 3;

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
  /** Located examples not yet in a batch: consecutive elements of one group's examples. */
  #pending: Span[] = [];
  /** Complete batches waiting for an idle moment, oldest first. */
  #queue: Span[][] = [];
  #scheduled = false;
  readonly #schedule: IdleScheduler;
  /** Parsed batches by the start of their first example. */
  readonly #batches = new Map<number, unknown[]>();
  /** Where the last example located ends. */
  #locatedUpTo = 0;
  /** Time spent here (locating and parsing), for the app's parse measure. */
  busyMs = 0;

  /**
   * `from`: a body shorter than this is left to the parse after the download. `schedule`:
   * when batches are parsed (tests parse them at once).
   */
  constructor(from: number, schedule: IdleScheduler = atIdleMoment) {
    this.#from = from;
    this.#schedule = schedule;
    this.#locator = new GroupedRunsLocator((span, index) => {
      if (index === 0) this.#queuePending();
      this.#pending.push(span);
      this.#locatedUpTo = span.end;
      if (this.#pending.length === PARSE_BATCH) this.#queuePending();
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
    // The parse takes over: batches still waiting are its to read.
    const stoppedEarly = this.#stopped;
    this.#stop();
    if (!this.#started || stoppedEarly || this.#fed !== text.length) return scanGroupedRuns(text);
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

  /** Stops the work here: the body will not be parsed (its request failed or was dropped). */
  cancel(): void {
    this.#stop();
  }

  #queuePending(): void {
    if (this.#pending.length === 0) return;
    this.#queue.push(this.#pending);
    this.#pending = [];
    if (this.#scheduled || this.#stopped) return;
    this.#scheduled = true;
    this.#schedule((timeLeft) => this.#parseQueued(timeLeft));
  }

  /** Parses waiting batches while the idle moment lasts; the rest at the next one. */
  #parseQueued(timeLeft: () => number): void {
    this.#scheduled = false;
    if (this.#stopped) return;
    const started = performance.now();
    while (this.#queue.length > 0 && timeLeft() > IDLE_MARGIN_MS) {
      const spans = this.#queue.shift() as Span[];
      if (!this.#parse(spans)) break;
    }
    this.busyMs += performance.now() - started;
    if (this.#stopped) return;
    this.#release();
    if (this.#queue.length > 0) {
      this.#scheduled = true;
      this.#schedule((next) => this.#parseQueued(next));
    }
  }

  /** Parses one batch; false (and no more work here) when it is not JSON. */
  #parse(spans: readonly Span[]): boolean {
    const first = spans[0] as Span;
    const last = spans[spans.length - 1] as Span;
    let values: unknown;
    try {
      values = JSON.parse(this.#slice(first.start, last.end));
    } catch {
      this.#stop();
      return false;
    }
    this.#batches.set(first.start, values as unknown[]);
    return true;
  }

  /** `[` + the text from `start` to `end` + `]`: within the held pieces. */
  #slice(start: number, end: number): string {
    const from = this.#heldFrom;
    return new BodyText(this.#held).slice(start - from, end - from, '[', ']');
  }

  /** Lets go of the pieces before the first example still to be parsed (or being located). */
  #release(): void {
    if (!this.#started) return;
    // An example not yet located starts after the last one located.
    const keep = this.#queue[0]?.[0]?.start ?? this.#pending[0]?.start ?? this.#locatedUpTo;
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
    this.#queue = [];
  }
}
