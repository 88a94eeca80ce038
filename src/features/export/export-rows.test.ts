import { describe, expect, it } from 'vitest';
import { cell, example } from '../../testing/export-fixtures';
import { buildExportTable, categoryChange, keyColumnNames, outputText } from './export-rows';

describe('buildExportTable', () => {
  const examples = [
    example('e1', [
      cell({ sessionId: 'base', sessionName: 'Base', scores: { correctness: 1, tone: 'polite' } }),
      cell({
        sessionId: 's1',
        runIds: ['r1', 'r2'],
        scores: { correctness: 0, tone: 'rude' },
        deltas: { correctness: -1 },
      }),
    ]),
    example('e2', [
      cell({ sessionId: 'base', sessionName: 'Base', scores: { correctness: 0.5 } }),
      cell({
        sessionId: 's1',
        scores: { correctness: 1 },
        deltas: { correctness: 0.5 },
        error: 'Timeout',
      }),
    ]),
  ];

  it('has the columns in order: fixed, one per key, metrics, one delta per key', () => {
    const table = buildExportTable(examples, ['correctness', 'tone']);
    expect(table.columns).toEqual([
      'example_id',
      'example_name',
      'group',
      'session_id',
      'session_name',
      'run_ids',
      'input_preview',
      'reference_output',
      'output_preview',
      'correctness',
      'tone',
      'latency_s',
      'total_tokens',
      'total_cost_usd',
      'error',
      'feedback_comments',
      'delta_correctness',
      'delta_tone',
    ]);
  });

  it('makes one row per example × session', () => {
    const table = buildExportTable(examples, ['correctness', 'tone']);
    expect(table.rows).toHaveLength(4);
    expect(table.rows.map((r) => `${r.example_id}/${r.session_id}`)).toEqual([
      'e1/base',
      'e1/s1',
      'e2/base',
      'e2/s1',
    ]);
    expect(table.rows[1]).toMatchObject({
      run_ids: 'r1 r2',
      input_preview: 'input e1',
      correctness: 0,
      tone: 'rude',
      delta_correctness: -1,
      delta_tone: null,
      latency_s: 1.25,
    });
    expect(table.rows[3]).toMatchObject({ error: 'Timeout', delta_correctness: 0.5, tone: null });
    // Every row has every column, so CSV and JSON agree.
    for (const row of table.rows)
      expect(Object.keys(row).sort()).toEqual([...table.columns].sort());
  });

  it('exports non-finite numbers as empty', () => {
    const table = buildExportTable(
      [
        example('e', [
          cell({
            latency: Number.NaN,
            totalCost: Number.POSITIVE_INFINITY,
            scores: { k: Number.NaN },
          }),
        ]),
      ],
      ['k'],
    );
    expect(table.rows[0]).toMatchObject({ latency_s: null, total_cost_usd: null, k: null });
  });

  it('writes computed numbers without binary noise', () => {
    const table = buildExportTable(
      [
        example('e', [
          cell({
            // What floating point gives for 0.7 − 1, 0.1 + 0.2 and (0.1 + 0.2) / 2.
            deltas: { k: 0.7 - 1 },
            scores: { k: 0.1 + 0.2 },
            latency: (0.1 + 0.2) / 2,
            totalCost: 0.000123,
          }),
        ]),
      ],
      ['k'],
    );
    expect(table.rows[0]).toMatchObject({
      delta_k: -0.3,
      k: 0.3,
      latency_s: 0.15,
      total_cost_usd: 0.000123,
    });
  });

  it('writes the group, the reference output and the comments', () => {
    const table = buildExportTable(
      [
        example(
          'e',
          [
            cell({
              group: 'gpt-4o',
              scores: { correctness: 0, verdict: 'FAIL' },
              deltas: { correctness: -1, verdict: 'PASS → FAIL' },
              comments: {
                correctness: ['Missed the refund window', 'Wrong policy'],
                note: ['Reviewer: tone ok', 'Check the date'],
              },
            }),
          ],
          { referenceOutput: 'Refunds within 30 days.' },
        ),
      ],
      ['correctness', 'note', 'verdict'],
      { commentOnly: ['note'] },
    );
    const row = table.rows[0];
    expect(row).toMatchObject({
      group: 'gpt-4o',
      reference_output: 'Refunds within 30 days.',
      note: 'Reviewer: tone ok | Check the date',
      feedback_comments: 'correctness: Missed the refund window | correctness: Wrong policy',
      delta_verdict: 'PASS → FAIL',
      delta_correctness: -1,
    });
    // A comment has no difference to show: no delta column for it.
    expect(table.columns).not.toContain('delta_note');
    expect(Object.keys(row ?? {}).sort()).toEqual([...table.columns].sort());
  });

  it('handles no examples', () => {
    expect(buildExportTable([], ['k']).rows).toEqual([]);
  });
});

describe('keyColumnNames', () => {
  it('avoids clashes with fixed columns and drops duplicate keys', () => {
    expect(keyColumnNames(['error', 'latency_s', 'ok', 'ok'])).toEqual([
      { key: 'error', score: 'score_error', delta: 'delta_error' },
      { key: 'latency_s', score: 'score_latency_s', delta: 'delta_latency_s' },
      { key: 'ok', score: 'ok', delta: 'delta_ok' },
    ]);
  });

  it('keeps a key named like another key’s delta column distinct', () => {
    const names = keyColumnNames(['x', 'delta_x']);
    const all = names.flatMap((n) => [n.score, n.delta]);
    expect(new Set(all).size).toBe(all.length);
    expect(names[1]?.score).toBe('score_delta_x');
  });
});

describe('categoryChange', () => {
  it('says how a label changed against the baseline', () => {
    expect(categoryChange('PASS', 'FAIL')).toBe('PASS → FAIL');
    expect(categoryChange('PASS', 'PASS')).toBe('unchanged');
    expect(categoryChange(null, 'PASS')).toBeNull();
    expect(categoryChange('PASS', null)).toBeNull();
  });
});

describe('outputText', () => {
  it('writes a lone text field as its text, anything else as JSON', () => {
    expect(outputText({ answer: 'Yes.' })).toBe('Yes.');
    expect(outputText({ answer: 'Yes.', sources: [1] })).toBe('{"answer":"Yes.","sources":[1]}');
    expect(outputText({ score: 3 })).toBe('{"score":3}');
    expect(outputText(null)).toBe('');
    expect(outputText({})).toBe('');
  });
});
