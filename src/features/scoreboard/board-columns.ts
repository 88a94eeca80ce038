/**
 * The scoreboard's columns and their ids, as the URL names them: `board=<column>`, a leading
 * `-` for descending. Fixed columns keep their names; a feedback key is named as it is
 * (`board=correctness`), or `key:<key>` when its name is taken by a fixed column or begins
 * with `key:` / `diff:`; its difference against the baseline is `diff:<key>`.
 */
/** Fixed columns and whether more is better; feedback keys add `key:<key>` and `diff:<key>`. */
export const METRIC_COLUMNS = {
  examples: 'higher',
  cost: 'lower',
  latency_p50: 'lower',
  latency_p99: 'lower',
  error_rate: 'lower',
  tokens: 'lower',
} as const;
export type MetricColumn = keyof typeof METRIC_COLUMNS;

export const keyColumn = (key: string) => `key:${key}`;
export const diffColumn = (key: string) => `diff:${key}`;

export const NAME_COLUMN = 'name';

export interface BoardSort {
  column: string;
  dir: 'asc' | 'desc';
}

const isFixed = (id: string) => id === NAME_COLUMN || Object.hasOwn(METRIC_COLUMNS, id);

/** The URL's `board` value for a column id. */
export function columnParam(column: string, dir: 'asc' | 'desc'): string {
  const sign = dir === 'desc' ? '-' : '';
  if (column.startsWith('key:')) {
    const key = column.slice(4);
    const plain = !isFixed(key) && !/^(key|diff):/.test(key) && !key.startsWith('-');
    return `${sign}${plain ? key : column}`;
  }
  return `${sign}${column}`;
}

/** The column id a `board` value names (whether it exists is the board's to say). */
export function parseBoardSort(raw: string): BoardSort | null {
  const dir = raw.startsWith('-') ? 'desc' : 'asc';
  const body = dir === 'desc' ? raw.slice(1) : raw;
  if (body === '') return null;
  if (isFixed(body) || body.startsWith('key:') || body.startsWith('diff:'))
    return { column: body, dir };
  return { column: keyColumn(body), dir };
}
