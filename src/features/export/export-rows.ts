/**
 * Export rows: one per example × session, with fixed columns, one score column per feedback
 * key and one delta column per scored key (vs the baseline). Plain input types so the app can
 * adapt its own model without this feature importing another.
 */
import { withoutFloatNoise } from '../../lib/numbers';

export interface ExportCell {
  /** The group the cell's column sits under (run metadata) or its row's (example metadata). */
  group: string | number | null;
  sessionId: string;
  sessionName: string;
  runIds: string[];
  outputPreview: string;
  scores: Record<string, number | string | null>;
  latency: number | null;
  totalTokens: number | null;
  totalCost: number | null;
  error: string | null;
  /** Per key: this session's score minus the baseline's, or a category's change in words. */
  deltas: Record<string, number | string | null>;
  /** Per key: the feedback comments on the cell's runs, in the order sent. */
  comments: Record<string, readonly string[]>;
}

export interface ExportExample {
  exampleId: string;
  exampleName: string;
  inputPreview: string;
  /** The example's reference output, whole. */
  referenceOutput: string;
  cells: ExportCell[];
}

export type ExportValue = string | number | null;
export type ExportRow = Record<string, ExportValue>;

export interface ExportTable {
  /** Column names in order; unique. */
  columns: string[];
  rows: ExportRow[];
  /** Per feedback key, the names of its score and delta columns (no delta: comments only). */
  keyColumns: { key: string; score: string; delta: string | null }[];
}

const LEADING = [
  'example_id',
  'example_name',
  'group',
  'session_id',
  'session_name',
  'run_ids',
  'input_preview',
  'reference_output',
  'output_preview',
] as const;
const TRAILING = [
  'latency_s',
  'total_tokens',
  'total_cost_usd',
  'error',
  'feedback_comments',
] as const;

/** Several comments in one spreadsheet cell. */
const COMMENT_SEPARATOR = ' | ';

/**
 * Non-finite numbers (NaN, ±Infinity) would print as text in a spreadsheet: export as empty.
 * Finite ones lose the binary noise of the arithmetic (−0.30000000000000004 → −0.3).
 */
function num(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? withoutFloatNoise(value) : null;
}

/**
 * An output as one cell of text, whole: a lone text field as its text (the usual
 * `{ answer: "…" }`), anything else as compact JSON; nothing as empty.
 */
export function outputText(outputs: Record<string, unknown> | null | undefined): string {
  if (!outputs) return '';
  const values = Object.values(outputs);
  if (values.length === 1 && typeof values[0] === 'string') return values[0];
  return values.length === 0 ? '' : JSON.stringify(outputs);
}

/**
 * A category's change against the baseline on the same example, in words: labels have no
 * difference to subtract. Null when either side has no label.
 */
export function categoryChange(baseline: string | null, label: string | null): string | null {
  if (baseline === null || label === null) return null;
  return baseline === label ? 'unchanged' : `${baseline} → ${label}`;
}

function scoreValue(value: number | string | null | undefined): ExportValue {
  if (typeof value === 'string') return value;
  return num(value);
}

function joined(comments: readonly string[] | undefined): string | null {
  return comments && comments.length > 0 ? comments.join(COMMENT_SEPARATOR) : null;
}

/** Every comment of the scored keys, each after its key ("correctness: Missed the window"). */
function scoredComments(cell: ExportCell, commentOnly: ReadonlySet<string>): string | null {
  const parts: string[] = [];
  for (const [key, comments] of Object.entries(cell.comments)) {
    if (commentOnly.has(key)) continue;
    for (const comment of comments) parts.push(`${key}: ${comment}`);
  }
  return joined(parts);
}

/**
 * Names each key's columns without clashing with the fixed columns or each other: a key
 * literally called "error" becomes "score_error"; duplicates in the list are dropped. Keys
 * that carry comments only (`commentOnly`) have no difference to show, so no delta column.
 */
export function keyColumnNames(
  keys: readonly string[],
  commentOnly: ReadonlySet<string> = new Set(),
): ExportTable['keyColumns'] {
  const taken = new Set<string>([...LEADING, ...TRAILING]);
  const unique = [...new Set(keys)];
  for (const key of unique) if (!commentOnly.has(key)) taken.add(`delta_${key}`);
  const claim = (wanted: string): string => {
    let name = wanted;
    for (let i = 2; taken.has(name); i++) name = `${wanted}_${i}`;
    taken.add(name);
    return name;
  };
  const scores = unique.map((key) => (taken.has(key) ? claim(`score_${key}`) : claim(key)));
  return unique.map((key, i) => ({
    key,
    score: scores[i] ?? key,
    delta: commentOnly.has(key) ? null : `delta_${key}`,
  }));
}

/**
 * The table of the view. A comment-only key's column holds its comments; the comments of
 * scored keys go to `feedback_comments`, each after its key.
 */
export function buildExportTable(
  examples: readonly ExportExample[],
  keys: readonly string[],
  options: { commentOnly?: readonly string[] } = {},
): ExportTable {
  const commentOnly = new Set(options.commentOnly);
  const keyColumns = keyColumnNames(keys, commentOnly);
  const columns = [
    ...LEADING,
    ...keyColumns.map((k) => k.score),
    ...TRAILING,
    ...keyColumns.flatMap((k) => (k.delta ? [k.delta] : [])),
  ];
  const rows: ExportRow[] = [];
  for (const example of examples) {
    for (const cell of example.cells) {
      const row: ExportRow = {
        example_id: example.exampleId,
        example_name: example.exampleName,
        group: cell.group,
        session_id: cell.sessionId,
        session_name: cell.sessionName,
        run_ids: cell.runIds.join(' '),
        input_preview: example.inputPreview,
        reference_output: example.referenceOutput,
        output_preview: cell.outputPreview,
      };
      for (const k of keyColumns) {
        row[k.score] = commentOnly.has(k.key)
          ? joined(cell.comments[k.key])
          : scoreValue(cell.scores[k.key]);
      }
      row.latency_s = num(cell.latency);
      row.total_tokens = num(cell.totalTokens);
      row.total_cost_usd = num(cell.totalCost);
      row.error = cell.error;
      row.feedback_comments = scoredComments(cell, commentOnly);
      for (const k of keyColumns) if (k.delta) row[k.delta] = scoreValue(cell.deltas[k.key]);
      rows.push(row);
    }
  }
  return { columns, rows, keyColumns };
}
