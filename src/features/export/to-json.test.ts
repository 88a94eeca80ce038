import { describe, expect, it } from 'vitest';
import { cell, example } from '../../testing/export-fixtures';
import { buildExportTable } from './export-rows';
import { toJson } from './to-json';

describe('toJson', () => {
  const table = buildExportTable([example('e1', [cell({ scores: { k: 0.5 } })])], ['k']);
  const text = toJson({
    view: 'https://versus.example/?dataset=d1&sessions=a,b',
    baseline: { sessionId: 'a', name: 'Base' },
    keys: ['k'],
    table,
    statistics: [{ key: 'k', meanDiff: Number.NaN, ciLow: 0.1, ciHigh: 0.1 + 0.2 }],
    statisticsSettings: { adjust: 'holm', testsAdjusted: 6, cluster: null },
    exportedAt: new Date('2025-01-02T03:04:05Z'),
  });

  it('has the documented shape', () => {
    const parsed = JSON.parse(text);
    expect(Object.keys(parsed)).toEqual([
      'exportedAt',
      'view',
      'baseline',
      'keys',
      'columns',
      'rows',
      'statistics',
      'statisticsSettings',
    ]);
    expect(parsed.exportedAt).toBe('2025-01-02T03:04:05.000Z');
    expect(parsed.view).toBe('https://versus.example/?dataset=d1&sessions=a,b');
    expect(parsed.baseline).toEqual({ sessionId: 'a', name: 'Base' });
    expect(parsed.keys).toEqual(['k']);
    expect(parsed.rows).toHaveLength(1);
    expect(parsed.rows[0]).toMatchObject({ example_id: 'e1', k: 0.5, delta_k: null });
    // 0.1 + 0.2 is 0.30000000000000004 in floating point: written as 0.3.
    expect(parsed.statistics).toEqual([{ key: 'k', meanDiff: null, ciLow: 0.1, ciHigh: 0.3 }]);
    expect(parsed.statisticsSettings).toEqual({ adjust: 'holm', testsAdjusted: 6, cluster: null });
  });

  it('is pretty-printed', () => {
    expect(text).toMatch(/^\{\n {2}"exportedAt"/);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('writes null when there are no statistics or no baseline', () => {
    const parsed = JSON.parse(toJson({ view: '/', baseline: null, keys: [], table }));
    expect(parsed.statistics).toBeNull();
    expect(parsed.baseline).toBeNull();
    expect(typeof parsed.exportedAt).toBe('string');
  });
});
