import { describe, expect, it } from 'vitest';
import {
  categorical,
  comment,
  makeExample,
  makeGroup,
  makeRun,
  makeSession,
  numeric,
} from '../../../testing/grouped-runs-fixtures';
import { A, B } from '../../../testing/matrix-fixtures';
import { buildMatrix } from './pivot';
import type { MatrixCell, MatrixRow } from './types';

function cell(row: MatrixRow | undefined, columnId: string): MatrixCell {
  const found = row?.cells[columnId];
  if (!found) throw new Error(`no cell ${columnId}`);
  return found;
}

describe('feedbackKeys', () => {
  it('lists every key once, sorted, numeric when any run has a numeric mean', () => {
    const groups = [
      makeGroup(
        'g',
        [makeSession(A, 'a'), makeSession(B, 'b')],
        [
          makeExample('e1', [
            makeRun(A, { zeta: categorical({ yes: 1 }), alpha: comment('c') }),
            makeRun(B, { zeta: categorical({ no: 1 }, 1), Beta: numeric(null) }),
          ]),
          makeExample('e2', [makeRun(A, { mid: categorical({ x: 1 }) })]),
        ],
      ),
    ];
    const m = buildMatrix(groups, { groupBy: 'run_metadata', sessionOrder: [A, B] });
    expect(m.feedbackKeys).toEqual([
      { key: 'alpha', kind: 'comment' },
      { key: 'Beta', kind: 'empty' },
      { key: 'mid', kind: 'categorical' },
      { key: 'zeta', kind: 'numeric' },
    ]);
  });

  it('handles 50 keys and 200-character keys', () => {
    const feedback: Record<string, ReturnType<typeof numeric>> = {};
    for (let i = 0; i < 50; i++) feedback[`key-${String(i).padStart(2, '0')}`] = numeric(i / 50);
    const long = 'k'.repeat(199);
    feedback[`${long}a`] = numeric(0.3);
    feedback[`${long}b`] = categorical({ [`label ${'L'.repeat(200)}`]: 1 });
    const m = buildMatrix(
      [makeGroup('g', [makeSession(A, 'a')], [makeExample('e', [makeRun(A, feedback)])])],
      { groupBy: 'run_metadata', sessionOrder: [A] },
    );
    expect(m.feedbackKeys).toHaveLength(52);
    expect(m.feedbackKeys[0]?.key).toBe('key-00');
    expect(m.feedbackKeys[49]?.key).toBe('key-49');
    expect(m.feedbackKeys[50]).toEqual({ key: `${long}a`, kind: 'numeric' });
    expect(m.feedbackKeys[51]).toEqual({ key: `${long}b`, kind: 'categorical' });
    expect(m.feedbackKeys[51]?.key).toHaveLength(200);
    const c = cell(m.rows[0], `0:${A}`);
    expect(Object.keys(c.scores)).toHaveLength(52);
    expect(c.scores['key-49']?.score).toBe(0.98);
    expect(c.scores[`${long}b`]?.label).toBe(`label ${'L'.repeat(200)}`);
  });
});
