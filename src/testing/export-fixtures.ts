/** Builders for export tests. */
import type { ExportCell, ExportExample } from '../features/export/export-rows';

export function cell(overrides: Partial<ExportCell> = {}): ExportCell {
  return {
    group: null,
    sessionId: 's1',
    sessionName: 'Session 1',
    runIds: ['run-1'],
    outputPreview: 'ok',
    scores: {},
    latency: 1.25,
    totalTokens: 100,
    totalCost: 0.002,
    error: null,
    deltas: {},
    comments: {},
    ...overrides,
  };
}

export function example(
  id: string,
  cells: ExportCell[],
  overrides: Partial<ExportExample> = {},
): ExportExample {
  return {
    exampleId: id,
    exampleName: `Example ${id}`,
    inputPreview: `input ${id}`,
    referenceOutput: `reference ${id}`,
    cells,
    ...overrides,
  };
}
