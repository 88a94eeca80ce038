import { describe, expect, it } from 'vitest';
import { buildMatrix } from '../../features/matrix/model/pivot';
import {
  categorical,
  comment,
  makeExample,
  makeGroup,
  makeRun,
  makeSession,
  numeric,
} from '../../testing/grouped-runs-fixtures';
import { A, B, C } from '../../testing/matrix-fixtures';
import { commentOnlyKeys, exampleMetadata, exportExamples, statsInputs } from './view-adapters';

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
    expect(correctness?.baseline).toMatchObject({ sessionId: A, name: 'exp A' });
    // Missing values are NaN in the typed arrays the worker receives.
    expect(Array.from(correctness?.baseline.values ?? [])).toEqual([1, 0.25]);
    expect(correctness?.others.map((o) => Array.from(o.values))).toEqual([
      [0, Number.NaN],
      [0.5, Number.NaN],
    ]);
    // No example ran twice: nothing about repetitions is sent.
    expect(correctness?.baseline.runs).toBeUndefined();
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
    expect(Array.from(b?.baseline.values ?? [])).toEqual([0, Number.NaN]);
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

describe('repetitions and metadata for the statistics', () => {
  it('sends each example’s spread across its runs as a sample variance, and its run count', () => {
    const m = buildMatrix(
      [
        makeGroup(
          'v1',
          [makeSession(A, 'exp A'), makeSession(B, 'exp B')],
          [
            makeExample(
              'e1',
              [
                makeRun(A, { correctness: numeric(1) }),
                makeRun(B, { correctness: numeric(1) }),
                makeRun(B, { correctness: numeric(0) }),
                makeRun(B, { correctness: numeric(1) }),
              ],
              { metadata: { topic: 'billing' } },
            ),
            makeExample('e2', [makeRun(A, { correctness: numeric(0) }), makeRun(B, {})]),
          ],
        ),
      ],
      { groupBy: 'run_metadata', sessionOrder: [A, B] },
    );
    const inputs = statsInputs(
      { matrix: m, sessions: sessions.slice(0, 2), baseline: A, flipped: new Set() },
      2,
    );
    const b = inputs.find((i) => i.key === 'correctness')?.others[0];
    // Runs 1, 0, 1: mean 2/3, sample variance ((1/3)² + (2/3)² + (1/3)²)/2 = 1/3.
    expect(b?.values[0]).toBeCloseTo(2 / 3, 12);
    expect(b?.withinVariance?.[0]).toBeCloseTo(1 / 3, 12);
    expect(Array.from(b?.runs ?? [])).toEqual([3, Number.NaN]);
    expect(exampleMetadata(m)).toEqual([{ topic: 'billing' }, {}]);
  });
});

describe('exportExamples', () => {
  const m = buildMatrix(
    [
      makeGroup(
        'gpt-4o',
        [makeSession(A, 'exp A'), makeSession(B, 'exp B')],
        [
          makeExample(
            'e1',
            [
              makeRun(A, {
                correctness: numeric(1),
                verdict: categorical({ PASS: 1 }),
                note: comment('Clear answer'),
              }),
              makeRun(B, {
                correctness: numeric(0.7, ['Missed the refund window']),
                verdict: categorical({ FAIL: 1 }),
              }),
            ],
            { outputs: { answer: 'Refunds within 30 days.' } },
          ),
        ],
      ),
    ],
    { groupBy: 'run_metadata', sessionOrder: [A, B] },
  );
  const ctx = {
    matrix: m,
    sessions: sessions.slice(0, 2),
    baseline: A,
    flipped: new Set<string>(),
  };
  const keys = ['correctness', 'note', 'verdict'];
  const [e1] = exportExamples(ctx, m.rows, [A, B], keys);

  it('gives each cell its group, comments and reference output', () => {
    expect(e1?.referenceOutput).toBe('Refunds within 30 days.');
    expect(e1?.cells.map((c) => c.group)).toEqual(['gpt-4o', 'gpt-4o']);
    expect(e1?.cells[0]?.comments.note).toEqual(['Clear answer']);
    expect(e1?.cells[1]?.comments.correctness).toEqual(['Missed the refund window']);
    expect(commentOnlyKeys(m)).toEqual(['note']);
  });

  it('writes differences as decimals and a category’s change in words', () => {
    // 0.7 − 1 in floating point is −0.30000000000000004.
    expect(0.7 - 1).not.toBe(-0.3);
    expect(e1?.cells[1]?.deltas).toEqual({ correctness: -0.3, note: null, verdict: 'PASS → FAIL' });
    // The baseline is not compared with itself.
    expect(e1?.cells[0]?.deltas).toEqual({ correctness: null, note: null, verdict: null });
  });
});
