// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GroupBy } from '../../../api/grouped-runs/request';
import type { Example, Group } from '../../../api/grouped-runs/schemas';
import {
  categorical,
  makeExample,
  makeGroup,
  makeRun,
  makeSession,
  numeric,
} from '../../../testing/grouped-runs-fixtures';
import { A, B, C, FOREIGN } from '../../../testing/matrix-fixtures';
import { buildMatrix, createMatrixBuilder } from './pivot';

/**
 * "Load all" hands the pivot groups whose example lists grow page by page. The growing pivot
 * must give what pivoting the whole groups from scratch gives (pivot.test.ts checks that
 * against hand-worked data), and a page must not make it read the examples it already has.
 */

const runArb = fc
  .record({
    session: fc.constantFrom(A, B, C, FOREIGN),
    score: fc.option(fc.constantFrom(0, 0.25, 0.5, 1), { nil: null }),
    verdict: fc.boolean(),
  })
  .map(({ session, score, verdict }) =>
    makeRun(session, {
      correctness: numeric(score),
      ...(verdict ? { verdict: categorical({ pass: 1 }) } : {}),
    }),
  );
// Few ids: examples repeat across groups (and, rarely, within one), as real groups do.
const exampleArb = fc
  .record({
    id: fc.constantFrom('e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7'),
    runs: fc.array(runArb, { maxLength: 3 }),
  })
  .map(({ id, runs }) => makeExample(id, runs));
const groupsArb = fc.uniqueArray(
  fc.record({
    key: fc.constantFrom<string | number>('v1', 'v2', 'v3', 1, '1'),
    sessions: fc.subarray([A, B, C]),
    examples: fc.array(exampleArb, { maxLength: 8 }),
  }),
  { minLength: 1, maxLength: 3, selector: (g) => `${typeof g.key}:${g.key}` },
);

/** The groups as "Load all" has them after some pages: each group's first `lengths[g]`. */
function prefix(
  full: { key: string | number; sessions: string[]; examples: Example[] }[],
  lengths: number[],
): Group[] {
  return full.slice(0, lengths.length).map((g, i) =>
    makeGroup(
      g.key,
      g.sessions.map((id) => makeSession(id, `exp ${id.slice(0, 4)}`)),
      g.examples.slice(0, lengths[i]),
    ),
  );
}

describe('createMatrixBuilder', () => {
  for (const groupBy of ['run_metadata', 'example_metadata'] as GroupBy[]) {
    it(`grows page by page into the matrix of the whole groups (${groupBy}, property)`, () => {
      fc.assert(
        fc.property(
          groupsArb,
          fc.array(fc.nat(3), { minLength: 1, maxLength: 5 }),
          fc.constantFrom([A, B, C], [C, A], [B, A, C, A]),
          (full, steps, sessionOrder) => {
            const options = { groupBy, sessionOrder };
            const build = createMatrixBuilder();
            // Each step: a page per group (`step` more examples), later groups may come later.
            const lengths: number[] = [];
            steps.forEach((step, k) => {
              for (let g = 0; g < full.length; g++) {
                if (g > k) break;
                lengths[g] = Math.min(full[g]?.examples.length ?? 0, (lengths[g] ?? 0) + step + g);
              }
              const groups = prefix(full, lengths);
              expect(build(groups, options)).toEqual(buildMatrix(groups, options));
            });
            const all = prefix(
              full,
              full.map((g) => g.examples.length),
            );
            expect(build(all, options)).toEqual(buildMatrix(all, options));
          },
        ),
        { seed: 20261206, numRuns: 300 },
      );
    });
  }

  it('pivots only the new examples of a page, and keeps the rows it gave', () => {
    const reads = new Map<string, number>();
    const counted = (id: string, session: string) => {
      const example = makeExample(id, []);
      const runs = [makeRun(session, { correctness: numeric(0.5) })];
      Object.defineProperty(example, 'runs', {
        get: () => {
          reads.set(id, (reads.get(id) ?? 0) + 1);
          return runs;
        },
      });
      return example;
    };
    const v1 = Array.from({ length: 6 }, (_, i) => counted(`a${i}`, A));
    const v2 = Array.from({ length: 6 }, (_, i) => counted(`b${i}`, B));
    const pages = (n: number) => [
      makeGroup('v1', [makeSession(A, 'a')], v1.slice(0, n)),
      makeGroup('v2', [makeSession(B, 'b')], v2.slice(0, n)),
    ];
    const options = { groupBy: 'run_metadata' as const, sessionOrder: [A, B] };
    const build = createMatrixBuilder();
    const first = build(pages(2), options);
    expect([...reads.values()]).toEqual([1, 1, 1, 1]);
    const second = build(pages(4), options);
    // The first page's examples are not read again; the second page's once each.
    expect(reads.get('a0')).toBe(1);
    expect(reads.get('b1')).toBe(1);
    expect(reads.get('a3')).toBe(1);
    expect(reads.size).toBe(8);
    expect(second.rows.slice(0, 2)).toEqual(first.rows.slice(0, 2));
    expect(second.rows[0]).toBe(first.rows[0]);
    expect(second.rows.map((r) => r.exampleId)).toEqual([
      'a0',
      'a1',
      'a2',
      'a3',
      'b0',
      'b1',
      'b2',
      'b3',
    ]);
    // The same groups again: the same matrix, nothing read.
    const groups = pages(6);
    const third = build(groups, options);
    expect(build(groups, options)).toBe(third);
    expect([...reads.values()].every((n) => n === 1)).toBe(true);
  });

  it('copies a row it gave before when a later page adds a cell to it', () => {
    const e1 = makeExample('e1', [makeRun(A, { correctness: numeric(1) })]);
    const e1b = makeExample('e1', [makeRun(B, { correctness: numeric(0) })]);
    const e2 = makeExample('e2', [makeRun(B, { correctness: numeric(0.5) })]);
    const options = { groupBy: 'run_metadata' as const, sessionOrder: [A, B] };
    const build = createMatrixBuilder();
    const page1 = [
      makeGroup('v1', [makeSession(A, 'a')], [e1]),
      makeGroup('v2', [makeSession(B, 'b')], [e2]),
    ];
    const first = build(page1, options);
    const row = first.rows[0];
    const cellsBefore = Object.keys(row?.cells ?? {});
    const page2 = [page1[0] as Group, makeGroup('v2', [makeSession(B, 'b')], [e2, e1b])];
    const second = build(page2, options);
    expect(Object.keys(row?.cells ?? {})).toEqual(cellsBefore);
    expect(Object.keys(second.rows[0]?.cells ?? {}).sort()).toEqual(['0:' + A, '1:' + B].sort());
    expect(second).toEqual(buildMatrix(page2, options));
  });
});
