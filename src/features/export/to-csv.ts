/** CSV for spreadsheets: quoted where needed, CRLF, a BOM, and no formula injection. */
import Papa from 'papaparse';
import type { ExportTable, ExportValue } from './export-rows';

/** Excel only reads UTF-8 (emoji, RTL, accents) correctly when the file starts with a BOM. */
export const UTF8_BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text a spreadsheet might run as a formula ("=HYPERLINK(…)", "+1+1", "@SUM", "-2+3") gets a
 * leading apostrophe, which spreadsheets show as text. Numbers are never touched, so a real
 * −0.5 stays a number.
 */
export function escapeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function cellValue(value: ExportValue | undefined): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  return escapeFormula(value);
}

export function toCsv(table: ExportTable, options: { bom?: boolean } = {}): string {
  const data = table.rows.map((row) => table.columns.map((column) => cellValue(row[column])));
  const csv = Papa.unparse(
    { fields: table.columns.map((c) => escapeFormula(c)), data },
    { newline: '\r\n', quotes: false, escapeFormulae: false, header: true },
  );
  return (options.bom ?? true) ? `${UTF8_BOM}${csv}` : csv;
}
