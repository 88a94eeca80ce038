import { describe, expect, it } from 'vitest';
import type { Run } from '../../api/grouped-runs/schemas';
import type { Matrix, MatrixCell } from '../../features/matrix/model/types';
import { runToEnd } from '../../lib/scheduling';
import { walkRunTotals } from './board-adapters';

const run = (latency: number | null, cost: number | null, tokens: number | null) =>
  ({ latency, totalCost: cost, totalTokens: tokens }) as Run;
const cell = (sessionId: string, runs: Run[], errorCount = 0) =>
  ({ sessionId, runs, errorCount }) as MatrixCell;

// Two groups: experiment A ran example 1 under both (two columns), B ran under one.
const matrix = {
  columns: [
    { id: '0:A', sessionId: 'A' },
    { id: '1:A', sessionId: 'A' },
    { id: '0:B', sessionId: 'B' },
  ],
  rows: [
    { cells: { '0:A': cell('A', [run(1, 0.1, 10)]), '1:A': cell('A', [run(3, null, 30)], 1) } },
    { cells: { '0:B': cell('B', [run(2, null, null), run(4, null, null)]) } },
    { cells: { '0:A': cell('A', []) } },
  ],
} as unknown as Matrix;

describe('walkRunTotals', () => {
  it('counts an example once however many groups ran it, and sums only costs that exist', () => {
    const totals = runToEnd(walkRunTotals(matrix));
    expect(totals.get('A')).toMatchObject({
      examples: 1,
      runs: 2,
      errors: 1,
      cost: 0.1,
      tokens: 40,
    });
    expect([...(totals.get('A')?.latencies ?? [])]).toEqual([1, 3]);
    expect(totals.get('B')).toMatchObject({
      examples: 1,
      runs: 2,
      errors: 0,
      cost: null,
      tokens: null,
    });
  });

  it('walks a matrix once: the same totals come back without walking again', () => {
    const first = runToEnd(walkRunTotals(matrix));
    const again = walkRunTotals(matrix).next();
    expect(again.done).toBe(true);
    expect(again.value).toBe(first);
  });
});
