// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BodyText } from '../body-text';
import { parseGroupMembers, type ScannedGroupedRuns, scanGroupedRuns } from './json-scan';

/** What the scan says the document is, rebuilt with JSON.parse of each located piece. */
function rebuild(text: string, scanned: ScannedGroupedRuns): unknown {
  return {
    groups: scanned.groups.map((group) => {
      const members = parseGroupMembers(group);
      if (group.examples !== null) {
        members.examples = group.examples.map((s) => JSON.parse(text.slice(s.start, s.end)));
      } else if (group.examplesOther !== null) {
        members.examples = JSON.parse(group.examplesOther);
      }
      return members;
    }),
  };
}

const member = fc.tuple(
  fc.oneof(fc.string(), fc.constantFrom('group_key', 'sessions', '__proto__', 'examples ', 'é"\\')),
  fc.jsonValue({ maxDepth: 3 }),
);
const group = fc
  .record({
    before: fc.array(member, { maxLength: 4 }),
    examples: fc.oneof(
      fc.array(fc.jsonValue({ maxDepth: 4 }), { maxLength: 6 }),
      fc.constantFrom(null, 'text', 3),
      fc.constant(undefined),
    ),
    after: fc.array(member, { maxLength: 4 }),
  })
  .map(({ before, examples, after }) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of before)
      Object.defineProperty(out, k, {
        value: v,
        enumerable: true,
        configurable: true,
        writable: true,
      });
    if (examples !== undefined) out.examples = examples;
    for (const [k, v] of after)
      if (k !== 'examples')
        Object.defineProperty(out, k, {
          value: v,
          enumerable: true,
          configurable: true,
          writable: true,
        });
    return out;
  });
const spacing = fc.constantFrom(undefined, 0, 1, 2, '\t', ' \r\n ');

describe('scanGroupedRuns', () => {
  it('locates every group member and example exactly where JSON.parse reads them', () => {
    fc.assert(
      fc.property(
        fc.array(group, { maxLength: 4 }),
        fc.array(member, { maxLength: 2 }),
        spacing,
        (groups, extra, space) => {
          const envelope = Object.fromEntries(
            extra.filter(([k]) => k !== 'groups' && k !== '__proto__'),
          );
          const text = JSON.stringify({ ...envelope, groups }, null, space as never);
          const scanned = scanGroupedRuns(text);
          expect(scanned).not.toBeNull();
          expect(rebuild(text, scanned as ScannedGroupedRuns)).toEqual({
            groups: JSON.parse(text).groups,
          });
        },
      ),
      { seed: 11, numRuns: 300 },
    );
  });

  it('never accepts a text JSON.parse rejects, nor misreads one it accepts', () => {
    const near = fc
      .tuple(fc.array(group, { maxLength: 2 }), fc.nat(), fc.string({ maxLength: 3 }))
      .map(([groups, at, insert]) => {
        const text = JSON.stringify({ groups });
        const i = at % (text.length + 1);
        return text.slice(0, i) + insert + text.slice(i + (insert.length > 0 ? 1 : 0));
      });
    fc.assert(
      fc.property(fc.oneof(near, fc.string()), (text) => {
        const scanned = scanGroupedRuns(text);
        if (scanned === null) return;
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          // Accepted by the locator, refused by JSON.parse: the located pieces must then fail
          // to parse too (the app reports "not JSON" when it reaches them).
          expect(() => rebuild(text, scanned)).toThrow(SyntaxError);
          return;
        }
        expect(rebuild(text, scanned)).toEqual({ groups: (parsed as { groups: unknown }).groups });
      }),
      { seed: 12, numRuns: 2_000 },
    );
  });

  it('locates the same in a body kept in the chunks it arrived in, cut anywhere', () => {
    fc.assert(
      fc.property(
        fc.array(group, { maxLength: 3 }),
        fc.array(fc.nat(), { maxLength: 12 }),
        (groups, cuts) => {
          const text = JSON.stringify({ groups });
          const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
          const parts = [0, ...at].map((from, i) => text.slice(from, at[i] ?? text.length));
          const body = new BodyText(parts);
          expect(scanGroupedRuns(body)).toEqual(scanGroupedRuns(text));
          // A cut between a backslash and the quote it escapes, or inside a key, changes nothing.
          const cut = text.indexOf('\\"');
          if (cut >= 0) {
            const split = new BodyText([text.slice(0, cut + 1), text.slice(cut + 1)]);
            expect(scanGroupedRuns(split)).toEqual(scanGroupedRuns(text));
          }
        },
      ),
      { seed: 13, numRuns: 300 },
    );
  });

  it.each([
    ['not an object', '[1, 2]'],
    ['no groups', '{"detail": "x"}'],
    ['groups not a list', '{"groups": {"a": 1}}'],
    ['a group that is not an object', '{"groups": [1]}'],
    ['trailing text', '{"groups": []} x'],
    ['cut short', '{"groups": [{"examples": [{"id": "a"'],
    ['an unterminated string', '{"groups": [{"group_key": "a}]}'],
    ['empty', ''],
  ])('answers null for %s (the caller then parses the text whole)', (_, text) => {
    expect(scanGroupedRuns(text)).toBeNull();
  });

  it('keeps the last of repeated keys, as JSON.parse does', () => {
    const text =
      '{"groups":[{"a":1,"examples":[1],"a":2,"examples":[3,4]}],"groups":[{"examples":[5]}]}';
    const scanned = scanGroupedRuns(text) as ScannedGroupedRuns;
    expect(rebuild(text, scanned)).toEqual({ groups: [{ examples: [5] }] });
    const inner = scanGroupedRuns('{"groups":[{"a":1,"examples":[1],"a":2,"examples":[3,4]}]}');
    expect(parseGroupMembers(inner?.groups[0] as never)).toEqual({ a: 2 });
    expect(inner?.groups[0]?.examples).toHaveLength(2);
  });

  it('reads escaped quotes and backslashes inside strings', () => {
    const examples = [{ id: 'a"b\\', text: '\\"}]' }, 'x\\\\"', '"[{'];
    const text = JSON.stringify({ groups: [{ examples }] });
    expect(rebuild(text, scanGroupedRuns(text) as ScannedGroupedRuns)).toEqual({
      groups: [{ examples }],
    });
  });
});
