/**
 * A structural reader for the one large document the app receives (group/runs): it finds
 * where each group's fields and each example of a group begin and end in the text, without
 * building any objects. The app can then JSON.parse the first examples of every group and
 * paint them while the rest are parsed in slices.
 *
 * It reads the text in pieces, in order, and can stop at the end of any piece and go on with
 * the next: a body is located while it downloads (stream-parse.ts), and each example is
 * reported as soon as its last character has arrived.
 *
 * It only locates values; JSON.parse of each located span still checks every byte inside
 * it. Anything the reader does not expect (not an object, no "groups" array, a group that
 * is not an object, a syntax error between the located values) makes it answer null, and the
 * caller falls back to JSON.parse of the whole text, which reports the error as before.
 */

import { BodyText, type TextLike } from '../body-text';

/** A value's location: text.slice(start, end) is its JSON. */
export interface Span {
  start: number;
  end: number;
}

export interface ScannedGroup {
  /** Every member of the group object except "examples", as `"key":value` texts, in order. */
  members: string[];
  /** The examples array, one span per element; null when the group has no array there. */
  examples: Span[] | null;
  /** Where "examples" was something other than an array (null, a string…): its JSON text. */
  examplesOther: string | null;
}

export interface ScannedGroupedRuns {
  groups: ScannedGroup[];
}

const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/** The containers the reader follows; anything inside an example is skipped as one value. */
const ENVELOPE = 0;
const GROUPS = 1;
const GROUP = 2;
const EXAMPLES = 3;
type Frame = typeof ENVELOPE | typeof GROUPS | typeof GROUP | typeof EXAMPLES;

// What the reader expects next, at the level of the innermost frame.
const START = 0;
const KEY_OR_CLOSE = 1;
const KEY = 2;
const IN_KEY = 3;
const COLON_NEXT = 4;
const VALUE = 5;
const VALUE_OR_CLOSE = 6;
const AFTER_VALUE = 7;
const SKIP_STRING = 8;
const SKIP_CONTAINER = 9;
const SKIP_PRIMITIVE = 10;
const DONE = 11;
const FAILED = 12;

/** A group as it is read: spans only; the texts are cut from the whole body at the end. */
interface LocatedGroup {
  members: { key: string; span: Span }[];
  examples: Span[] | null;
  examplesOther: Span | null;
}

/**
 * Reads a group/runs document piece by piece (`feed`), then says where everything is
 * (`finish`). `onExample` hears of each example of a group as soon as it is complete.
 */
export class GroupedRunsLocator {
  /** Hears of each example of a group once it is complete, with its index in the group. */
  constructor(private readonly onExample?: (span: Span, index: number) => void) {}

  #state: number = START;
  #frames: Frame[] = [];
  /** Where the current piece starts in the whole text. */
  #base = 0;
  /** The key read last in the envelope and in the group (the member whose value is read). */
  #envelopeKey = '';
  #groupKey = '';
  #keyText = '';
  /** Inside a string, the piece ended on an unpaired backslash: the next character is escaped. */
  #escape = false;
  #inString = false;
  #depth = 0;
  #valueStart = 0;
  #groups: LocatedGroup[] | null = null;
  #reading: LocatedGroup[] = [];
  #group: LocatedGroup | null = null;
  /** The envelope's other values: checked as JSON.parse would check them, at the end. */
  #checked: Span[] = [];

  get failed(): boolean {
    return this.#state === FAILED;
  }

  /** Reads the next piece of the text. */
  feed(piece: string): void {
    let i = 0;
    const n = piece.length;
    while (i < n && this.#state !== FAILED) i = this.#step(piece, i);
    this.#base += n;
  }

  /** Where everything is in `text` (all the pieces fed, in one), or null: see the file's top. */
  finish(text: TextLike): ScannedGroupedRuns | null {
    if (this.#state !== DONE || this.#groups === null || text.length !== this.#base) {
      return null;
    }
    const cut = (span: Span) => text.slice(span.start, span.end);
    try {
      for (const span of this.#checked) JSON.parse(cut(span));
    } catch {
      return null;
    }
    return {
      groups: this.#groups.map((group) => ({
        members: group.members.map(({ key, span }) => `${JSON.stringify(key)}:${cut(span)}`),
        examples: group.examples,
        examplesOther: group.examplesOther && cut(group.examplesOther),
      })),
    };
  }

  /** Handles what starts at `i` in the piece; returns where the reader goes on. */
  #step(piece: string, i: number): number {
    switch (this.#state) {
      case SKIP_STRING:
        return this.#skipString(piece, i);
      case SKIP_CONTAINER:
        return this.#skipContainer(piece, i);
      case SKIP_PRIMITIVE:
        return this.#skipPrimitive(piece, i);
      case IN_KEY:
        return this.#readKey(piece, i, i);
    }
    const c = piece.charCodeAt(i);
    if (isSpace(c)) return i + 1;
    switch (this.#state) {
      case START:
        if (c !== OPEN_BRACE) return this.#fail();
        this.#frames.push(ENVELOPE);
        this.#state = KEY_OR_CLOSE;
        return i + 1;
      case KEY_OR_CLOSE:
        if (c === CLOSE_BRACE) return this.#close(i);
        return c === QUOTE ? this.#readKey(piece, i + 1, i) : this.#fail();
      case KEY:
        return c === QUOTE ? this.#readKey(piece, i + 1, i) : this.#fail();
      case COLON_NEXT:
        if (c !== COLON) return this.#fail();
        this.#state = VALUE;
        return i + 1;
      case VALUE_OR_CLOSE:
        if (c === CLOSE_BRACKET) return this.#close(i);
        return this.#startValue(c, i);
      case VALUE:
        return this.#startValue(c, i);
      case AFTER_VALUE: {
        const frame = this.#frames[this.#frames.length - 1];
        const inObject = frame === ENVELOPE || frame === GROUP;
        if (c === COMMA) {
          this.#state = inObject ? KEY : VALUE;
          return i + 1;
        }
        if (c === (inObject ? CLOSE_BRACE : CLOSE_BRACKET)) return this.#close(i);
        return this.#fail();
      }
      default:
        // Done: only white space may follow the envelope.
        return this.#fail();
    }
  }

  #fail(): number {
    this.#state = FAILED;
    return Number.POSITIVE_INFINITY;
  }

  /** A key's characters from `from` (its opening quote at `open`, in this piece or before). */
  #readKey(piece: string, from: number, open: number): number {
    if (this.#state !== IN_KEY) {
      this.#state = IN_KEY;
      this.#keyText = '';
    }
    const close = this.#stringEnd(piece, from);
    if (close < 0) {
      this.#keyText += piece.slice(open);
      return piece.length;
    }
    let key: string;
    try {
      key = JSON.parse(this.#keyText + piece.slice(open, close + 1)) as string;
    } catch {
      return this.#fail();
    }
    if (this.#frames[this.#frames.length - 1] === ENVELOPE) this.#envelopeKey = key;
    else this.#groupKey = key;
    this.#state = COLON_NEXT;
    return close + 1;
  }

  /** A value begins with `c` at `i`: a container the reader follows, or one it skips. */
  #startValue(c: number, i: number): number {
    const frame = this.#frames[this.#frames.length - 1];
    if (frame === GROUPS) {
      if (c !== OPEN_BRACE) return this.#fail();
      this.#group = { members: [], examples: null, examplesOther: null };
      this.#reading.push(this.#group);
      return this.#open(GROUP, KEY_OR_CLOSE, i);
    }
    if (frame === ENVELOPE && this.#envelopeKey === 'groups' && c === OPEN_BRACKET) {
      this.#reading = [];
      return this.#open(GROUPS, VALUE_OR_CLOSE, i);
    }
    if (frame === GROUP && this.#groupKey === 'examples') {
      // A repeated key: the last one wins, as in JSON.parse.
      const group = this.#group as LocatedGroup;
      group.examples = null;
      group.examplesOther = null;
      if (c === OPEN_BRACKET) {
        group.examples = [];
        return this.#open(EXAMPLES, VALUE_OR_CLOSE, i);
      }
    }
    this.#valueStart = this.#base + i;
    if (c === QUOTE) {
      this.#state = SKIP_STRING;
      return i + 1;
    }
    if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      this.#state = SKIP_CONTAINER;
      this.#depth = 1;
      this.#inString = false;
      return i + 1;
    }
    if (c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET) return this.#fail();
    this.#state = SKIP_PRIMITIVE;
    return i + 1;
  }

  #open(frame: Frame, state: number, i: number): number {
    this.#frames.push(frame);
    this.#state = state;
    return i + 1;
  }

  /** The innermost frame closes at `i`: it is a value of the one around it. */
  #close(i: number): number {
    const frame = this.#frames.pop();
    if (frame === ENVELOPE) this.#state = DONE;
    else {
      if (frame === GROUPS) this.#groups = this.#reading;
      this.#state = AFTER_VALUE;
    }
    return i + 1;
  }

  /** A skipped value ends just before `end` (in the piece): it is recorded where it belongs. */
  #endValue(end: number): number {
    const span = { start: this.#valueStart, end: this.#base + end };
    const frame = this.#frames[this.#frames.length - 1];
    if (frame === EXAMPLES) {
      const examples = this.#group?.examples as Span[];
      examples.push(span);
      this.onExample?.(span, examples.length - 1);
    } else if (frame === GROUP) {
      const group = this.#group as LocatedGroup;
      if (this.#groupKey === 'examples') group.examplesOther = span;
      else group.members.push({ key: this.#groupKey, span });
    } else {
      // The envelope's other members, and a "groups" that is not a list (no groups, then).
      this.#checked.push(span);
      if (this.#envelopeKey === 'groups') this.#groups = null;
    }
    this.#state = AFTER_VALUE;
    return end;
  }

  #skipString(piece: string, i: number): number {
    const close = this.#stringEnd(piece, i);
    return close < 0 ? piece.length : this.#endValue(close + 1);
  }

  #skipContainer(piece: string, from: number): number {
    let i = from;
    const n = piece.length;
    while (i < n) {
      if (this.#inString) {
        const close = this.#stringEnd(piece, i);
        if (close < 0) return n;
        this.#inString = false;
        i = close + 1;
        continue;
      }
      const c = piece.charCodeAt(i);
      if (c === QUOTE) this.#inString = true;
      else if (c === OPEN_BRACE || c === OPEN_BRACKET) this.#depth += 1;
      else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        this.#depth -= 1;
        if (this.#depth === 0) return this.#endValue(i + 1);
      }
      i += 1;
    }
    return n;
  }

  /** A number, true, false or null: up to the next delimiter (which the frame then reads). */
  #skipPrimitive(piece: string, from: number): number {
    for (let i = from; i < piece.length; i++) {
      const c = piece.charCodeAt(i);
      if (c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET || isSpace(c)) {
        return this.#endValue(i);
      }
    }
    return piece.length;
  }

  /**
   * Inside a string, from `from`: the index of its closing quote in the piece, or -1 when the
   * piece ends first (an unpaired backslash at its end escapes the next piece's first character).
   */
  #stringEnd(piece: string, from: number): number {
    let i = from;
    if (this.#escape) {
      this.#escape = false;
      i += 1;
    }
    for (;;) {
      const quote = piece.indexOf('"', i);
      const limit = quote < 0 ? piece.length : quote;
      // The backslashes just before the quote (or the piece's end), not before `i`: a
      // character before `i` was already read, escaped or not.
      let k = limit - 1;
      while (k >= i && piece.charCodeAt(k) === BACKSLASH) k -= 1;
      const odd = (limit - 1 - k) % 2 === 1;
      if (quote < 0) {
        this.#escape = odd;
        return -1;
      }
      if (!odd) return quote;
      i = quote + 1;
    }
  }
}

/**
 * Locates the groups of a group/runs response and the examples of each, or returns null
 * when the text is not the expected shape (the caller then parses it whole).
 */
export function scanGroupedRuns(text: TextLike): ScannedGroupedRuns | null {
  const locator = new GroupedRunsLocator();
  for (const part of text instanceof BodyText ? text.parts : [text.toString()]) {
    locator.feed(part);
    if (locator.failed) return null;
  }
  return locator.finish(text);
}

/** The group object without its examples (JSON.parse of its other members, in order). */
export function parseGroupMembers(group: ScannedGroup): Record<string, unknown> {
  return JSON.parse(`{${group.members.join(',')}}`) as Record<string, unknown>;
}
