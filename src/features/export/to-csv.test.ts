import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { cell, example } from '../../testing/export-fixtures';
import { buildExportTable, type ExportTable } from './export-rows';
import { escapeFormula, toCsv, UTF8_BOM } from './to-csv';

function table(
  rows: Record<string, string | number | null>[],
  columns = Object.keys(rows[0] ?? {}),
): ExportTable {
  return { columns, rows, keyColumns: [] };
}

function parse(csv: string): string[][] {
  expect(csv.startsWith(UTF8_BOM)).toBe(true);
  const result = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n', delimiter: ',' });
  expect(result.errors).toEqual([]);
  return result.data;
}

describe('toCsv', () => {
  it('starts with a BOM and ends lines with CRLF', () => {
    const csv = toCsv(
      table([
        { a: 1, b: 'x' },
        { a: 2, b: 'y' },
      ]),
    );
    expect(csv).toBe(`${UTF8_BOM}a,b\r\n1,x\r\n2,y`);
    expect(toCsv(table([{ a: 1 }]), { bom: false })).toBe('a\r\n1');
  });

  it('quotes commas, quotes and newlines, keeping newlines inside the cell', () => {
    const text = 'line one\nline "two", with comma\r\nline three';
    const csv = toCsv(table([{ a: 'x,y', b: 'say "hi"', c: text, d: ' padded ' }]));
    expect(csv).toContain('"x,y","say ""hi""",');
    expect(csv).toContain('" padded "');
    expect(parse(csv)[1]).toEqual(['x,y', 'say "hi"', text, ' padded ']);
  });

  it('round-trips Unicode: emoji, RTL, zero-width and combining characters', () => {
    const samples = [
      '👩🏽‍💻 ok 🎉',
      'مرحبا بالعالم',
      'שלום',
      'a\u200Bb\u200Dc\uFEFFd',
      'é vs e\u0301',
      '日本語',
    ];
    const csv = toCsv(table(samples.map((s) => ({ text: s }))));
    expect(
      parse(csv)
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(samples);
  });

  it('escapes text that a spreadsheet would run as a formula', () => {
    const risky = [
      '=1+1',
      '+SUM(A1)',
      '-2+3',
      '@cmd',
      '\tTAB',
      '\rCR',
      '=HYPERLINK("http://x","y")',
    ];
    const csv = toCsv(table(risky.map((s) => ({ text: s }))));
    expect(
      parse(csv)
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(risky.map((s) => `'${s}`));
  });

  it('writes numbers as numbers: negative numbers are not escaped', () => {
    const csv = toCsv(table([{ a: -1, b: -0.5, c: 0, d: 1e-7, e: '-1', f: null }]));
    expect(csv.split('\r\n')[1]).toBe("-1,-0.5,0,1e-7,'-1,");
  });

  it('escapes dangerous column names too', () => {
    expect(toCsv(table([{ '=evil': 1 }])).split('\r\n')[0]).toBe(`${UTF8_BOM}'=evil`);
  });

  it('builds one CSV line per example × session from export rows', () => {
    const t = buildExportTable(
      [
        example('e1', [
          cell({ sessionId: 'a', scores: { k: 1 } }),
          cell({ sessionId: 'b', scores: { k: 0 }, deltas: { k: -1 } }),
        ]),
        example('e2', [
          cell({ sessionId: 'a' }),
          cell({ sessionId: 'b', error: 'boom, "bad"\nstack' }),
        ]),
      ],
      ['k'],
    );
    const rows = parse(toCsv(t));
    expect(rows[0]).toEqual(t.columns);
    expect(rows).toHaveLength(5);
    const header = rows[0] ?? [];
    const at = (row: number, column: string) => rows[row]?.[header.indexOf(column)];
    expect(at(2, 'delta_k')).toBe('-1');
    expect(at(4, 'error')).toBe('boom, "bad"\nstack');
  });

  it('round-trips any text (formula prefix aside)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'grapheme' }), { minLength: 1, maxLength: 6 }),
        (texts) => {
          const row = Object.fromEntries(texts.map((t, i) => [`c${i}`, t]));
          const parsed = parse(toCsv(table([row])));
          expect(parsed[1]).toEqual(texts.map(escapeFormula));
        },
      ),
    );
  });
});

describe('escapeFormula', () => {
  it('prefixes only risky starts', () => {
    expect(escapeFormula('=x')).toBe("'=x");
    expect(escapeFormula('a=b')).toBe('a=b');
    expect(escapeFormula('')).toBe('');
    expect(escapeFormula("'already")).toBe("'already");
  });
});
