// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeExample, makeGroup, makeSession } from '../../testing/grouped-runs-fixtures';
import { createPageMerger, mergeGroupPages } from './pages';
import type { Example, Group, GroupedRuns } from './schemas';

/**
 * The oracle: what merging pages means, written the plain way. Groups in the order their key
 * first appears (1 and "1" apart), each with the first page's aggregates and its examples of
 * every page in page order, an id kept at its first place; every page's issues in order.
 */
function naiveMerge(pages: readonly GroupedRuns[]): GroupedRuns {
  const keys: (string | number)[] = [];
  for (const page of pages)
    for (const g of page.groups) if (!keys.some((k) => k === g.key)) keys.push(g.key);
  const groups = keys.map((key) => {
    const all = pages.flatMap((p) => p.groups.filter((g) => g.key === key));
    const examples: Example[] = [];
    for (const g of all)
      for (const e of g.examples) if (!examples.some((x) => x.id === e.id)) examples.push(e);
    return { ...(all[0] as Group), examples };
  });
  return { groups, issues: pages.flatMap((p) => p.issues) };
}

// Small id and key sets, so that examples repeat across pages and keys collide by type.
const exampleArb = fc
  .constantFrom('e1', 'e2', 'e3', 'e4', 'e5', 'e6')
  .map((id) => makeExample(id, []));
const groupArb = fc
  .record({
    key: fc.constantFrom<string | number>('a', 'b', 1, '1', 0, ''),
    examples: fc.array(exampleArb, { maxLength: 5 }),
    count: fc.nat(20),
  })
  .map(({ key, examples, count }) => ({
    ...makeGroup(key, [makeSession('s1', 'one')], examples),
    exampleCount: count,
  }));
const pageArb = fc
  .record({
    groups: fc.uniqueArray(groupArb, {
      maxLength: 3,
      selector: (g) => `${typeof g.key}:${g.key}`,
    }),
    issues: fc.array(
      fc.constantFrom('x', 'y').map((v) => ({ path: v, reason: 'bad', value: v })),
      {
        maxLength: 2,
      },
    ),
  })
  .map((page): GroupedRuns => page);

describe('createPageMerger', () => {
  it('merges pages as they arrive into what merging them all at once gives (property)', () => {
    fc.assert(
      fc.property(fc.array(pageArb, { minLength: 1, maxLength: 6 }), (pages) => {
        const merge = createPageMerger();
        for (let k = 1; k <= pages.length; k++) {
          const prefix = pages.slice(0, k);
          const result = merge(prefix);
          if (k === 1) expect(result).toBe(pages[0]);
          else expect(result).toEqual(naiveMerge(prefix));
        }
        expect(mergeGroupPages(pages)).toEqual(pages.length === 1 ? pages[0] : naiveMerge(pages));
      }),
      { seed: 20261206, numRuns: 300 },
    );
  });

  it('starts over when the pages do not extend the ones merged last (a refetch)', () => {
    fc.assert(
      fc.property(
        fc.array(pageArb, { minLength: 2, maxLength: 4 }),
        fc.array(pageArb, { minLength: 2, maxLength: 4 }),
        (first, second) => {
          const merge = createPageMerger();
          merge(first);
          // Same first page object, other pages after it: a refetch that kept the first page.
          const refetched = [first[0] as GroupedRuns, ...second.slice(1)];
          expect(merge(refetched)).toEqual(naiveMerge(refetched));
          expect(merge(second)).toEqual(naiveMerge(second));
        },
      ),
      { seed: 20261207, numRuns: 200 },
    );
  });

  it('never reads an earlier page again when a page arrives', () => {
    const reads = [0, 0, 0];
    const pages = [0, 1, 2].map((p): GroupedRuns => {
      const groups = [makeGroup('a', [], [makeExample(`p${p}-1`, []), makeExample(`p${p}-2`, [])])];
      const page = { issues: [] } as unknown as GroupedRuns;
      Object.defineProperty(page, 'groups', {
        get: () => {
          reads[p] = (reads[p] ?? 0) + 1;
          return groups;
        },
      });
      return page;
    });
    const merge = createPageMerger();
    merge(pages.slice(0, 1));
    const afterFirst = [...reads];
    merge(pages.slice(0, 2));
    expect(reads[0]).toBe(afterFirst[0]);
    const afterSecond = [...reads];
    const all = merge(pages);
    expect(reads.slice(0, 2)).toEqual(afterSecond.slice(0, 2));
    expect(all?.groups[0]?.examples.map((e) => e.id)).toEqual([
      'p0-1',
      'p0-2',
      'p1-1',
      'p1-2',
      'p2-1',
      'p2-2',
    ]);
    // The same pages again: the last result, nothing read.
    expect(merge(pages)).toBe(all);
    expect(reads).toEqual([afterSecond[0], afterSecond[1], 1]);
  });

  it('leaves the results it gave before unchanged', () => {
    const page = (p: number): GroupedRuns => ({
      groups: [makeGroup('a', [], [makeExample(`p${p}`, [])])],
      issues: [],
    });
    const pages = [page(0), page(1), page(2)];
    const merge = createPageMerger();
    const two = merge(pages.slice(0, 2));
    merge(pages);
    expect(two?.groups[0]?.examples.map((e) => e.id)).toEqual(['p0', 'p1']);
  });
});
