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
import { A, B, C, FOREIGN } from '../../../testing/matrix-fixtures';
import { ERROR_MAX_CHARS, firstLine, topLabel } from './cell';
import { buildMatrix, rowKey } from './pivot';
import { PREVIEW_MAX_CHARS } from './run-preview';
import type { MatrixCell, MatrixRow } from './types';

function cell(row: MatrixRow | undefined, columnId: string): MatrixCell {
  const found = row?.cells[columnId];
  if (!found) throw new Error(`no cell ${columnId}`);
  return found;
}

/** Two run_metadata groups: gpt-4o has sessions A and B, claude has C. */
function twoGroups() {
  return [
    makeGroup(
      'gpt-4o',
      [makeSession(B, 'exp B'), makeSession(A, 'exp A')],
      [
        makeExample('e1', [
          makeRun(A, { correctness: numeric(1) }),
          makeRun(B, { correctness: numeric(0) }),
        ]),
        makeExample('e2', [makeRun(B, { correctness: numeric(0.5) })]),
      ],
    ),
    makeGroup(
      'claude',
      [makeSession(C, 'exp C')],
      [
        makeExample('e3', [makeRun(C, { correctness: numeric(0.25) })]),
        makeExample('e1', [makeRun(C, { correctness: numeric(0.75) })]),
      ],
    ),
  ];
}

describe('buildMatrix (run_metadata)', () => {
  const matrix = buildMatrix(twoGroups(), { groupBy: 'run_metadata', sessionOrder: [A, B, C] });

  it('makes one column per (group, session) in display order, whatever the server order', () => {
    expect(matrix.columns).toEqual([
      {
        id: `0:${A}`,
        sessionId: A,
        sessionName: 'exp A',
        sessionIndex: 0,
        groupKey: 'gpt-4o',
        groupIndex: 0,
      },
      {
        id: `0:${B}`,
        sessionId: B,
        sessionName: 'exp B',
        sessionIndex: 1,
        groupKey: 'gpt-4o',
        groupIndex: 0,
      },
      {
        id: `1:${C}`,
        sessionId: C,
        sessionName: 'exp C',
        sessionIndex: 2,
        groupKey: 'claude',
        groupIndex: 1,
      },
    ]);
    expect(matrix.groupBy).toBe('run_metadata');
  });

  it('makes one row per example in first-seen order, without sections', () => {
    expect(matrix.rows.map((r) => r.exampleId)).toEqual(['e1', 'e2', 'e3']);
    expect(matrix.rows.every((r) => r.sectionKey === null && r.sectionIndex === null)).toBe(true);
    expect(matrix.rows.map(rowKey)).toEqual(['e1', 'e2', 'e3']);
  });

  it('places each run under its group and session; an example missing from a group has no cell', () => {
    const [e1, e2, e3] = matrix.rows;
    expect(Object.keys(e1?.cells ?? {}).sort()).toEqual([`0:${A}`, `0:${B}`, `1:${C}`].sort());
    expect(cell(e1, `1:${C}`).scores.correctness?.score).toBe(0.75);
    expect(cell(e1, `0:${B}`).scores.correctness?.score).toBe(0);
    // e2 ran only in gpt-4o, and only for B.
    expect(Object.keys(e2?.cells ?? {})).toEqual([`0:${B}`]);
    expect(e2?.cells[`1:${C}`]).toBeUndefined();
    expect(Object.keys(e3?.cells ?? {})).toEqual([`1:${C}`]);
    expect(cell(e3, `1:${C}`).sessionId).toBe(C);
    expect(cell(e3, `1:${C}`).columnId).toBe(`1:${C}`);
    expect(matrix.foreignRuns).toBe(0);
  });

  it('counts runs of unselected sessions instead of placing or dropping them silently', () => {
    const groups = [
      makeGroup(
        'x',
        [makeSession(A, 'exp A'), makeSession(FOREIGN, 'other')],
        [
          makeExample('e1', [makeRun(A), makeRun(FOREIGN), makeRun(FOREIGN)]),
          makeExample('e2', [makeRun(FOREIGN)]),
        ],
      ),
    ];
    const m = buildMatrix(groups, { groupBy: 'run_metadata', sessionOrder: [A] });
    expect(m.foreignRuns).toBe(3);
    expect(m.columns.map((c) => c.sessionId)).toEqual([A]);
    expect(cell(m.rows[0], `0:${A}`).runs).toHaveLength(1);
    // The example only the foreign session ran still has its row, with no cells.
    expect(m.rows[1]?.exampleId).toBe('e2');
    expect(m.rows[1]?.cells).toEqual({});
  });

  it('keeps an example without runs as a row with no cells', () => {
    const m = buildMatrix([makeGroup('x', [makeSession(A, 'a')], [makeExample('lonely', [])])], {
      groupBy: 'run_metadata',
      sessionOrder: [A],
    });
    expect(m.rows).toHaveLength(1);
    expect(m.rows[0]?.cells).toEqual({});
    expect(m.rows[0]?.example.id).toBe('lonely');
  });

  it('names columns from the group stats, else the given names, else the id prefix', () => {
    const groups = [
      makeGroup(
        'x',
        [makeSession(A, 'from stats')],
        [makeExample('e1', [makeRun(A), makeRun(B), makeRun(C)])],
      ),
    ];
    const m = buildMatrix(groups, {
      groupBy: 'run_metadata',
      sessionOrder: [A, B, C],
      sessionNames: { [A]: 'ignored', [B]: 'from names' },
    });
    expect(m.columns.map((c) => c.sessionName)).toEqual(['from stats', 'from names', 'cccccccc']);
  });

  it('adds a column for a session listed by the group even when it has no runs there', () => {
    const groups = [
      makeGroup('x', [makeSession(A, 'a'), makeSession(B, 'b')], [makeExample('e1', [makeRun(A)])]),
    ];
    const m = buildMatrix(groups, { groupBy: 'run_metadata', sessionOrder: [A, B] });
    expect(m.columns.map((c) => c.id)).toEqual([`0:${A}`, `0:${B}`]);
    expect(m.rows[0]?.cells[`0:${B}`]).toBeUndefined();
  });

  it('leaves out selected sessions that neither the group lists nor ran in it', () => {
    const m = buildMatrix(twoGroups(), { groupBy: 'run_metadata', sessionOrder: [C, A, B] });
    expect(m.columns.map((c) => c.id)).toEqual([`0:${A}`, `0:${B}`, `1:${C}`]);
    expect(m.columns.map((c) => c.sessionIndex)).toEqual([1, 2, 0]);
  });

  it('matches session ids case-insensitively and reports the selected spelling', () => {
    const upper = A.toUpperCase();
    const groups = [
      makeGroup('x', [makeSession(upper, 'a')], [makeExample('e1', [makeRun(upper)])]),
    ];
    const m = buildMatrix(groups, { groupBy: 'run_metadata', sessionOrder: [A] });
    expect(m.foreignRuns).toBe(0);
    expect(m.columns.map((c) => [c.id, c.sessionName])).toEqual([[`0:${A}`, 'a']]);
    expect(cell(m.rows[0], `0:${A}`).sessionId).toBe(A);
  });

  it('merges an example listed twice in one group into one cell', () => {
    const groups = [
      makeGroup(
        'x',
        [makeSession(A, 'a')],
        [
          makeExample('e1', [makeRun(A, { s: numeric(1) })]),
          makeExample('e1', [makeRun(A, { s: numeric(0) })]),
        ],
      ),
    ];
    const m = buildMatrix(groups, { groupBy: 'run_metadata', sessionOrder: [A] });
    expect(m.rows).toHaveLength(1);
    const c = cell(m.rows[0], `0:${A}`);
    expect(c.runs).toHaveLength(2);
    expect(c.scores.s).toMatchObject({ score: 0.5, n: 2, spread: 0.5 });
  });

  it('returns an empty matrix for no groups', () => {
    const m = buildMatrix([], { groupBy: 'run_metadata', sessionOrder: [A] });
    expect(m).toEqual({
      groupBy: 'run_metadata',
      columns: [],
      rows: [],
      feedbackKeys: [],
      foreignRuns: 0,
    });
  });
});

describe('buildMatrix (example_metadata)', () => {
  const groups = [
    makeGroup(
      'easy',
      [makeSession(A, 'exp A'), makeSession(B, 'exp B')],
      [
        makeExample('e1', [makeRun(A, { c: numeric(1) }), makeRun(B, { c: numeric(0) })]),
        makeExample('e2', [makeRun(A, { c: numeric(0.5) })]),
      ],
    ),
    makeGroup(
      0,
      [makeSession(A, 'exp A')],
      [makeExample('e3', [makeRun(A)]), makeExample('e1', [makeRun(A, { c: numeric(0.25) })])],
    ),
  ];
  const m = buildMatrix(groups, { groupBy: 'example_metadata', sessionOrder: [B, A, C] });

  it('has one column per selected session, including one that ran nothing', () => {
    expect(m.columns).toEqual([
      {
        id: `s:${B}`,
        sessionId: B,
        sessionName: 'exp B',
        sessionIndex: 0,
        groupKey: null,
        groupIndex: null,
      },
      {
        id: `s:${A}`,
        sessionId: A,
        sessionName: 'exp A',
        sessionIndex: 1,
        groupKey: null,
        groupIndex: null,
      },
      {
        id: `s:${C}`,
        sessionId: C,
        sessionName: 'cccccccc',
        sessionIndex: 2,
        groupKey: null,
        groupIndex: null,
      },
    ]);
  });

  it('makes each group a row section; an example in two sections gets a row in each', () => {
    expect(m.rows.map((r) => [r.sectionIndex, r.sectionKey, r.exampleId])).toEqual([
      [0, 'easy', 'e1'],
      [0, 'easy', 'e2'],
      [1, 0, 'e3'],
      [1, 0, 'e1'],
    ]);
    expect(new Set(m.rows.map(rowKey)).size).toBe(4);
    expect(rowKey(m.rows[3] as MatrixRow)).toBe('1:e1');
  });

  it('keeps each section row to the runs listed in that section', () => {
    expect(cell(m.rows[0], `s:${A}`).scores.c?.score).toBe(1);
    expect(cell(m.rows[0], `s:${B}`).scores.c?.score).toBe(0);
    expect(cell(m.rows[3], `s:${A}`).scores.c?.score).toBe(0.25);
    expect(m.rows[3]?.cells[`s:${B}`]).toBeUndefined();
    expect(m.rows[2]?.cells[`s:${A}`]?.scores).toEqual({});
  });
});

describe('cells', () => {
  function oneCell(runs: ReturnType<typeof makeRun>[]) {
    const m = buildMatrix([makeGroup('g', [makeSession(A, 'a')], [makeExample('e', runs)])], {
      groupBy: 'run_metadata',
      sessionOrder: [A],
    });
    return { matrix: m, cell: cell(m.rows[0], `0:${A}`) };
  }

  it('averages repetitions: mean, population spread and n over the numeric scores', () => {
    const { cell: c } = oneCell([
      makeRun(A, { correctness: numeric(1) }, { latency: 1, totalTokens: 10, totalCost: 0.01 }),
      makeRun(A, { correctness: numeric(0) }, { latency: null, totalTokens: 20, totalCost: null }),
      makeRun(A, { correctness: numeric(0.5) }, { latency: 3, totalTokens: null, totalCost: 0.03 }),
    ]);
    expect(c.runs).toHaveLength(3);
    const score = c.scores.correctness;
    expect(score?.score).toBeCloseTo(0.5, 12);
    // sqrt(((1-.5)^2 + (0-.5)^2 + 0) / 3) = sqrt(1/6)
    expect(score?.spread).toBeCloseTo(Math.sqrt(1 / 6), 12);
    expect(score?.n).toBe(3);
    expect(c.latency).toBe(2);
    expect(c.totalTokens).toBe(15);
    expect(c.totalCost).toBeCloseTo(0.02, 12);
  });

  it('counts only runs with a numeric score in n, and has no spread with one score', () => {
    const { cell: c } = oneCell([
      makeRun(A, { correctness: numeric(0.8) }),
      makeRun(A, { correctness: numeric(null) }),
      makeRun(A, {}),
    ]);
    expect(c.scores.correctness).toMatchObject({ score: 0.8, spread: null, n: 1 });
  });

  it('gives a zero spread for identical repetitions', () => {
    const { cell: c } = oneCell([makeRun(A, { k: numeric(0.1) }), makeRun(A, { k: numeric(0.1) })]);
    expect(c.scores.k?.score).toBeCloseTo(0.1, 12);
    expect(c.scores.k?.spread).toBeCloseTo(0, 12);
    expect(c.scores.k?.n).toBe(2);
  });

  it('has null metrics when no run has them', () => {
    const { cell: c } = oneCell([makeRun(A), makeRun(A)]);
    expect(c).toMatchObject({
      latency: null,
      totalTokens: null,
      totalCost: null,
      errorCount: 0,
      error: null,
    });
    expect(c.scores).toEqual({});
    expect(c.preview).toBe('');
  });

  it('sums categories over runs and labels the most frequent', () => {
    const { cell: c } = oneCell([
      makeRun(A, { verdict: categorical({ pass: 1 }) }),
      makeRun(A, { verdict: categorical({ fail: 1 }) }),
      makeRun(A, { verdict: categorical({ pass: 1 }) }),
    ]);
    expect(c.scores.verdict).toMatchObject({
      score: null,
      spread: null,
      n: 0,
      label: 'pass',
      categories: { pass: 2, fail: 1 },
    });
  });

  it('breaks label ties alphabetically', () => {
    const { cell: c } = oneCell([
      makeRun(A, { verdict: categorical({ pass: 1 }) }),
      makeRun(A, { verdict: categorical({ fail: 1 }) }),
    ]);
    expect(c.scores.verdict?.label).toBe('fail');
    expect(topLabel({ zeta: 2, beta: 2, alpha: 1 })).toBe('beta');
    expect(topLabel({})).toBeNull();
  });

  it('labels a single categorical run and keeps its numeric score when it has one', () => {
    const { cell: c } = oneCell([
      makeRun(A, { verdict: categorical({ CORRECT: 2, WRONG: 3 }, 0.4) }),
    ]);
    expect(c.scores.verdict).toMatchObject({
      score: 0.4,
      n: 1,
      label: 'WRONG',
      categories: { CORRECT: 2, WRONG: 3 },
    });
  });

  it('keeps keys with no score at all, and concatenates comments over runs', () => {
    const { cell: c, matrix } = oneCell([
      makeRun(A, { note: comment('too long'), empty: numeric(null) }),
      makeRun(A, { note: comment('wrong unit', 'missing source') }),
    ]);
    expect(c.scores.empty).toEqual({
      key: 'empty',
      score: null,
      spread: null,
      n: 0,
      label: null,
      categories: {},
      comments: [],
    });
    expect(c.scores.note?.comments).toEqual(['too long', 'wrong unit', 'missing source']);
    expect(c.scores.note?.score).toBeNull();
    expect(matrix.feedbackKeys).toEqual([
      { key: 'empty', kind: 'empty' },
      { key: 'note', kind: 'comment' },
    ]);
  });

  it('counts failed runs and shows the first line of the first error', () => {
    const { cell: c } = oneCell([
      makeRun(A, {}, { outputs: { answer: 'ok' } }),
      makeRun(A, {}, { error: '\n   ValueError: bad input  \n  at line 3\n', status: 'error' }),
      makeRun(A, {}, { error: 'Second error' }),
      makeRun(A, {}, { status: 'error' }),
    ]);
    expect(c.errorCount).toBe(3);
    expect(c.error).toBe('ValueError: bad input');
  });

  it('caps a long error line at 200 characters, ellipsis included', () => {
    const { cell: c } = oneCell([makeRun(A, {}, { error: `${'x'.repeat(5_000_000)}\nmore` })]);
    expect(c.error).toHaveLength(ERROR_MAX_CHARS);
    expect(c.error?.endsWith('…')).toBe(true);
    expect(firstLine('  \r\n  Oops\r\nstack')).toBe('Oops');
    expect(firstLine('   ')).toBe('');
  });

  it('prefers outputs_preview, else the single string output, else compact JSON', () => {
    expect(
      oneCell([makeRun(A, {}, { outputsPreview: 'short', outputs: { a: 'x' } })]).cell.preview,
    ).toBe('short');
    expect(oneCell([makeRun(A, {}, { outputs: { answer: 'Paris' } })]).cell.preview).toBe('Paris');
    expect(
      oneCell([makeRun(A, {}, { outputs: { answer: 'Paris', n: 2, ok: true, x: null } })]).cell
        .preview,
    ).toBe('{"answer":"Paris","n":2,"ok":true,"x":null}');
    expect(oneCell([makeRun(A, {}, { outputs: { answer: 3 } })]).cell.preview).toBe('{"answer":3}');
  });

  it('takes the preview from the first run that has output', () => {
    const { cell: c } = oneCell([
      makeRun(A, {}, { error: 'boom' }),
      makeRun(A, {}, { outputs: { answer: 'second' } }),
      makeRun(A, {}, { outputs: { answer: 'third' } }),
    ]);
    expect(c.preview).toBe('second');
  });

  it('keeps HTML verbatim as text', () => {
    const html = '<b>bold</b> & <script>alert("x")</script> &amp;';
    expect(oneCell([makeRun(A, {}, { outputs: { answer: html } })]).cell.preview).toBe(html);
    expect(oneCell([makeRun(A, {}, { outputs: { a: html, b: 1 } })]).cell.preview).toBe(
      `{"a":${JSON.stringify(html)},"b":1}`,
    );
    expect(oneCell([makeRun(A, {}, { outputsPreview: html })]).cell.preview).toBe(html);
  });

  it('bounds the preview of a 5 MB output', () => {
    const huge = 'y'.repeat(5 * 1024 * 1024);
    const single = oneCell([makeRun(A, {}, { outputs: { answer: huge } })]).cell.preview;
    expect(single).toHaveLength(PREVIEW_MAX_CHARS);
    expect(single).toBe(`${'y'.repeat(PREVIEW_MAX_CHARS - 1)}…`);
    const multi = oneCell([makeRun(A, {}, { outputs: { answer: huge, other: huge } })]).cell
      .preview;
    expect(multi).toHaveLength(PREVIEW_MAX_CHARS);
    expect(multi.startsWith('{"answer":"yyy')).toBe(true);
    expect(multi.endsWith('…')).toBe(true);
    const fromPreview = oneCell([makeRun(A, {}, { outputsPreview: huge })]).cell.preview;
    expect(fromPreview).toHaveLength(PREVIEW_MAX_CHARS);
    const manyKeys: Record<string, number> = {};
    for (let i = 0; i < 200_000; i++) manyKeys[`k${i}`] = i;
    const wide = oneCell([makeRun(A, {}, { outputs: manyKeys })]).cell.preview;
    expect(wide).toHaveLength(PREVIEW_MAX_CHARS);
    expect(wide.startsWith('{"k0":0,"k1":1,')).toBe(true);
  });

  it('bounds the preview of a 1,000-level nested output without throwing', () => {
    let nested: Record<string, unknown> = { leaf: 'bottom' };
    for (let i = 0; i < 1000; i++) nested = { a: nested, i };
    const { cell: c } = oneCell([makeRun(A, {}, { outputs: nested })]);
    expect(c.preview).toBe(
      '{"a":{"a":{"a":{"a":{"a":{"a":{…},"i":994},"i":995},"i":996},"i":997},"i":998},"i":999}',
    );
    let deepArray: unknown = 'x';
    for (let i = 0; i < 1000; i++) deepArray = [deepArray];
    expect(oneCell([makeRun(A, {}, { outputs: { list: deepArray, b: 1 } })]).cell.preview).toBe(
      '{"list":[[[[[[…]]]]]],"b":1}',
    );
  });
});
