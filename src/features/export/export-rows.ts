/**
 * Export rows: one per example × session, with fixed columns, one score column per feedback
 * key and one delta column per key (vs the baseline). Plain input types so the app can adapt
 * its own model without this feature importing another.
 */

export interface ExportCell {
  sessionId: string;
  sessionName: string;
  runIds: string[];
  outputPreview: string;
  scores: Record<string, number | string | null>;
  latency: number | null;
  totalTokens: number | null;
  totalCost: number | null;
  error: string | null;
  /** Per key: this session's score minus the baseline's on the same example. */
  deltas: Record<string, number | null>;
}

export interface ExportExample {
  exampleId: string;
  exampleName: string;
  inputPreview: string;
  cells: ExportCell[];
}

export type ExportValue = string | number | null;
export type ExportRow = Record<string, ExportValue>;

export interface ExportTable {
  /** Column names in order; unique. */
  columns: string[];
  rows: ExportRow[];
  /** Per feedback key, the names of its score and delta columns. */
  keyColumns: { key: string; score: string; delta: string }[];
}

const LEADING = [
  'example_id',
  'example_name',
  'session_id',
  'session_name',
  'run_ids',
  'input_preview',
  'output_preview',
] as const;
const TRAILING = ['latency_s', 'total_tokens', 'total_cost_usd', 'error'] as const;

/** Non-finite numbers (NaN, ±Infinity) would print as text in a spreadsheet: export as empty. */
function num(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function scoreValue(value: number | string | null | undefined): ExportValue {
  if (typeof value === 'string') return value;
  return num(value);
}

/**
 * Names each key's columns without clashing with the fixed columns or each other: a key
 * literally called "error" becomes "score_error"; duplicates in the list are dropped.
 */
export function keyColumnNames(keys: readonly string[]): ExportTable['keyColumns'] {
  const taken = new Set<string>([...LEADING, ...TRAILING]);
  const unique = [...new Set(keys)];
  for (const key of unique) taken.add(`delta_${key}`);
  const claim = (wanted: string): string => {
    let name = wanted;
    for (let i = 2; taken.has(name); i++) name = `${wanted}_${i}`;
    taken.add(name);
    return name;
  };
  const scores = unique.map((key) => (taken.has(key) ? claim(`score_${key}`) : claim(key)));
  return unique.map((key, i) => ({ key, score: scores[i] ?? key, delta: `delta_${key}` }));
}

export function buildExportTable(
  examples: readonly ExportExample[],
  keys: readonly string[],
): ExportTable {
  const keyColumns = keyColumnNames(keys);
  const columns = [
    ...LEADING,
    ...keyColumns.map((k) => k.score),
    ...TRAILING,
    ...keyColumns.map((k) => k.delta),
  ];
  const rows: ExportRow[] = [];
  for (const example of examples) {
    for (const cell of example.cells) {
      const row: ExportRow = {
        example_id: example.exampleId,
        example_name: example.exampleName,
        session_id: cell.sessionId,
        session_name: cell.sessionName,
        run_ids: cell.runIds.join(' '),
        input_preview: example.inputPreview,
        output_preview: cell.outputPreview,
      };
      for (const k of keyColumns) row[k.score] = scoreValue(cell.scores[k.key]);
      row.latency_s = num(cell.latency);
      row.total_tokens = num(cell.totalTokens);
      row.total_cost_usd = num(cell.totalCost);
      row.error = cell.error;
      for (const k of keyColumns) row[k.delta] = num(cell.deltas[k.key]);
      rows.push(row);
    }
  }
  return { columns, rows, keyColumns };
}
