import type { Example, Group } from '../api/grouped-runs/schemas';
import type {
  FilterSpec,
  MatrixCell,
  MatrixColumn,
  MatrixRow,
} from '../features/matrix/model/types';
import {
  categorical,
  makeExample,
  makeGroup,
  makeRun,
  makeSession,
  numeric,
} from './grouped-runs-fixtures';

/** Matrix-model fixtures: session ids, cells, columns, rows, and a large synthetic response. */

export const A = 'aaaaaaaa-0000-4000-8000-00000000000a';
export const B = 'bbbbbbbb-0000-4000-8000-00000000000b';
export const C = 'cccccccc-0000-4000-8000-00000000000c';
export const FOREIGN = 'ffffffff-0000-4000-8000-00000000000f';

export function filter(overrides: Partial<FilterSpec> = {}): FilterSpec {
  return { text: '', only: null, onlyKey: null, onlySession: null, ranges: [], ...overrides };
}

/** A bare cell for compare/sort tests: only what they read. */
export function makeCell(
  columnId: string,
  sessionId: string,
  scores: Record<string, number | null> = {},
  extra: Partial<MatrixCell> = {},
): MatrixCell {
  const cell: MatrixCell = {
    columnId,
    sessionId,
    runs: [],
    scores: {},
    latency: null,
    totalTokens: null,
    totalCost: null,
    errorCount: 0,
    error: null,
    preview: '',
    ...extra,
  };
  for (const [key, score] of Object.entries(scores)) {
    cell.scores[key] = {
      key,
      score,
      spread: null,
      n: score === null ? 0 : 1,
      label: null,
      categories: {},
      comments: [],
    };
  }
  return cell;
}

export function makeColumn(
  sessionId: string,
  groupIndex: number | null,
  sessionIndex = 0,
): MatrixColumn {
  return {
    id: groupIndex === null ? `s:${sessionId}` : `${groupIndex}:${sessionId}`,
    sessionId,
    sessionName: sessionId.slice(0, 8),
    sessionIndex,
    groupKey: groupIndex === null ? null : `g${groupIndex}`,
    groupIndex,
  };
}

export function makeRow(
  exampleId: string,
  cells: MatrixCell[],
  overrides: Partial<MatrixRow> = {},
): MatrixRow {
  const row: MatrixRow = {
    exampleId,
    example: makeExample(exampleId, []),
    sectionKey: null,
    sectionIndex: null,
    cells: {},
    ...overrides,
  };
  for (const cell of cells) row.cells[cell.columnId] = cell;
  return row;
}

/**
 * A large synthetic response: `exampleCount` examples x the sessions, one run each, split
 * over `groupCount` run_metadata groups by session, with three feedback keys and outputs.
 */
export function syntheticGroups(
  exampleCount: number,
  sessionIds: readonly string[],
  groupCount = 2,
): Group[] {
  const groups: Group[] = [];
  for (let g = 0; g < groupCount; g++) {
    const mine = sessionIds.filter((_, i) => i % groupCount === g);
    const examples: Example[] = [];
    for (let e = 0; e < exampleCount; e++) {
      const runs = mine.map((sessionId, s) =>
        makeRun(
          sessionId,
          {
            correctness: numeric(((e + s) % 5) / 4),
            helpfulness: numeric(((e * 7 + s) % 11) / 10, e % 13 === 0 ? ['terse answer'] : []),
            verdict: categorical(e % 3 === 0 ? { pass: 1 } : { fail: 1 }),
          },
          {
            latency: 0.5 + ((e + s) % 17) / 10,
            totalCost: 0.001 * ((e % 9) + 1),
            totalTokens: 100 + (e % 50),
            outputs: { answer: `answer ${e} from ${s}`, steps: [{ tool: 'search', hits: e % 4 }] },
            error: e % 97 === 0 ? `Timeout after 30s\n  at call (${e})` : null,
          },
        ),
      );
      examples.push(
        makeExample(`ex-${String(e).padStart(5, '0')}`, runs, {
          name: `Example ${e}`,
          inputs: { question: `What is item ${e}?`, context: 'lorem ipsum dolor sit amet' },
          outputs: { expected: `reference ${e}` },
        }),
      );
    }
    groups.push(
      makeGroup(
        `model-${g}`,
        mine.map((id) => makeSession(id, `exp ${id.slice(0, 4)}`)),
        examples,
      ),
    );
  }
  return groups;
}
