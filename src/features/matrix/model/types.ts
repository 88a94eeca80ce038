import type { FeedbackKind } from '../../../api/feedback-stats';
import type { GroupBy } from '../../../api/grouped-runs/request';
import type { Example, Run } from '../../../api/grouped-runs/schemas';

/**
 * The matrix model: examples (rows) x (group, session) columns. Built by pure functions in
 * this folder from the normalised grouped-runs response; the table component only renders it.
 */

/** The score of one feedback key in one cell (one run, or the mean of repetitions). */
export interface CellScore {
  key: string;
  /** Mean numeric score over the cell's runs that have one; null when none. */
  score: number | null;
  /** Spread (population stdev) across repetitions; null with fewer than 2 scores. */
  spread: number | null;
  /** How many of the cell's runs carry a score for this key. */
  n: number;
  /** Most frequent category label (categorical keys), else null. */
  label: string | null;
  /** Category label -> count over the cell's runs. */
  categories: Record<string, number>;
  comments: string[];
}

export interface MatrixCell {
  columnId: string;
  sessionId: string;
  runs: Run[];
  scores: Record<string, CellScore>;
  /** Means over the runs that have a value; null when none has. */
  latency: number | null;
  totalTokens: number | null;
  totalCost: number | null;
  /** Runs that failed, and the first line of the first error. */
  errorCount: number;
  error: string | null;
  /** `outputs_preview`, else a compact rendering of `outputs` (capped in length). */
  preview: string;
}

export interface MatrixColumn {
  /** Stable id: `${groupIndex}:${sessionId}` (run_metadata) or `s:${sessionId}` (example_metadata). */
  id: string;
  sessionId: string;
  sessionName: string;
  /** Index of the session in the URL's display order: picks its colour. */
  sessionIndex: number;
  /** The group this column sits under (run_metadata), else null. */
  groupKey: string | number | null;
  groupIndex: number | null;
}

export interface MatrixRow {
  exampleId: string;
  example: Example;
  /** Row section (example_metadata grouping): the group key, else null. */
  sectionKey: string | number | null;
  sectionIndex: number | null;
  /** columnId -> cell; a missing entry means "not run". */
  cells: Record<string, MatrixCell>;
}

export interface FeedbackKeyInfo {
  key: string;
  kind: FeedbackKind;
}

export interface Matrix {
  groupBy: GroupBy;
  columns: MatrixColumn[];
  rows: MatrixRow[];
  /** Every feedback key seen in any run, sorted by name. */
  feedbackKeys: FeedbackKeyInfo[];
  /** Runs that were set aside because their session is not among the selected ones. */
  foreignRuns: number;
}

export type Direction = 'higher' | 'lower';
export type Change = 'improved' | 'regressed' | 'unchanged';

export interface Delta {
  /** cell value minus baseline value, in the key's own units. */
  delta: number;
  change: Change;
}

/** What a sort can be by. Column-bound sorts name the session (its first column in a row). */
export type SortSpec =
  | { by: 'example'; dir: 'asc' | 'desc' }
  | { by: 'score' | 'delta'; sessionId: string; key: string; dir: 'asc' | 'desc' }
  | { by: 'latency' | 'cost'; sessionId: string; dir: 'asc' | 'desc' };

export interface FilterSpec {
  /** Free text over inputs, reference outputs, outputs, errors and feedback comments. */
  text: string;
  /**
   * Keep rows where some non-baseline session (`onlySession`, or any) regressed / improved
   * (on `onlyKey`, or any key).
   */
  only: 'regressions' | 'improvements' | 'errors' | null;
  onlyKey: string | null;
  /** The one session `only=regressions/improvements` looks at; null for any. */
  onlySession: string | null;
  /** Per key: keep rows where some visible cell's score lies in [min, max]. */
  ranges: { key: string; min: number | null; max: number | null }[];
}

/**
 * What the matrix shows, as the URL says it (app/view-params.ts reads and writes these
 * fields; its ViewState extends this type, so each is declared once, here).
 */
export interface MatrixSettings {
  sort: SortSpec | null;
  filter: FilterSpec;
  /** Experiments hidden from the matrix. */
  hidden: string[];
  /** Feedback keys hidden from the matrix. */
  hiddenKeys: string[];
  /** Show the latency/tokens/cost line in cells. */
  metrics: boolean;
  /** Feedback keys where lower is better. */
  flipped: string[];
}
