// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BodyText } from './body-text';

/** A text and the same text cut into parts anywhere (empty parts too). */
const chunked = fc
  .tuple(
    fc.string({ unit: fc.constantFrom('a', '"', '\\', 'é', '…', '😀', '{', ' '), maxLength: 60 }),
    fc.array(fc.nat(), { maxLength: 8 }),
  )
  .map(([text, cuts]) => {
    const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
    const parts = [0, ...at].map((from, i) => text.slice(from, at[i] ?? text.length));
    // An empty part where the network gave an empty chunk.
    return { text, parts: [...parts, ''] };
  });

describe('BodyText', () => {
  it('reads the same characters, slices and searches as the joined string', () => {
    fc.assert(
      fc.property(
        chunked,
        fc.integer({ min: -3, max: 70 }),
        fc.integer({ min: -3, max: 70 }),
        ({ text, parts }, a, b) => {
          const body = new BodyText(parts);
          expect(body.length).toBe(text.length);
          for (let i = -1; i <= text.length; i++) {
            expect(Number.isNaN(body.charCodeAt(i))).toBe(Number.isNaN(text.charCodeAt(i)));
            if (!Number.isNaN(text.charCodeAt(i)))
              expect(body.charCodeAt(i)).toBe(text.charCodeAt(i));
          }
          // Read backwards too: the part it last read is not the one asked for.
          for (let i = text.length - 1; i >= 0; i--)
            expect(body.charCodeAt(i)).toBe(text.charCodeAt(i));
          for (const char of ['"', '\\', 'é', 'x'])
            expect(body.indexOf(char, a)).toBe(text.indexOf(char, Math.max(0, a)));
          const start = Math.max(0, a);
          const end = Math.max(0, b);
          expect(body.slice(start, end)).toBe(text.slice(start, Math.max(start, end)));
          expect(body.slice(start, end, '[', ']')).toBe(
            `[${text.slice(start, Math.max(start, end))}]`,
          );
          expect(body.slice(start)).toBe(text.slice(start));
          expect(body.toString()).toBe(text);
          // Once joined, it answers the same.
          expect(body.slice(start, end, '[', ']')).toBe(
            `[${text.slice(start, Math.max(start, end))}]`,
          );
        },
      ),
      { seed: 21, numRuns: 500 },
    );
  });

  it('looks for one character only', () => {
    expect(() => new BodyText(['ab', 'c']).indexOf('bc')).toThrow(RangeError);
  });
});
