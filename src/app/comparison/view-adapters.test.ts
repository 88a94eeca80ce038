import { describe, expect, it } from 'vitest';
import { buildMatrix } from '../../features/matrix/model/pivot';
import {
  categorical,
  makeExample,
  makeGroup,
  makeRun,
  makeSession,
  numeric,
} from '../../testing/grouped-runs-fixtures';
import { A, B, C } from '../../testing/matrix-fixtures';
import { statsInputs } from './view-adapters';

const sessions = [
  { id: A, name: 'exp A' },
  { id: B, name: 'exp B' },
  { id: C, name: 'exp C' },
];

function matrix() {
  return buildMatrix(
    [
      makeGroup(
        'v1',
        [makeSession(A, 'exp A'), makeSession(B, 'exp B'), makeSession(C, 'exp C')],
        [
          makeExample('e1', [
            makeRun(A, { correctness: numeric(1), verdict: categorical({ pass: 1 }) }),
            makeRun(B, { correctness: numeric(0), verdict: categorical({ fail: 1 }) }),
            makeRun(C, { correctness: numeric(0.5) }, { latency: 2 }),
          ]),
          makeExample('e2', [
            makeRun(A, { correctness: numeric(0.25) }, { latency: 1 }),
            makeRun(B, {}, { latency: 3 }),
          ]),
        ],
      ),
    ],
    { groupBy: 'run_metadata', sessionOrder: [A, B, C] },
  );
}

describe('statsInputs', () => {
  it('lines up every session’s values by example, the baseline apart', () => {
    const m = matrix();
    const inputs = statsInputs({ matrix: m, sessions, baseline: A, flipped: new Set() }, 2);
    const correctness = inputs.find((i) => i.key === 'correctness');
    expect(correctness?.baseline).toEqual({ sessionId: A, name: 'exp A', values: [1, 0.25] });
    expect(correctness?.others.map((o) => o.values)).toEqual([
      [0, null],
      [0.5, null],
    ]);
    const verdict = inputs.find((i) => i.key === 'verdict');
    expect(verdict?.categories).toEqual([
      { sessionId: A, counts: { pass: 1 } },
      { sessionId: B, counts: { fail: 1 } },
      { sessionId: C, counts: {} },
    ]);
    expect(inputs.map((i) => i.key).slice(-2)).toEqual(['latency', 'cost']);
    expect(inputs.find((i) => i.key === 'latency')?.baseline.values).toHaveLength(2);
  });

  it('gives a new baseline the same figures, rearranged (read once per matrix)', () => {
    const m = matrix();
    const byA = statsInputs({ matrix: m, sessions, baseline: A, flipped: new Set() }, 2);
    const byB = statsInputs(
      { matrix: m, sessions, baseline: B, flipped: new Set(['correctness']) },
      2,
    );
    const a = byA.find((i) => i.key === 'correctness');
    const b = byB.find((i) => i.key === 'correctness');
    expect(b?.baseline.values).toEqual([0, null]);
    expect(b?.direction).not.toBe(a?.direction);
    expect(b?.others.map((o) => o.sessionId)).toEqual([A, C]);
    // The same arrays: nothing re-read.
    expect(b?.others[0]?.values).toBe(a?.baseline.values);
    // A different matrix is read afresh.
    const other = statsInputs({ matrix: matrix(), sessions, baseline: A, flipped: new Set() }, 2);
    expect(other.find((i) => i.key === 'correctness')?.baseline.values).not.toBe(
      a?.baseline.values,
    );
  });
});
