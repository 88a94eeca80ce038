import { describe, expect, it } from 'vitest';
import {
  makeExample,
  makeGroup,
  makeRun,
  makeSession,
  numeric,
} from '../../../testing/grouped-runs-fixtures';
import { A, B, C, makeCell, makeColumn, makeRow } from '../../../testing/matrix-fixtures';
import {
  baselineCell,
  cellDelta,
  classify,
  directionOf,
  METRIC_KEYS,
  metricDelta,
  metricDirection,
} from './compare';
import { buildMatrix } from './pivot';
import { changeCounts } from './score-table';
import type { Matrix } from './types';

describe('directions', () => {
  it('is higher-is-better unless flipped', () => {
    const flipped = new Set(['toxicity']);
    expect(directionOf('correctness', flipped)).toBe('higher');
    expect(directionOf('toxicity', flipped)).toBe('lower');
    expect(directionOf('toxicity', new Set())).toBe('higher');
  });

  it('fixes latency and cost as lower-is-better', () => {
    expect(METRIC_KEYS).toEqual(['latency', 'cost']);
    expect(metricDirection).toEqual({ latency: 'lower', cost: 'lower' });
  });
});

describe('classify', () => {
  it.each([
    [0.1, 'higher', 'improved'],
    [-0.1, 'higher', 'regressed'],
    [0.1, 'lower', 'regressed'],
    [-0.1, 'lower', 'improved'],
    [0, 'higher', 'unchanged'],
    [0, 'lower', 'unchanged'],
    [1e-10, 'higher', 'unchanged'],
    [-1e-10, 'lower', 'unchanged'],
    [Number.NaN, 'higher', 'unchanged'],
    [Number.POSITIVE_INFINITY, 'higher', 'unchanged'],
  ] as const)('%s with %s-is-better is %s', (delta, direction, change) => {
    expect(classify(delta, direction)).toBe(change);
  });

  it('treats float noise as unchanged and honours a custom epsilon', () => {
    expect(classify(0.3 - (0.1 + 0.2), 'higher')).toBe('unchanged');
    expect(classify(0.04, 'higher', 0.05)).toBe('unchanged');
    expect(classify(0.06, 'higher', 0.05)).toBe('improved');
  });
});

describe('baselineCell', () => {
  // Baseline A sits in groups 0 and 2; group 1 has no A column.
  const a0 = makeColumn(A, 0, 0);
  const b0 = makeColumn(B, 0, 1);
  const b1 = makeColumn(B, 1, 1);
  const c1 = makeColumn(C, 1, 2);
  const a2 = makeColumn(A, 2, 0);
  const columns = [a0, b0, b1, c1, a2];

  it('uses the baseline cell of the same group', () => {
    const baseA0 = makeCell(a0.id, A);
    const baseA2 = makeCell(a2.id, A);
    const row = makeRow('e', [baseA2, makeCell(b0.id, B), baseA0]);
    expect(baselineCell(row, b0, A, columns)).toBe(baseA0);
  });

  it('falls back to the baseline first cell in column order', () => {
    const baseA0 = makeCell(a0.id, A);
    const baseA2 = makeCell(a2.id, A);
    const row = makeRow('e', [baseA2, baseA0, makeCell(c1.id, C)]);
    expect(baselineCell(row, c1, A, columns)).toBe(baseA0);
    expect(baselineCell(row, b1, A, columns)).toBe(baseA0);
    const onlyLater = makeRow('e', [baseA2, makeCell(b0.id, B)]);
    // Group 0 has an A column, but this row has no cell there.
    expect(baselineCell(onlyLater, b0, A, columns)).toBe(baseA2);
  });

  it('is null for the baseline own columns and when the row has no baseline cell', () => {
    const row = makeRow('e', [makeCell(a0.id, A), makeCell(a2.id, A), makeCell(b0.id, B)]);
    expect(baselineCell(row, a0, A, columns)).toBeNull();
    expect(baselineCell(row, a2, A, columns)).toBeNull();
    expect(baselineCell(makeRow('e', [makeCell(b0.id, B)]), b0, A, columns)).toBeNull();
    expect(baselineCell(row, b0, 'not-a-session', columns)).toBeNull();
  });

  it('works with example_metadata columns', () => {
    const sa = makeColumn(A, null, 0);
    const sb = makeColumn(B, null, 1);
    const cols = [sa, sb];
    const base = makeCell(`s:${A}`, A);
    const row = makeRow('e', [base, makeCell(`s:${B}`, B)]);
    expect(baselineCell(row, sb, A, cols)).toBe(base);
    // Changing the baseline answers for the new one (the per-columns cache is keyed by it).
    expect(baselineCell(row, sa, B, cols)?.sessionId).toBe(B);
  });
});

describe('cellDelta and metricDelta', () => {
  const base = makeCell(
    's:a',
    A,
    { acc: 0.5, tox: 0.2, none: null },
    { latency: 2, totalCost: 0.01 },
  );
  const cell = makeCell(
    's:b',
    B,
    { acc: 0.75, tox: 0.4, none: 1 },
    { latency: 1.5, totalCost: 0.03 },
  );

  it('is cell minus baseline, classified by the key direction', () => {
    expect(cellDelta(cell, base, 'acc', 'higher')).toEqual({ delta: 0.25, change: 'improved' });
    const tox = cellDelta(cell, base, 'tox', directionOf('tox', new Set(['tox'])));
    expect(tox?.delta).toBeCloseTo(0.2, 12);
    expect(tox?.change).toBe('regressed');
  });

  it('is null when either side has no score', () => {
    expect(cellDelta(cell, base, 'none', 'higher')).toBeNull();
    expect(cellDelta(cell, base, 'missing', 'higher')).toBeNull();
    expect(cellDelta(base, cell, 'none', 'higher')).toBeNull();
  });

  it('treats a categorical key without numeric scores as having no delta', () => {
    const withLabel = makeCell('s:b', B);
    withLabel.scores.verdict = {
      key: 'verdict',
      score: null,
      spread: null,
      n: 0,
      label: 'pass',
      categories: { pass: 1 },
      comments: [],
    };
    const baseLabel = makeCell('s:a', A);
    baseLabel.scores.verdict = {
      key: 'verdict',
      score: null,
      spread: null,
      n: 0,
      label: 'fail',
      categories: { fail: 1 },
      comments: [],
    };
    expect(cellDelta(withLabel, baseLabel, 'verdict', 'higher')).toBeNull();
  });

  it('makes lower latency and cost an improvement', () => {
    expect(metricDelta(cell, base, 'latency')).toEqual({ delta: -0.5, change: 'improved' });
    const cost = metricDelta(cell, base, 'cost');
    expect(cost?.delta).toBeCloseTo(0.02, 12);
    expect(cost?.change).toBe('regressed');
    expect(metricDelta(makeCell('x', B), base, 'latency')).toBeNull();
    expect(metricDelta(cell, makeCell('y', A), 'cost')).toBeNull();
  });
});

describe('changeCounts', () => {
  const columns = [makeColumn(A, null, 0), makeColumn(B, null, 1), makeColumn(C, null, 2)];
  const matrix: Matrix = {
    groupBy: 'example_metadata',
    columns,
    feedbackKeys: [
      { key: 'acc', kind: 'numeric' },
      { key: 'lat', kind: 'numeric' },
      { key: 'verdict', kind: 'categorical' },
    ],
    foreignRuns: 0,
    rows: [
      makeRow('r1', [
        makeCell(`s:${A}`, A, { acc: 0.5, lat: 2 }),
        makeCell(`s:${B}`, B, { acc: 1, lat: 1 }),
        makeCell(`s:${C}`, C, { acc: 0.5, lat: 3 }),
      ]),
      makeRow('r2', [
        makeCell(`s:${A}`, A, { acc: 1, lat: null }),
        makeCell(`s:${B}`, B, { acc: 0, lat: 5 }),
      ]),
      makeRow('r3', [makeCell(`s:${B}`, B, { acc: 1 })]),
      makeRow('r4', [
        makeCell(`s:${A}`, A, { acc: null }),
        makeCell(`s:${B}`, B, { acc: 1 }),
        makeCell(`s:${C}`, C, { acc: 0.2 }),
      ]),
    ],
  };

  it('counts per non-baseline column and numeric key, over rows where both sides score', () => {
    expect(changeCounts(matrix, A, new Set(['lat']))).toEqual({
      [`s:${B}`]: {
        acc: { improved: 1, regressed: 1, unchanged: 0 },
        lat: { improved: 1, regressed: 0, unchanged: 0 },
      },
      [`s:${C}`]: {
        acc: { improved: 0, regressed: 0, unchanged: 1 },
        lat: { improved: 0, regressed: 1, unchanged: 0 },
      },
    });
  });

  it('flips with the direction and follows the chosen baseline', () => {
    const counts = changeCounts(matrix, A, new Set());
    expect(counts[`s:${B}`]?.lat).toEqual({ improved: 0, regressed: 1, unchanged: 0 });
    const againstB = changeCounts(matrix, B, new Set());
    expect(Object.keys(againstB)).toEqual([`s:${A}`, `s:${C}`]);
    // A vs B: r1 0.5-1 regressed, r2 1-0 improved; C vs B: r1 regressed, r4 regressed.
    expect(againstB[`s:${A}`]?.acc).toEqual({ improved: 1, regressed: 1, unchanged: 0 });
    expect(againstB[`s:${C}`]?.acc).toEqual({ improved: 0, regressed: 2, unchanged: 0 });
  });

  it('compares run_metadata columns with the baseline in another group', () => {
    const m = buildMatrix(
      [
        makeGroup(
          'g0',
          [makeSession(A, 'a')],
          [
            makeExample('e1', [makeRun(A, { acc: numeric(0.5) })]),
            makeExample('e2', [makeRun(A, { acc: numeric(1) })]),
          ],
        ),
        makeGroup(
          'g1',
          [makeSession(B, 'b')],
          [
            makeExample('e1', [makeRun(B, { acc: numeric(0.75) })]),
            makeExample('e2', [makeRun(B, { acc: numeric(1) })]),
            makeExample('e3', [makeRun(B, { acc: numeric(0) })]),
          ],
        ),
      ],
      { groupBy: 'run_metadata', sessionOrder: [A, B] },
    );
    expect(changeCounts(m, A, new Set())).toEqual({
      [`1:${B}`]: { acc: { improved: 1, regressed: 0, unchanged: 1 } },
    });
  });
});
