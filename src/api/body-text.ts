/**
 * A response body as the decoded chunks it arrived in. Joining the chunks of a large body
 * into one string is a single long task (a 17 MB body takes 120–190 ms in Chromium here, a
 * 168 MB one seconds: the joined string is new memory, and two bytes a character as soon as
 * one character is outside Latin-1), and the structural reader (json-scan.ts) and the sliced
 * parse need no such string: they read characters and slices, which this answers from the
 * chunks. `toString()` joins once, for the callers that need the whole text (a small body's
 * JSON.parse, a snapshot).
 */

/**
 * What the readers of a body use: a string is one, and so is a BodyText (whose indexes are
 * counted from the start only: no negative ones, as `slice(-3)` has for a string).
 */
export interface TextLike {
  readonly length: number;
  charCodeAt(index: number): number;
  /** The first `char` (one character) at or after `from`, or -1. */
  indexOf(char: string, from?: number): number;
  slice(start: number, end?: number): string;
  toString(): string;
}

export class BodyText implements TextLike {
  readonly length: number;
  readonly #parts: readonly string[];
  /** Where each part starts in the text. */
  readonly #starts: readonly number[];
  #joined: string | null = null;
  /** The part the last read fell in: reads go forward, mostly within one part. */
  #part = '';
  #partStart = 0;

  constructor(parts: readonly string[]) {
    const kept = parts.filter((part) => part.length > 0);
    const starts: number[] = [];
    let length = 0;
    for (const part of kept) {
      starts.push(length);
      length += part.length;
    }
    this.#parts = kept;
    this.#starts = starts;
    this.length = length;
    if (kept.length === 1) this.#joined = kept[0] as string;
    this.#part = kept[0] ?? '';
  }

  charCodeAt(index: number): number {
    const local = index - this.#partStart;
    if (local >= 0 && local < this.#part.length) return this.#part.charCodeAt(local);
    if (!this.#seek(index)) return Number.NaN;
    return this.#part.charCodeAt(index - this.#partStart);
  }

  indexOf(char: string, from = 0): number {
    if (char.length !== 1) throw new RangeError('BodyText.indexOf looks for one character');
    let at = Math.max(0, from);
    while (this.#seek(at)) {
      const found = this.#part.indexOf(char, at - this.#partStart);
      if (found >= 0) return this.#partStart + found;
      at = this.#partStart + this.#part.length;
    }
    return -1;
  }

  /** `before` + the text from `start` to `end` + `after`, in one string. */
  slice(start: number, end = this.length, before = '', after = ''): string {
    const from = Math.max(0, Math.min(start, this.length));
    const to = Math.max(from, Math.min(end, this.length));
    const bare = before === '' && after === '';
    if (this.#joined !== null) {
      const text = this.#joined.slice(from, to);
      return bare ? text : before + text + after;
    }
    if (from === to || !this.#seek(from)) return before + after;
    const local = from - this.#partStart;
    if (to - this.#partStart <= this.#part.length) {
      const text = this.#part.slice(local, to - this.#partStart);
      return bare ? text : before + text + after;
    }
    const pieces = [before, this.#part.slice(local)];
    let at = this.#partStart + this.#part.length;
    while (at < to && this.#seek(at)) {
      pieces.push(this.#part.slice(0, to - at));
      at += this.#part.length;
    }
    pieces.push(after);
    return pieces.join('');
  }

  /** The text in the pieces it was made of (no empty ones): read them in order, nothing joined. */
  get parts(): readonly string[] {
    return this.#parts;
  }

  toString(): string {
    this.#joined ??= this.#parts.join('');
    return this.#joined;
  }

  /** Makes the part holding `index` the current one; false when it is outside the text. */
  #seek(index: number): boolean {
    if (index < 0 || index >= this.length) return false;
    const local = index - this.#partStart;
    if (local >= 0 && local < this.#part.length) return true;
    // Binary search: the last part that starts at or before `index`.
    let low = 0;
    let high = this.#starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.#starts[mid] as number) <= index) low = mid;
      else high = mid - 1;
    }
    this.#part = this.#parts[low] as string;
    this.#partStart = this.#starts[low] as number;
    return true;
  }
}
