import { describe, expect, it } from 'vitest';
import {
  categorical,
  comment,
  makeExample,
  makeGroup,
  makeRun,
  makeSession,
} from '../../../testing/grouped-runs-fixtures';
import { A, B, makeRow } from '../../../testing/matrix-fixtures';
import { buildMatrix } from './pivot';
import {
  buildSearchIndex,
  matchesTerms,
  rowHaystack,
  SEARCH_FIELD_CAP,
  searchableText,
  searchTerms,
} from './search-text';
import type { MatrixRow } from './types';

function matrixOf(
  runs: ReturnType<typeof makeRun>[],
  example: Parameters<typeof makeExample>[2] = {},
) {
  return buildMatrix(
    [
      makeGroup(
        'g',
        [makeSession(A, 'a'), makeSession(B, 'b')],
        [makeExample('e1', runs, example)],
      ),
    ],
    { groupBy: 'run_metadata', sessionOrder: [A, B] },
  );
}

describe('rowHaystack', () => {
  it('lowercases name, inputs, reference outputs, outputs, previews, errors and comments', () => {
    const m = matrixOf(
      [
        makeRun(A, { style: comment('Too VERBOSE') }, { outputs: { answer: 'Paris', n: 42 } }),
        makeRun(
          B,
          { verdict: categorical({ pass: 1 }) },
          { outputsPreview: 'Preview TEXT', error: 'KeyError: x' },
        ),
      ],
      {
        name: 'Geo Question',
        inputs: { question: 'Capital of FRANCE?' },
        outputs: { expected: 'PARIS' },
      },
    );
    const text = rowHaystack(m.rows[0] as MatrixRow);
    for (const part of [
      'geo question',
      'capital of france?',
      'paris',
      '42',
      'preview text',
      'keyerror: x',
      'too verbose',
    ]) {
      expect(text).toContain(part);
    }
    expect(text).toBe(text.toLowerCase());
    // Keys and category labels are not content.
    expect(text).not.toContain('answer');
    expect(text).not.toContain('pass');
  });

  it('keeps quotes and HTML as typed, so they can be searched for', () => {
    const m = matrixOf([makeRun(A, {}, { outputs: { a: 'He said "<b>hi</b>"', b: 1 } })]);
    expect(rowHaystack(m.rows[0] as MatrixRow)).toContain('he said "<b>hi</b>"');
  });

  it('caps every field, however large', () => {
    const huge = 'z'.repeat(5 * 1024 * 1024);
    const m = matrixOf(
      [makeRun(A, {}, { outputs: { answer: huge }, outputsPreview: huge, error: huge })],
      { inputs: { big: huge } },
    );
    const text = rowHaystack(m.rows[0] as MatrixRow);
    // name + inputs + reference + outputs + preview + error, each at most the cap.
    expect(text.length).toBeLessThanOrEqual(6 * (SEARCH_FIELD_CAP + 1));
    expect(text.length).toBeGreaterThan(3 * SEARCH_FIELD_CAP);
  });

  it('reaches text nested a dozen levels deep, and survives 1,000 levels', () => {
    let nested: unknown = 'needle';
    for (let i = 0; i < 10; i++) nested = { level: nested };
    expect(searchableText(nested)).toBe('needle');
    let deep: unknown = 'too deep';
    for (let i = 0; i < 1000; i++) deep = [deep];
    expect(() => searchableText(deep)).not.toThrow();
    expect(searchableText(deep)).not.toContain('too deep');
  });

  it('keeps raw values only: no keys, quotes or escapes', () => {
    expect(
      searchableText({ q: 'Say "hi"\nplease', n: 2, nested: { list: ['a', 'b'] }, none: null }),
    ).toBe('Say "hi"\nplease 2 a b');
  });

  it('stops early on huge or cyclic structures', () => {
    const wide: Record<string, null> = {};
    for (let i = 0; i < 200_000; i++) wide[`k${i}`] = null;
    expect(searchableText({ wide, after: 'never reached' }, 100)).toBe('');
    const loop: Record<string, unknown> = { name: 'loop' };
    loop.self = loop;
    loop.again = loop;
    expect(searchableText(loop)).toBe('loop');
    expect(searchableText('abcdef', 3)).toBe('abc');
  });

  it('renders nothing for null and numbers as text', () => {
    expect(searchableText(null)).toBe('');
    expect(searchableText(undefined)).toBe('');
    expect(searchableText({ a: 1.5, b: true })).toBe('1.5 true');
  });
});

describe('buildSearchIndex', () => {
  it('computes nothing until asked, then each row once', () => {
    let reads = 0;
    const rows = [0, 1].map((i) => {
      const row = makeRow(`e${i}`, []);
      const example = { ...row.example };
      Object.defineProperty(example, 'inputs', {
        get: () => {
          reads++;
          return { text: `Row ${i}` };
        },
      });
      return { ...row, example };
    });
    const index = buildSearchIndex(rows);
    expect(reads).toBe(0);
    expect(index.get(1)).toContain('row 1');
    expect(reads).toBe(1);
    expect(index.get(rows[1] as MatrixRow)).toContain('row 1');
    expect(index.get(1)).toContain('row 1');
    expect(reads).toBe(1);
    expect(index.get(rows[0] as MatrixRow)).toContain('row 0');
    expect(reads).toBe(2);
  });

  it('answers an unknown index with an empty haystack', () => {
    expect(buildSearchIndex([]).get(3)).toBe('');
  });
});

describe('terms', () => {
  it('splits on any whitespace, lowercases, and requires every term', () => {
    expect(searchTerms('  Paris\tFRANCE\n capital ')).toEqual(['paris', 'france', 'capital']);
    expect(searchTerms('   ')).toEqual([]);
    expect(matchesTerms('the capital of france is paris', ['paris', 'france'])).toBe(true);
    expect(matchesTerms('the capital of france is paris', ['paris', 'spain'])).toBe(false);
    expect(matchesTerms('anything', [])).toBe(true);
  });
});
