import { describe, expect, it } from 'vitest';
import { normaliseFeedbackStats } from './feedback-stats';

describe('normaliseFeedbackStats', () => {
  it('reads the 2023 project-level shape', () => {
    const out = normaliseFeedbackStats({
      acc: { n: 6, avg: 7.825, mode: 3.43, is_all_model: true },
    });
    expect(out.acc).toMatchObject({ kind: 'numeric', n: 6, mean: 7.825, stdev: null, errors: 0 });
  });

  it('reads a 2024 categorical run key whose n does not count values', () => {
    const out = normaliseFeedbackStats({ kind: { n: 0, avg: null, values: { CONCEPTUAL: 1 } } });
    expect(out.kind).toMatchObject({
      kind: 'categorical',
      mean: null,
      categories: { CONCEPTUAL: 1 },
    });
  });

  it('reads a categorical session key with an average', () => {
    const out = normaliseFeedbackStats({
      verdict: { n: 9, avg: 0.6667, values: { CORRECT: 6, INCORRECT: 3 } },
    });
    expect(out.verdict).toMatchObject({
      kind: 'categorical',
      n: 9,
      mean: 0.6667,
      categories: { CORRECT: 6, INCORRECT: 3 },
    });
  });

  it('reads the 2025-26 run shape with comments, sources and min/max', () => {
    const out = normaliseFeedbackStats({
      correctness: {
        n: 1,
        avg: 1.0,
        stdev: 0.0,
        errors: 0,
        comments: [''],
        sources: ['{"type":"api","metadata":{}}'],
        session_min_score: 1.0,
        session_max_score: 1.0,
        values: {},
        contains_thread_feedback: false,
        show_feedback_arrow: true,
      },
    });
    expect(out.correctness).toEqual({
      kind: 'numeric',
      n: 1,
      mean: 1,
      stdev: 0,
      errors: 0,
      categories: {},
      comments: [],
      minScore: 1,
      maxScore: 1,
    });
  });

  it('reads a comment-only key', () => {
    const out = normaliseFeedbackStats({
      note: {
        n: 0,
        avg: null,
        stdev: null,
        errors: 0,
        comments: ['Human verdict: PASS'],
        values: {},
      },
    });
    expect(out.note).toMatchObject({
      kind: 'comment',
      mean: null,
      comments: ['Human verdict: PASS'],
    });
  });

  it('accepts averages sent as decimal strings and ignores junk', () => {
    const out = normaliseFeedbackStats({ a: { n: '3', avg: '0.5' }, b: 'junk', c: null });
    expect(out.a).toMatchObject({ kind: 'numeric', n: 3, mean: 0.5 });
    expect(out.b?.kind).toBe('empty');
    expect(out.c?.kind).toBe('empty');
  });

  it.each([null, undefined, [], 'x', 3])('returns no keys for %j', (input) => {
    expect(normaliseFeedbackStats(input)).toEqual({});
  });
});
