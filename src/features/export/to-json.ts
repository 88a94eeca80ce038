/** JSON export: the view link, the baseline, keys, rows and the statistics, pretty-printed. */
import { withoutFloatNoise } from '../../lib/numbers';
import type { ExportRow, ExportTable } from './export-rows';

/** How the statistics were read: the p-value adjustment and the clustering of the view. */
export interface StatisticsSettings {
  /** `holm`, `bh` or `none`: every comparison's `adjustedP` is adjusted this way. */
  adjust: string;
  /** How many p-values were adjusted together. */
  testsAdjusted: number;
  /** The example-metadata key whose values cluster the examples, or null. */
  cluster: string | null;
}

export interface JsonExportInput {
  /** The shareable URL of the view (never contains a key; the app guarantees it). */
  view: string;
  baseline: { sessionId: string; name: string } | null;
  keys: string[];
  table: ExportTable;
  /** Any JSON-safe value, typically the statistics results; omitted values become null. */
  statistics?: unknown;
  statisticsSettings?: StatisticsSettings | null;
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
  statisticsSettings: StatisticsSettings | null;
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
    statisticsSettings: input.statisticsSettings ?? null,
  };
}

export function toJson(input: JsonExportInput): string {
  // JSON.stringify writes NaN and ±Infinity as null, so the file always parses; computed
  // numbers lose their binary noise (−0.30000000000000004 → −0.3).
  const numbers = (_key: string, value: unknown) =>
    typeof value === 'number' ? withoutFloatNoise(value) : value;
  return `${JSON.stringify(buildJsonExport(input), numbers, 2)}\n`;
}
