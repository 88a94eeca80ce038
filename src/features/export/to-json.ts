/** JSON export: the view link, the baseline, keys, rows and the statistics, pretty-printed. */
import type { ExportRow, ExportTable } from './export-rows';

export interface JsonExportInput {
  /** The shareable URL of the view (never contains a key; the app guarantees it). */
  view: string;
  baseline: { sessionId: string; name: string } | null;
  keys: string[];
  table: ExportTable;
  /** Any JSON-safe value, typically the statistics results; omitted values become null. */
  statistics?: unknown;
  exportedAt?: Date;
}

export interface JsonExport {
  exportedAt: string;
  view: string;
  baseline: { sessionId: string; name: string } | null;
  keys: string[];
  columns: string[];
  rows: ExportRow[];
  statistics: unknown;
}

export function buildJsonExport(input: JsonExportInput): JsonExport {
  return {
    exportedAt: (input.exportedAt ?? new Date()).toISOString(),
    view: input.view,
    baseline: input.baseline,
    keys: input.keys,
    columns: input.table.columns,
    rows: input.table.rows,
    statistics: input.statistics ?? null,
  };
}

export function toJson(input: JsonExportInput): string {
  // JSON.stringify writes NaN and ±Infinity as null, so the file always parses.
  return `${JSON.stringify(buildJsonExport(input), null, 2)}\n`;
}
