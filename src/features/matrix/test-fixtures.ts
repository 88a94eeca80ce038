import type { FeedbackKeyStats, FeedbackStatsByKey } from '../../api/feedback-stats';
import type { Example, Group, GroupSession, Run } from '../../api/grouped-runs';
import type { AggregateStats } from '../../api/primitives';
import type { FilterSpec, MatrixCell, MatrixColumn, MatrixRow } from './types';

/** Hand-built, normalised fixtures for the matrix tests (no server shapes, no mocks). */

export const A = 'aaaaaaaa-0000-4000-8000-00000000000a';
export const B = 'bbbbbbbb-0000-4000-8000-00000000000b';
export const C = 'cccccccc-0000-4000-8000-00000000000c';
export const FOREIGN = 'ffffffff-0000-4000-8000-00000000000f';

export function numeric(mean: number | null, comments: string[] = []): FeedbackKeyStats {
  return {
    kind: mean === null ? (comments.length ? 'comment' : 'empty') : 'numeric',
    n: mean === null ? 0 : 1,
    mean,
    stdev: null,
    errors: 0,
    categories: {},
    comments,
    minScore: mean,
    maxScore: mean,
  };
}

export function categorical(
  categories: Record<string, number>,
  mean: number | null = null,
): FeedbackKeyStats {
  return { ...numeric(mean), kind: 'categorical', categories };
}

export function comment(...comments: string[]): FeedbackKeyStats {
  return numeric(null, comments);
}

let runCounter = 0;

export function makeRun(
  sessionId: string,
  feedback: FeedbackStatsByKey = {},
  overrides: Partial<Run> = {},
): Run {
  runCounter++;
  return {
    id: `run-${runCounter}`,
    sessionId,
    name: 'Target',
    runType: 'chain',
    status: 'success',
    error: null,
    inputs: null,
    inputsPreview: null,
    outputs: null,
    outputsPreview: null,
    startTime: null,
    endTime: null,
    latency: null,
    totalTokens: null,
    promptTokens: null,
    completionTokens: null,
    totalCost: null,
    promptCost: null,
    completionCost: null,
    referenceExampleId: null,
    traceId: null,
    tags: [],
    appPath: null,
    metadata: {},
    feedbacks: [],
    feedback,
    ...overrides,
  };
}

export function makeExample(id: string, runs: Run[], overrides: Partial<Example> = {}): Example {
  return {
    id,
    name: `Example ${id}`,
    datasetId: null,
    inputs: { question: `question ${id}` },
    outputs: null,
    metadata: {},
    createdAt: null,
    modifiedAt: null,
    runs,
    ...overrides,
  };
}

const emptyAggregate: AggregateStats = {
  runCount: null,
  latencyP50: null,
  latencyP99: null,
  totalTokens: null,
  promptTokens: null,
  completionTokens: null,
  totalCost: null,
  promptCost: null,
  completionCost: null,
  errorRate: null,
  feedback: {},
};

export function makeSession(id: string, name: string): GroupSession {
  return {
    ...emptyAggregate,
    id,
    name,
    description: null,
    startTime: null,
    endTime: null,
    lastRunStartTime: null,
    referenceDatasetId: null,
    testRunNumber: null,
    metadata: {},
    exampleCount: null,
    filter: '',
    minStartTime: null,
    maxStartTime: null,
  };
}

export function makeGroup(
  key: string | number,
  sessions: GroupSession[],
  examples: Example[],
): Group {
  return {
    key,
    filter: '',
    exampleCount: examples.length,
    stats: { ...emptyAggregate, minStartTime: null, maxStartTime: null },
    sessions,
    examples,
  };
}

export function filter(overrides: Partial<FilterSpec> = {}): FilterSpec {
  return { text: '', only: null, onlyKey: null, ranges: [], ...overrides };
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
