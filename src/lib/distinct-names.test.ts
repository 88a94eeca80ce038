import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distinctNames, elideMiddle, shortNames } from './distinct-names';

const isLoneSurrogate = (text: string) =>
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
const codePoints = (text: string) => Array.from(text).length;

describe('distinctNames', () => {
  it('elides the segments every experiment name starts with (the demo’s names)', () => {
    expect(
      distinctNames([
        'support-qa-gpt-4o-v1-a49d8715',
        'support-qa-claude-3-5-sonnet-v1-5de8ae07',
        'support-qa-gpt-4o-v2-49aaacf8',
      ]),
    ).toEqual(['…gpt-4o-v1-a49d8715', '…claude-3-5-sonnet-v1-5de8ae07', '…gpt-4o-v2-49aaacf8']);
    expect(
      distinctNames(['support-qa-gpt-4o-v1-a49d8715', 'support-qa-gpt-4o-v2-49aaacf8']),
    ).toEqual(['…v1-a49d8715', '…v2-49aaacf8']);
  });

  it('elides a shared end too, and cuts only between whole segments', () => {
    expect(distinctNames(['eval run alpha final', 'eval run beta final'])).toEqual([
      '…alpha…',
      '…beta…',
    ]);
    // "gpt-4o" is not a segment of "gpt-4o-mini" ("4o" against "4o-"): only "gpt-" is shared.
    expect(distinctNames(['gpt-4o', 'gpt-4o-mini'])).toEqual(['…4o', '…4o-mini']);
    expect(distinctNames(['prod_2024.v1', 'prod_2024.v2'])).toEqual(['…v1', '…v2']);
  });

  it('keeps names whole when there is nothing to tell apart or no shared segment', () => {
    expect(distinctNames(['only-one-name'])).toEqual(['only-one-name']);
    expect(distinctNames(['same-name', 'same-name'])).toEqual(['same-name', 'same-name']);
    expect(distinctNames(['alpha', 'beta'])).toEqual(['alpha', 'beta']);
    expect(distinctNames([])).toEqual([]);
    // Told apart by their separators only: eliding would make them read alike.
    expect(distinctNames(['x-a-y', 'x-a--y'])).toEqual(['x-a-y', 'x-a--y']);
  });

  it('leaves every name a segment of its own, even when one name starts another', () => {
    expect(distinctNames(['run-a', 'run-a-b'])).toEqual(['…a', '…a-b']);
    expect(distinctNames(['a-b-c', 'a-b-c-d', 'a-b'])).toEqual(['…b-c', '…b-c-d', '…b']);
  });

  it('tells distinct names apart, and shows each as a part of itself', () => {
    const name = fc.array(fc.constantFrom('a', 'b', '-', '_', ' ', '😀', 'é'), { maxLength: 12 });
    fc.assert(
      fc.property(
        fc.uniqueArray(
          name.map((c) => c.join('')),
          { minLength: 2, maxLength: 6 },
        ),
        (names) => {
          const parts = distinctNames(names);
          expect(new Set(parts).size).toBe(names.length);
          parts.forEach((part, i) => {
            const own = part.replace(/^…/u, '').replace(/…$/u, '');
            expect(names[i]).toContain(own);
            expect(isLoneSurrogate(part)).toBe(false);
          });
        },
      ),
    );
  });
});

describe('elideMiddle', () => {
  it('keeps the start and the end, a little more of the start', () => {
    expect(elideMiddle('claude-3-5-sonnet-v1-5de8ae07', 12)).toBe('claude-…ae07');
    expect(elideMiddle('short', 5)).toBe('short');
    expect(elideMiddle('abcdef', 1)).toBe('…');
    expect(elideMiddle('abcdef', 0)).toBe('');
  });

  it('never splits a surrogate pair and never passes its length', () => {
    expect(elideMiddle('😀😀😀😀😀😀', 4)).toBe('😀😀…😀');
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.nat(45), (text, max) => {
        const out = elideMiddle(text, max);
        expect(codePoints(out)).toBeLessThanOrEqual(Math.max(max, 0));
        expect(isLoneSurrogate(out)).toBe(false);
        if (codePoints(text) <= max) expect(out).toBe(text);
      }),
    );
  });

  it('merges its ellipsis with those of an elided start or end', () => {
    expect(elideMiddle('…alpha…', 4)).toBe('…a…');
    expect(elideMiddle('…gpt-4o', 2)).toBe('…');
  });
});

describe('shortNames', () => {
  const qa = [
    'support-qa-gpt-4o-v1-a49d8715',
    'support-qa-claude-3-5-sonnet-v1-5de8ae07',
    'support-qa-gpt-4o-v2-49aaacf8',
    'support-qa-claude-3-5-sonnet-v2-1ad96e3d',
  ];
  const within = (chars: number) => (label: string) => codePoints(label) <= chars;

  it('keeps the distinct part whole where it fits', () => {
    expect(shortNames(qa, within(40))).toEqual(distinctNames(qa));
  });

  it('then keeps what a name is and what follows the segments it shares with its closest', () => {
    expect(shortNames(qa, within(20))).toEqual([
      '…gpt-4o-v1-a49d8715',
      '…claude…v1-5de8ae07',
      '…gpt-4o-v2-49aaacf8',
      '…claude…v2-1ad96e3d',
    ]);
  });

  it('then cuts the end of that, to the room of each name, keeping what differs', () => {
    expect(shortNames(qa, (label, i) => codePoints(label) <= (i === 1 ? 12 : 40))).toEqual([
      '…gpt-4o-v1-a49d8715',
      '…claude…v1…',
      '…gpt-4o-v2-49aaacf8',
      '…claude-3-5-sonnet-v2-1ad96e3d',
    ]);
  });

  it('elides the middle of a name that shares no leading segments with another', () => {
    const names = ['alpha-one-two-three-x', 'beta-one-two-three-y'];
    // Nothing shared at the start or the end: "alpha-one-two-three-x" keeps 7 + "…" + 4.
    expect(shortNames(names, (label, i) => i === 1 || codePoints(label) <= 12)).toEqual([
      'alpha-o…ee-x',
      'beta-one-two-three-y',
    ]);
    expect(shortNames(['alpha-one', 'beta-two'], () => false)).toEqual(['…', '…']);
  });
});
