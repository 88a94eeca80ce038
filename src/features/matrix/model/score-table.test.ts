import { describe, expect, it } from 'vitest';
import { makeExample, makeRun, numeric } from '../../../testing/grouped-runs-fixtures';
import { A, B, C, filter, syntheticGroups } from '../../../testing/matrix-fixtures';
import { baselineCell, classify, directionOf } from './compare';
import { buildMatrix, createMatrixBuilder } from './pivot';
import { buildScoreTable, changeCounts, type ScoreTable, scoreTableOf } from './score-table';
import { filterRows } from './sort-filter';
import type { Change, FilterSpec, Matrix, MatrixRow } from './types';

/**
 * The score arrays give the same answers as walking the rows' objects: the change counts
 * against the obvious loop over `baselineCell`, and the "only" filter with and without them.
 */
const D = 'dddddddd-0000-4000-8000-00000000000d';
const sessions = [A, B, C, D];

/** Synthetic data with holes: cells missing, scores null, a baseline absent from some rows. */
function holeyMatrix(groupCount: number): Matrix {
  const groups = syntheticGroups(300, sessions, groupCount);
  // A and C also ran under another value: their columns in a group of their own, so a
  // column can compare with the baseline in its own group or fall back to its first cell.
  const [again] = syntheticGroups(300, [C, A], 1);
  if (again) groups.push({ ...again, key: 'again' });
  const matrix = buildMatrix(groups, { groupBy: 'run_metadata', sessionOrder: sessions });
  let seed = 7;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  for (const row of matrix.rows) {
    for (const id of Object.keys(row.cells)) {
      const cell = row.cells[id];
      if (!cell) continue;
      const roll = random();
      if (roll < 0.1) delete row.cells[id];
      else if (roll < 0.2) for (const score of Object.values(cell.scores)) score.score = null;
      else if (roll < 0.25 && cell.scores.correctness) cell.scores.correctness.score = 0.5;
    }
  }
  return matrix;
}

function countsByWalking(matrix: Matrix, baseline: string, flipped: ReadonlySet<string>) {
  const keys = matrix.feedbackKeys.filter((k) => k.kind === 'numeric').map((k) => k.key);
  const out: Record<string, Record<string, Record<Change, number>>> = {};
  for (const column of matrix.columns) {
    if (column.sessionId === baseline) continue;
    const perKey: Record<string, Record<Change, number>> = {};
    for (const key of keys) {
      const count = { improved: 0, regressed: 0, unchanged: 0 };
      for (const row of matrix.rows) {
        const cell = row.cells[column.id];
        const base = cell ? baselineCell(row, column, baseline, matrix.columns) : null;
        const value = cell?.scores[key]?.score;
        const reference = base?.scores[key]?.score;
        if (value == null || reference == null) continue;
        count[classify(value - reference, directionOf(key, flipped))]++;
      }
      perKey[key] = count;
    }
    out[column.id] = perKey;
  }
  return out;
}

/** The "only" filter as the rows' objects answer it: any compared cell changed the wanted way. */
function onlyByWalking(
  matrix: Matrix,
  spec: FilterSpec,
  ctx: {
    visibleSessionIds: ReadonlySet<string>;
    baselineSessionId: string;
    flipped: ReadonlySet<string>;
  },
): MatrixRow[] {
  const wanted: Change = spec.only === 'regressions' ? 'regressed' : 'improved';
  const baseline = ctx.baselineSessionId;
  const compared = matrix.columns.filter(
    (c) =>
      (spec.onlySession === null
        ? ctx.visibleSessionIds.has(c.sessionId)
        : c.sessionId === spec.onlySession) && c.sessionId !== baseline,
  );
  return matrix.rows.filter((row) =>
    compared.some((column) => {
      const cell = row.cells[column.id];
      const base = cell ? baselineCell(row, column, baseline, matrix.columns) : null;
      if (!cell || !base) return false;
      const keys = spec.onlyKey === null ? Object.keys(cell.scores) : [spec.onlyKey];
      return keys.some((key) => {
        const value = cell.scores[key]?.score;
        const reference = base.scores[key]?.score;
        if (value == null || reference == null) return false;
        return classify(value - reference, directionOf(key, ctx.flipped)) === wanted;
      });
    }),
  );
}

describe.each([1, 2, 3])('score arrays, %i group(s)', (groupCount) => {
  const matrix = holeyMatrix(groupCount);
  const flips = [new Set<string>(), new Set(['correctness']), new Set(['helpfulness', 'verdict'])];

  it.each(sessions)('count changes against baseline %s as walking the rows does', (baseline) => {
    for (const flipped of flips) {
      expect(changeCounts(matrix, baseline, flipped)).toEqual(
        countsByWalking(matrix, baseline, flipped),
      );
    }
  });

  it.each(sessions)(
    'filter "only" rows against baseline %s as walking the rows does',
    (baseline) => {
      const scores = scoreTableOf(matrix);
      const specs = [
        filter({ only: 'regressions' }),
        filter({ only: 'improvements' }),
        filter({ only: 'regressions', onlyKey: 'correctness' }),
        filter({ only: 'improvements', onlyKey: 'helpfulness' }),
        filter({ only: 'regressions', onlyKey: 'no such key' }),
        filter({ only: 'regressions', onlySession: B }),
        filter({ only: 'improvements', onlySession: C, onlyKey: 'correctness' }),
        filter({ only: 'regressions', onlySession: baseline }),
      ];
      for (const spec of specs) {
        for (const [flipped, visible] of [
          [flips[1], new Set(sessions)],
          [flips[2], new Set([A, C, baseline])],
        ] as const) {
          const ctx = {
            columns: matrix.columns,
            visibleSessionIds: visible,
            baselineSessionId: baseline,
            flipped: flipped ?? new Set<string>(),
          };
          const walked = onlyByWalking(matrix, spec, ctx);
          const fast = filterRows(matrix.rows, spec, { ...ctx, scores });
          expect(fast.map((r) => r.exampleId)).toEqual(walked.map((r) => r.exampleId));
          expect(walked.length).toBeLessThan(matrix.rows.length);
          // Without the matrix's arrays, the filter builds them from the rows it is given.
          const subset = matrix.rows.slice(0, 120).reverse();
          const built = filterRows(subset, spec, ctx);
          expect(built).toEqual(walked.filter((row) => subset.includes(row)).reverse());
        }
      }
    },
  );
});

describe('a header count and the rows its button shows', () => {
  it('agree for an experiment with one column', () => {
    const matrix = holeyMatrix(1);
    const flipped = new Set(['helpfulness']);
    const counts = changeCounts(matrix, A, flipped);
    const ctx = {
      columns: matrix.columns,
      visibleSessionIds: new Set(sessions),
      baselineSessionId: A,
      flipped,
    };
    let compared = 0;
    // B and D sit in one column each (A and C ran under a second value too).
    for (const column of matrix.columns.filter((c) => c.sessionId === B || c.sessionId === D)) {
      for (const [key, count] of Object.entries(counts[column.id] ?? {})) {
        for (const [only, change] of [
          ['regressions', 'regressed'],
          ['improvements', 'improved'],
        ] as const) {
          const spec = filter({ only, onlyKey: key, onlySession: column.sessionId });
          expect(filterRows(matrix.rows, spec, ctx)).toHaveLength(count[change]);
          compared += 1;
        }
      }
    }
    expect(compared).toBeGreaterThanOrEqual(8);
  });
});

describe('scoreTableOf', () => {
  it('is built once per matrix', () => {
    const matrix = holeyMatrix(2);
    expect(scoreTableOf(matrix)).toBe(scoreTableOf(matrix));
  });
});

/** A table's values by key name (the order keys are numbered in is the table's own). */
function byKey(table: ScoreTable) {
  const n = table.keys.length;
  return {
    rows: [...table.rowIndex],
    hasCell: table.hasCell,
    scores: Object.fromEntries(
      table.keys
        .map((key, k) => [key, table.columns.map((_, c) => table.scores[c * n + k])] as const)
        .sort(([a], [b]) => a.localeCompare(b)),
    ),
  };
}

describe('a table built on the last one ("Load all"\'s pages)', () => {
  it('equals the table read from every row, with rows kept, copied, moved and new', () => {
    const full = syntheticGroups(300, sessions, 2);
    // Page 2 brings an example only the second group has, scored on a key page 1 never saw.
    const extra = makeExample('ex-extra', [makeRun(B, { brevity: numeric(0.25) })]);
    const page = (first: number, second: number, more: boolean) =>
      full.map((group, g) => ({
        ...group,
        examples: [
          ...group.examples.slice(0, g === 0 ? first : second),
          ...(more && g === 1 ? [extra] : []),
        ],
      }));
    const options = { groupBy: 'run_metadata' as const, sessionOrder: sessions };
    const build = createMatrixBuilder();
    const one = build(page(100, 60, false), options);
    const two = build(page(250, 200, true), options);
    // What the page did to the rows: some are the same objects, some copied (a row that
    // gained the second group's cells), some new, and the new key is scored.
    const kept = two.rows.filter((row) => one.rows.includes(row)).length;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(one.rows.length);
    expect(two.rows.length).toBeGreaterThan(one.rows.length);

    const first = buildScoreTable(one.rows, one.columns, null);
    const extended = buildScoreTable(two.rows, two.columns, first);
    const fresh = buildScoreTable(two.rows, two.columns, null);
    expect(extended.keys).toContain('brevity');
    expect(byKey(extended)).toEqual(byKey(fresh));
    // Rows in another order (a sort): each keeps its own values.
    const reversed = two.rows.slice().reverse();
    expect(byKey(buildScoreTable(reversed, two.columns, fresh))).toEqual(
      byKey(buildScoreTable(reversed, two.columns, null)),
    );
  });

  it('is what scoreTableOf gives for the next page, with the same change counts', () => {
    const full = syntheticGroups(200, sessions, 2);
    const page = (n: number) =>
      full.map((group) => ({ ...group, examples: group.examples.slice(0, n) }));
    const options = { groupBy: 'run_metadata' as const, sessionOrder: sessions };
    const build = createMatrixBuilder();
    scoreTableOf(build(page(50), options));
    const next = build(page(200), options);
    expect(byKey(scoreTableOf(next))).toEqual(
      byKey(buildScoreTable(next.rows, next.columns, null)),
    );
    expect(changeCounts(next, A, new Set())).toEqual(countsByWalking(next, A, new Set()));
  });
});
