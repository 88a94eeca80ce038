/**
 * A structural reader for the one large document the app receives (group/runs): it finds
 * where each group's fields and each example of a group begin and end in the text, without
 * building any objects. The app can then JSON.parse the first examples of every group and
 * paint them while the rest are parsed in slices.
 *
 * It only locates values; JSON.parse of each located span still checks every byte inside
 * it. Anything the reader does not expect (not an object, no "groups" array, a group that
 * is not an object, a syntax error between the located values) makes it answer null, and the
 * caller falls back to JSON.parse of the whole text, which reports the error as before.
 */

import type { TextLike } from '../body-text';

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

class Unexpected extends Error {}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

class Reader {
  i = 0;
  constructor(readonly text: TextLike) {}

  skipSpace(): number {
    const { text } = this;
    let c = text.charCodeAt(this.i);
    while (isSpace(c)) c = text.charCodeAt(++this.i);
    return c;
  }

  expect(code: number): void {
    if (this.skipSpace() !== code) throw new Unexpected();
    this.i += 1;
  }

  /** At an opening quote: moves past the closing one. */
  skipString(): void {
    const { text } = this;
    let from = this.i + 1;
    for (;;) {
      const quote = text.indexOf('"', from);
      if (quote < 0) throw new Unexpected();
      let backslashes = 0;
      while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes += 1;
      if (backslashes % 2 === 0) {
        this.i = quote + 1;
        return;
      }
      from = quote + 1;
    }
  }

  /** Reads an object key (a string, then a colon) and returns it decoded. */
  key(): string {
    if (this.skipSpace() !== QUOTE) throw new Unexpected();
    const start = this.i;
    this.skipString();
    const key = JSON.parse(this.text.slice(start, this.i)) as string;
    this.expect(COLON);
    return key;
  }

  /** Skips one value of any kind; returns its span. */
  value(): Span {
    const { text } = this;
    const c = this.skipSpace();
    const start = this.i;
    if (c === QUOTE) {
      this.skipString();
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      let depth = 0;
      for (;;) {
        const d = text.charCodeAt(this.i);
        if (d === QUOTE) {
          this.skipString();
          continue;
        }
        if (d === OPEN_BRACE || d === OPEN_BRACKET) depth += 1;
        else if (d === CLOSE_BRACE || d === CLOSE_BRACKET) {
          depth -= 1;
          if (depth === 0) {
            this.i += 1;
            break;
          }
        } else if (Number.isNaN(d)) throw new Unexpected();
        this.i += 1;
      }
    } else {
      // A number, true, false or null: up to the next delimiter.
      for (;;) {
        const d = text.charCodeAt(this.i);
        if (Number.isNaN(d) || d === COMMA || d === CLOSE_BRACE || d === CLOSE_BRACKET) break;
        if (isSpace(d)) break;
        this.i += 1;
      }
      if (this.i === start) throw new Unexpected();
    }
    return { start, end: this.i };
  }

  /** Calls `each` for the members of an object (the reader at its opening brace). */
  object(each: (key: string) => void): void {
    this.expect(OPEN_BRACE);
    if (this.skipSpace() === CLOSE_BRACE) {
      this.i += 1;
      return;
    }
    for (;;) {
      each(this.key());
      const c = this.skipSpace();
      this.i += 1;
      if (c === CLOSE_BRACE) return;
      if (c !== COMMA) throw new Unexpected();
    }
  }

  /** Calls `each` for the elements of an array (the reader at its opening bracket). */
  array(each: () => void): void {
    this.expect(OPEN_BRACKET);
    if (this.skipSpace() === CLOSE_BRACKET) {
      this.i += 1;
      return;
    }
    for (;;) {
      each();
      const c = this.skipSpace();
      this.i += 1;
      if (c === CLOSE_BRACKET) return;
      if (c !== COMMA) throw new Unexpected();
    }
  }
}

function scanGroup(reader: Reader): ScannedGroup {
  const group: ScannedGroup = { members: [], examples: null, examplesOther: null };
  reader.object((key) => {
    if (key !== 'examples') {
      const span = reader.value();
      group.members.push(`${JSON.stringify(key)}:${reader.text.slice(span.start, span.end)}`);
      return;
    }
    // A repeated key: the last one wins, as in JSON.parse.
    group.examples = null;
    group.examplesOther = null;
    if (reader.skipSpace() !== OPEN_BRACKET) {
      const span = reader.value();
      group.examplesOther = reader.text.slice(span.start, span.end);
      return;
    }
    const examples: Span[] = [];
    reader.array(() => {
      examples.push(reader.value());
    });
    group.examples = examples;
  });
  return group;
}

/**
 * Locates the groups of a group/runs response and the examples of each, or returns null
 * when the text is not the expected shape (the caller then parses it whole).
 */
export function scanGroupedRuns(text: TextLike): ScannedGroupedRuns | null {
  const reader = new Reader(text);
  try {
    let groups: ScannedGroup[] | null = null;
    reader.object((key) => {
      if (key !== 'groups' || reader.skipSpace() !== OPEN_BRACKET) {
        // Checked as JSON.parse would check it, though the app does not read it.
        const span = reader.value();
        JSON.parse(text.slice(span.start, span.end));
        if (key === 'groups') groups = null;
        return;
      }
      const found: ScannedGroup[] = [];
      reader.array(() => {
        if (reader.skipSpace() !== OPEN_BRACE) throw new Unexpected();
        found.push(scanGroup(reader));
      });
      groups = found;
    });
    reader.skipSpace();
    if (reader.i !== text.length) throw new Unexpected();
    return groups === null ? null : { groups };
  } catch (error) {
    if (error instanceof Unexpected || error instanceof SyntaxError) return null;
    throw error;
  }
}

/** The group object without its examples (JSON.parse of its other members, in order). */
export function parseGroupMembers(group: ScannedGroup): Record<string, unknown> {
  return JSON.parse(`{${group.members.join(',')}}`) as Record<string, unknown>;
}
