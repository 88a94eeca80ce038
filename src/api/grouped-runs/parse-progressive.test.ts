// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { createSpecArbitraries, type OpenApiDocument } from '../../testing/openapi-arbitrary';
import { readSpec } from '../../testing/openapi-spec';
import { ApiError } from '../errors';
import { parseGroupedRuns } from './parse';
import { FIRST_ROWS, parseGroupedRunsText } from './parse-progressive';
import type { GroupedRuns } from './schemas';

const spec = readSpec<OpenApiDocument>();
const responses = createSpecArbitraries(spec).component('GroupedExamplesWithRunsResponse');

/** Reads every text progressively, however short. */
const PROGRESSIVE = { progressiveFrom: 0 };

function example(id: number, runs = 1) {
  const hex = id.toString(16).padStart(12, '0');
  return {
    id: `7c1d2e3f-0000-4a2b-8c3d-${hex}`,
    name: `Example ${id}`,
    inputs: { question: `q${id}` },
    created_at: '2024-06-06T01:02:51.366397',
    runs: Array.from({ length: runs }, (_, r) => ({
      id: `9a000000-0000-4000-8000-${(id * 10 + r).toString(16).padStart(12, '0')}`,
      session_id: '0b8d6f5e-1111-4a2b-8c3d-000000000001',
      name: 'Target',
      run_type: 'chain',
      trace_id: `9a000000-0000-4000-8000-${(id * 10 + r).toString(16).padStart(12, '0')}`,
      start_time: '2024-06-06T01:02:51.000000',
      outputs: { answer: `a${id}` },
      feedback_stats: { correctness: { n: 1, avg: id % 2, errors: 0 } },
    })),
  };
}

function group(key: string, ids: number[]) {
  return {
    group_key: key,
    count: ids.length,
    example_count: ids.length,
    sessions: [],
    examples: ids.map((i) => example(i)),
  };
}

describe('parseGroupedRunsText', () => {
  it('reads any response the spec allows exactly as the whole-text parse does', async () => {
    await fc.assert(
      fc.asyncProperty(responses, fc.constantFrom(undefined, 2), async (value, space) => {
        const text = JSON.stringify(value, null, space);
        const { result } = await parseGroupedRunsText(text, 'group/runs', PROGRESSIVE);
        expect(result).toEqual(parseGroupedRuns(JSON.parse(text)));
      }),
      { seed: 21, numRuns: 40 },
    );
  });

  it('hands over the first rows of every group first, then the whole result', async () => {
    const ids = Array.from({ length: FIRST_ROWS + 40 }, (_, i) => i + 1);
    const text = JSON.stringify({ groups: [group('v1', ids), group('v2', ids)] });
    const early: GroupedRuns[] = [];
    const { result } = await parseGroupedRunsText(text, 'group/runs', {
      ...PROGRESSIVE,
      onEarlyResult: (r) => early.push(r),
      sharedExamples: true,
    });
    expect(early).toHaveLength(1);
    expect(early[0]?.reading).toEqual({ examples: FIRST_ROWS, of: ids.length, from: 'response' });
    expect(early[0]?.groups.map((g) => g.examples.length)).toEqual([FIRST_ROWS, FIRST_ROWS]);
    expect(early[0]?.groups[0]?.examples[0]).toEqual(result.groups[0]?.examples[0]);
    expect(result.reading).toBeUndefined();
    expect(result.groups.map((g) => g.examples.length)).toEqual([ids.length, ids.length]);
  });

  it('shows early only the examples every group has read when groups share examples', async () => {
    const text = JSON.stringify({
      groups: [group('v1', [1, 2, 3, 4]), group('v2', [4, 3, 9, 1])],
    });
    const early: GroupedRuns[] = [];
    await parseGroupedRunsText(text, 'group/runs', {
      ...PROGRESSIVE,
      onEarlyResult: (r) => early.push(r),
      sharedExamples: true,
    });
    expect(early[0]?.groups.map((g) => g.examples.map((e) => e.name))).toEqual([
      ['Example 1', 'Example 3', 'Example 4'],
      ['Example 4', 'Example 3', 'Example 1'],
    ]);
  });

  it('says "not JSON" when an example deep in a large response is broken', async () => {
    const text = JSON.stringify({ groups: [group('v1', [1, 2, 3])] }).replace('"a3"', '"a3');
    const early = vi.fn();
    const error = await parseGroupedRunsText(text, 'group/runs', {
      ...PROGRESSIVE,
      onEarlyResult: early,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).kind).toBe('not-json');
  });

  it('reports the same errors as before for texts the locator does not expect', async () => {
    for (const text of ['<html>busy</html>', '{"detail": "x"}', '[]']) {
      const progressive = await parseGroupedRunsText(text, 'p', PROGRESSIVE).catch(
        (e: unknown) => e,
      );
      const whole = await parseGroupedRunsText(text, 'p', { progressiveFrom: Infinity }).catch(
        (e: unknown) => e,
      );
      expect(progressive).toBeInstanceOf(ApiError);
      expect(progressive).toEqual(whole);
    }
  });

  it('stops reading when the request is cancelled', async () => {
    const ids = Array.from({ length: 4_000 }, (_, i) => i + 1);
    const text = JSON.stringify({ groups: [group('v1', ids)] });
    const controller = new AbortController();
    const reading = parseGroupedRunsText(text, 'group/runs', {
      ...PROGRESSIVE,
      onEarlyResult: () => controller.abort(),
      signal: controller.signal,
    });
    await expect(reading).rejects.toThrow();
  });
});
