import { describe, expect, it } from 'vitest';
import type { Run } from '../../api/grouped-runs/schemas';
import type { Matrix, MatrixCell } from '../../features/matrix/model/types';
import { runToEnd } from '../../lib/scheduling';
import { boardGroups, groupSessions, walkRunTotals } from './board-adapters';

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

describe('boardGroups', () => {
  it('splits by group columns and reads each group’s own cells and runs', () => {
    const scored = (sessionId: string, score: number, latency: number) =>
      ({
        sessionId,
        runs: [run(latency, null, null)],
        errorCount: 0,
        scores: { q: { score, categories: {} } },
      }) as unknown as MatrixCell;
    const grouped = {
      columns: [
        { id: '0:A', sessionId: 'A', groupIndex: 0, groupKey: 'x' },
        { id: '1:A', sessionId: 'A', groupIndex: 1, groupKey: 'y' },
      ],
      rows: [
        { sectionIndex: null, cells: { '0:A': scored('A', 1, 2), '1:A': scored('A', 0, 5) } },
        { sectionIndex: null, cells: { '1:A': scored('A', 0.5, 7) } },
      ],
    } as unknown as Matrix;
    const groups = boardGroups(grouped, 'model');
    expect(groups.map((g) => g.label)).toEqual(['model = x', 'model = y']);
    const keys = [{ key: 'q', kind: 'numeric' as const, direction: 'higher' as const }];
    const [x] = groupSessions(groups[0]?.matrix as Matrix, [{ id: 'A', name: 'A' }], keys);
    const [y] = groupSessions(groups[1]?.matrix as Matrix, [{ id: 'A', name: 'A' }], keys);
    expect(Array.from(x?.values.get('q') ?? [])).toEqual([1, Number.NaN]);
    expect(Array.from(y?.values.get('q') ?? [])).toEqual([0, 0.5]);
    expect([x?.examples, y?.examples]).toEqual([1, 2]);
    expect(Array.from(y?.latencies ?? [])).toEqual([5, 7]);
  });
});
