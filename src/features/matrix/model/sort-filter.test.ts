import { describe, expect, it } from 'vitest';
import {
  comment,
  makeExample,
  makeGroup,
  makeRun,
  makeSession,
  numeric,
} from '../../../testing/grouped-runs-fixtures';
import {
  A,
  B,
  C,
  filter,
  makeCell,
  makeColumn,
  makeRow,
  syntheticGroups,
} from '../../../testing/matrix-fixtures';
import { buildMatrix } from './pivot';
import { buildSearchIndex } from './search-text';
import {
  EMPTY_FILTER,
  type FilterContext,
  filterRows,
  isFilterActive,
  sortReadsBaseline,
  sortRows,
} from './sort-filter';
import type { MatrixRow, SortSpec } from './types';

// run_metadata-like columns: B sits in groups 0 and 1; the baseline A only in group 0.
const columns = [makeColumn(A, 0, 0), makeColumn(B, 0, 1), makeColumn(B, 1, 1)];
const [a0, b0, b1] = columns.map((c) => c.id) as [string, string, string];

function named(id: string, name: string, cells: Parameters<typeof makeRow>[1]): MatrixRow {
  const row = makeRow(id, cells);
  row.example = { ...row.example, name };
  return row;
}

const rows: MatrixRow[] = [
  named('r0', 'Example 10', [
    makeCell(a0, A, { acc: 0.5 }),
    makeCell(b0, B, { acc: 0.9 }, { latency: 3, totalCost: 0.02 }),
  ]),
  named('r1', 'Example 2', [
    makeCell(a0, A, { acc: 0.5 }),
    // B's first cell has no score: the sort must not fall through to its later cell.
    makeCell(b0, B, { acc: null }, { totalCost: 0.01 }),
    makeCell(b1, B, { acc: 0.1 }, { latency: 0.1 }),
  ]),
  named('r2', 'example 1', [makeCell(b1, B, { acc: 0.3 }, { latency: 2 })]),
  named('r3', 'Example 2', [
    makeCell(a0, A, { acc: 1 }),
    makeCell(b0, B, { acc: 0.9 }, { latency: 0.5, totalCost: 0.02 }),
  ]),
  named('r4', 'Example 3', [makeCell(a0, A, { acc: 0.7 })]),
];
const ctx = { columns, baselineSessionId: A, flipped: new Set<string>() };
const ids = (list: MatrixRow[]) => list.map((r) => r.exampleId);

describe('sortRows', () => {
  it.each<[SortSpec, string[]]>([
    [{ by: 'example', dir: 'asc' }, ['r2', 'r1', 'r3', 'r4', 'r0']],
    [{ by: 'example', dir: 'desc' }, ['r0', 'r4', 'r3', 'r1', 'r2']],
    [{ by: 'score', sessionId: B, key: 'acc', dir: 'asc' }, ['r2', 'r0', 'r3', 'r1', 'r4']],
    [{ by: 'score', sessionId: B, key: 'acc', dir: 'desc' }, ['r0', 'r3', 'r2', 'r1', 'r4']],
    [{ by: 'score', sessionId: A, key: 'acc', dir: 'asc' }, ['r0', 'r1', 'r4', 'r3', 'r2']],
    [{ by: 'score', sessionId: B, key: 'missing', dir: 'desc' }, ['r0', 'r1', 'r2', 'r3', 'r4']],
    [{ by: 'delta', sessionId: B, key: 'acc', dir: 'asc' }, ['r3', 'r0', 'r1', 'r2', 'r4']],
    [{ by: 'delta', sessionId: B, key: 'acc', dir: 'desc' }, ['r0', 'r3', 'r1', 'r2', 'r4']],
    [{ by: 'delta', sessionId: A, key: 'acc', dir: 'desc' }, ['r0', 'r1', 'r2', 'r3', 'r4']],
    [{ by: 'latency', sessionId: B, dir: 'asc' }, ['r3', 'r2', 'r0', 'r1', 'r4']],
    [{ by: 'latency', sessionId: B, dir: 'desc' }, ['r0', 'r2', 'r3', 'r1', 'r4']],
    [{ by: 'cost', sessionId: B, dir: 'asc' }, ['r1', 'r0', 'r3', 'r2', 'r4']],
    [{ by: 'cost', sessionId: B, dir: 'desc' }, ['r0', 'r3', 'r1', 'r2', 'r4']],
  ])('%j', (sort, expected) => {
    expect(ids(sortRows(rows, sort, ctx))).toEqual(expected);
  });

  it('keeps the delta order by value whatever the key direction', () => {
    const flipped = { ...ctx, flipped: new Set(['acc']) };
    expect(
      ids(sortRows(rows, { by: 'delta', sessionId: B, key: 'acc', dir: 'asc' }, flipped)),
    ).toEqual(['r3', 'r0', 'r1', 'r2', 'r4']);
  });

  it('has no deltas without a baseline', () => {
    const none = { ...ctx, baselineSessionId: null };
    expect(
      ids(sortRows(rows, { by: 'delta', sessionId: B, key: 'acc', dir: 'asc' }, none)),
    ).toEqual(ids(rows));
  });

  it('returns a new array and never mutates the input', () => {
    const before = rows.slice();
    const sorted = sortRows(rows, { by: 'example', dir: 'asc' }, ctx);
    expect(sorted).not.toBe(rows);
    expect(rows).toEqual(before);
    const unsorted = sortRows(rows, null, ctx);
    expect(unsorted).not.toBe(rows);
    expect(unsorted).toEqual(rows);
  });

  it('is stable for equal values in both directions', () => {
    const same = Array.from({ length: 50 }, (_, i) =>
      named(`s${i}`, 'Same', [makeCell(b0, B, { acc: i % 2 ? 1 : 0 })]),
    );
    const asc = ids(sortRows(same, { by: 'score', sessionId: B, key: 'acc', dir: 'asc' }, ctx));
    const evens = same.filter((_, i) => i % 2 === 0).map((r) => r.exampleId);
    const odds = same.filter((_, i) => i % 2 === 1).map((r) => r.exampleId);
    expect(asc).toEqual([...evens, ...odds]);
    const desc = ids(sortRows(same, { by: 'score', sessionId: B, key: 'acc', dir: 'desc' }, ctx));
    expect(desc).toEqual([...odds, ...evens]);
    // Same name and id: the input order wins.
    const twins = [named('t', 'Same', []), named('t', 'Same', [])];
    expect(sortRows(twins, { by: 'example', dir: 'desc' }, ctx)).toEqual(twins);
    expect(sortRows(twins, { by: 'example', dir: 'desc' }, ctx)[0]).toBe(twins[0]);
  });

  it('sorts within example_metadata sections, keeping sections in order', () => {
    const col = makeColumn(A, null, 0);
    const sectioned = [
      { ...makeRow('x', [makeCell(col.id, A, { acc: 0.2 })]), sectionIndex: 0, sectionKey: 'a' },
      { ...makeRow('y', [makeCell(col.id, A, { acc: 0.8 })]), sectionIndex: 0, sectionKey: 'a' },
      { ...makeRow('z', [makeCell(col.id, A, { acc: 0.9 })]), sectionIndex: 1, sectionKey: 'b' },
      { ...makeRow('w', [makeCell(col.id, A, { acc: 0.1 })]), sectionIndex: 1, sectionKey: 'b' },
    ];
    const sorted = sortRows(
      sectioned,
      { by: 'score', sessionId: A, key: 'acc', dir: 'desc' },
      {
        ...ctx,
        columns: [col],
      },
    );
    expect(ids(sorted)).toEqual(['y', 'x', 'z', 'w']);
  });
});

describe('filterRows', () => {
  const groups = [
    makeGroup(
      'g',
      [makeSession(A, 'a'), makeSession(B, 'b'), makeSession(C, 'c')],
      [
        makeExample(
          'e1',
          [
            makeRun(A, { acc: numeric(1), tox: numeric(0.1) }, { outputs: { answer: 'Paris' } }),
            makeRun(B, { acc: numeric(0), tox: numeric(0.1) }, { outputs: { answer: 'Lyon' } }),
            makeRun(C, { acc: numeric(1), tox: numeric(0.5), style: comment('Verbose reply') }),
          ],
          {
            name: 'Capital',
            inputs: { question: 'What is the capital of France?' },
            outputs: { answer: 'Paris' },
          },
        ),
        makeExample(
          'e2',
          [
            makeRun(A, { acc: numeric(0.5), tox: numeric(0.2) }),
            makeRun(B, { acc: numeric(1), tox: numeric(0.1) }, { outputsPreview: '100 °C' }),
            makeRun(C, {}, { error: 'RateLimitError: slow down', status: 'error' }),
          ],
          { name: 'Boiling point', inputs: { question: 'Boiling point of water?' } },
        ),
        makeExample(
          'e3',
          [
            makeRun(A, { acc: numeric(1) }),
            makeRun(B, { acc: numeric(1) }),
            makeRun(C, { acc: numeric(0) }),
          ],
          { name: 'Translate', inputs: { text: 'Bonjour le monde' } },
        ),
        makeExample('e4', [], { name: 'No runs', inputs: { question: 'unused' } }),
      ],
    ),
  ];
  const matrix = buildMatrix(groups, { groupBy: 'example_metadata', sessionOrder: [A, B, C] });
  const all = new Set([A, B, C]);
  const base: FilterContext = {
    columns: matrix.columns,
    visibleSessionIds: all,
    baselineSessionId: A,
    flipped: new Set<string>(),
  };
  const withIndex = { ...base, searchIndex: buildSearchIndex(matrix.rows) };
  const run = (spec: Parameters<typeof filter>[0], context: typeof base = base) =>
    ids(filterRows(matrix.rows, filter(spec), context));

  it('returns the very same array when nothing filters', () => {
    expect(filterRows(matrix.rows, EMPTY_FILTER, base)).toBe(matrix.rows);
    expect(filterRows(matrix.rows, filter({ text: '  \n ' }), base)).toBe(matrix.rows);
    expect(
      filterRows(matrix.rows, filter({ ranges: [{ key: 'acc', min: null, max: null }] }), base),
    ).toBe(matrix.rows);
  });

  it.each<[string, string[]]>([
    ['paris', ['e1']],
    ['CAPITAL france', ['e1']],
    ['capital water', []],
    ['lyon', ['e1']],
    ['verbose', ['e1']],
    ['ratelimiterror', ['e2']],
    ['°c', ['e2']],
    ['boiling', ['e2']],
    ['bonjour MONDE', ['e3']],
    ['unused', ['e4']],
    // Keys are not searched: "question" would otherwise match every row.
    ['question', []],
    ['e', ['e1', 'e2', 'e3', 'e4']],
  ])('text %j', (text, expected) => {
    expect(run({ text })).toEqual(expected);
    expect(run({ text }, withIndex)).toEqual(expected);
  });

  it('keeps rows where a visible non-baseline session regressed', () => {
    expect(run({ only: 'regressions' })).toEqual(['e1', 'e2', 'e3']);
    expect(run({ only: 'regressions', onlyKey: 'acc' })).toEqual(['e1', 'e3']);
    expect(run({ only: 'regressions', onlyKey: 'tox' })).toEqual(['e2']);
    expect(run({ only: 'regressions', onlyKey: 'nope' })).toEqual([]);
  });

  it('keeps rows where a visible non-baseline session improved', () => {
    expect(run({ only: 'improvements' })).toEqual(['e1', 'e2']);
    expect(run({ only: 'improvements', onlyKey: 'acc' })).toEqual(['e2']);
  });

  it('follows flipped directions', () => {
    const flipped = { ...base, flipped: new Set(['tox']) };
    expect(run({ only: 'regressions', onlyKey: 'tox' }, flipped)).toEqual(['e1']);
    expect(run({ only: 'improvements', onlyKey: 'tox' }, flipped)).toEqual(['e2']);
  });

  it('only looks at visible sessions, but still compares with a hidden baseline', () => {
    expect(
      run({ only: 'regressions', onlyKey: 'acc' }, { ...base, visibleSessionIds: new Set([A, C]) }),
    ).toEqual(['e3']);
    expect(
      run({ only: 'regressions', onlyKey: 'acc' }, { ...base, visibleSessionIds: new Set([A, B]) }),
    ).toEqual(['e1']);
    expect(
      run({ only: 'regressions', onlyKey: 'acc' }, { ...base, visibleSessionIds: new Set([B, C]) }),
    ).toEqual(['e1', 'e3']);
    expect(run({ only: 'regressions' }, { ...base, baselineSessionId: null })).toEqual([]);
  });

  it('looks at one experiment when onlySession names it, shown or hidden', () => {
    // Against A: B lost acc on e1 and tox on e2, gained acc on e2; C lost acc on e3, gained tox on e1.
    expect(run({ only: 'regressions', onlySession: B })).toEqual(['e1', 'e2']);
    expect(run({ only: 'regressions', onlySession: B, onlyKey: 'tox' })).toEqual(['e2']);
    expect(run({ only: 'regressions', onlySession: C })).toEqual(['e3']);
    expect(run({ only: 'improvements', onlySession: B })).toEqual(['e2']);
    expect(run({ only: 'improvements', onlySession: C })).toEqual(['e1']);
    const bHidden = { ...base, visibleSessionIds: new Set([A, C]) };
    expect(run({ only: 'regressions', onlySession: B }, bHidden)).toEqual(['e1', 'e2']);
    // The baseline has no changes of its own.
    expect(run({ only: 'regressions', onlySession: A })).toEqual([]);
  });

  it('keeps rows with a failed run in a visible session', () => {
    expect(run({ only: 'errors' })).toEqual(['e2']);
    expect(run({ only: 'errors' }, { ...base, visibleSessionIds: new Set([A, B]) })).toEqual([]);
  });

  it('keeps rows where some visible cell scores within each range', () => {
    expect(run({ ranges: [{ key: 'acc', min: 0, max: 0.4 }] })).toEqual(['e1', 'e3']);
    expect(run({ ranges: [{ key: 'acc', min: null, max: 0.5 }] })).toEqual(['e1', 'e2', 'e3']);
    expect(run({ ranges: [{ key: 'acc', min: 1, max: null }] })).toEqual(['e1', 'e2', 'e3']);
    expect(run({ ranges: [{ key: 'acc', min: 0.6, max: 0.9 }] })).toEqual([]);
    expect(
      run({
        ranges: [
          { key: 'acc', min: 0, max: 0.4 },
          { key: 'tox', min: 0.4, max: null },
        ],
      }),
    ).toEqual(['e1']);
    expect(
      run(
        { ranges: [{ key: 'acc', min: 0, max: 0.4 }] },
        { ...base, visibleSessionIds: new Set([A, B]) },
      ),
    ).toEqual(['e1']);
  });

  it('ANDs every condition', () => {
    expect(run({ only: 'regressions', text: 'bonjour' })).toEqual(['e3']);
    expect(run({ only: 'errors', text: 'bonjour' })).toEqual([]);
    expect(run({ only: 'improvements', ranges: [{ key: 'tox', min: 0.4, max: 1 }] })).toEqual([
      'e1',
    ]);
    expect(
      run({
        text: 'e',
        only: 'regressions',
        onlyKey: 'acc',
        ranges: [{ key: 'acc', min: 0, max: 0 }],
      }),
    ).toEqual(['e1', 'e3']);
  });

  it('does not mutate its input', () => {
    const before = matrix.rows.slice();
    const out = filterRows(matrix.rows, filter({ text: 'paris' }), base);
    expect(out).not.toBe(matrix.rows);
    expect(matrix.rows).toEqual(before);
  });
});

describe('isFilterActive', () => {
  it.each([
    [filter(), false],
    [filter({ text: '   ' }), false],
    [filter({ onlyKey: 'acc' }), false],
    [filter({ ranges: [{ key: 'acc', min: null, max: null }] }), false],
    [filter({ text: 'x' }), true],
    [filter({ only: 'errors' }), true],
    [filter({ ranges: [{ key: 'acc', min: 0, max: null }] }), true],
    [filter({ ranges: [{ key: 'acc', min: null, max: 1 }] }), true],
  ])('%j -> %s', (spec, active) => {
    expect(isFilterActive(spec)).toBe(active);
  });
});

describe('sorting before filtering (what the view does)', () => {
  const sessions = [A, B, C];
  const m = buildMatrix(syntheticGroups(400, sessions, 2), {
    groupBy: 'run_metadata',
    sessionOrder: sessions,
  });
  const sorts: (SortSpec | null)[] = [
    null,
    { by: 'example', dir: 'desc' },
    { by: 'score', sessionId: B, key: 'correctness', dir: 'asc' },
    { by: 'delta', sessionId: C, key: 'correctness', dir: 'desc' },
    { by: 'latency', sessionId: A, dir: 'asc' },
  ];
  const filters = [
    EMPTY_FILTER,
    filter({ only: 'regressions' }),
    filter({ only: 'improvements', onlyKey: 'correctness' }),
    filter({ text: 'refund' }),
    filter({ only: 'errors' }),
  ];
  it.each(sorts.flatMap((sort) => filters.map((f) => [sort, f] as const)))(
    'gives the same rows as filtering first: %j, %j',
    (sort, f) => {
      const ctx = {
        columns: m.columns,
        baselineSessionId: A,
        flipped: new Set<string>(),
        visibleSessionIds: new Set(sessions),
      };
      const sortCtx = { ...ctx, baselineSessionId: sortReadsBaseline(sort) ? A : null };
      const sortThenFilter = filterRows(sortRows(m.rows, sort, sortCtx), f, ctx);
      const filterThenSort = sortRows(filterRows(m.rows, f, ctx), sort, ctx);
      expect(sortThenFilter.map((r) => r.exampleId)).toEqual(
        filterThenSort.map((r) => r.exampleId),
      );
    },
  );
});

describe('10,000 examples x 8 sessions (speed is measured by `npm run bench`)', () => {
  it('builds, sorts and filters at scale', () => {
    const sessions = [A, B, C, ...Array.from({ length: 5 }, (_, i) => `${i}`.repeat(8))];
    const groups = syntheticGroups(10_000, sessions, 2);
    const time = <T>(_step: string, f: () => T): T => f();
    const m = time('buildMatrix', () =>
      buildMatrix(groups, { groupBy: 'run_metadata', sessionOrder: sessions }),
    );
    expect(m.rows).toHaveLength(10_000);
    expect(m.columns).toHaveLength(8);
    expect(m.foreignRuns).toBe(0);
    const sortCtx = { columns: m.columns, baselineSessionId: A, flipped: new Set<string>() };
    const byExample = time('sortRows example', () =>
      sortRows(m.rows, { by: 'example', dir: 'desc' }, sortCtx),
    );
    expect(byExample[0]?.example.name).toBe('Example 9999');
    time('sortRows score', () =>
      sortRows(m.rows, { by: 'score', sessionId: B, key: 'correctness', dir: 'asc' }, sortCtx),
    );
    time('sortRows delta', () =>
      sortRows(m.rows, { by: 'delta', sessionId: B, key: 'correctness', dir: 'desc' }, sortCtx),
    );
    const filterCtx = {
      ...sortCtx,
      visibleSessionIds: new Set(sessions),
      searchIndex: buildSearchIndex(m.rows),
    };
    const cold = time('filterRows text (cold index)', () =>
      filterRows(m.rows, filter({ text: 'item 123' }), filterCtx),
    );
    // Terms, not a phrase: every example whose number contains 123 (123, 1230-1239, x123).
    expect(cold).toHaveLength(20);
    time('filterRows text (warm index)', () =>
      filterRows(m.rows, filter({ text: 'ITEM 12' }), filterCtx),
    );
    time('filterRows regressions', () =>
      filterRows(m.rows, filter({ only: 'regressions' }), filterCtx),
    );
  });
});
