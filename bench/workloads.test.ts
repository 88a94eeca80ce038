import { describe, expect, it } from 'vitest';
import { generateScaleDataset } from '../src/mocks/generator';
import { groupRuns } from '../src/mocks/group-runs';
import { buildWorkload, createBenchStore, GROUP_KEY, workloadPath } from './workloads';

const small = { name: 'S' as const, examples: 12, sessions: 4, seed: 99 };

describe('lean runs (feedbackDetail: stats)', () => {
  it('serialise per-run feedback_stats of n/avg/stdev/errors/values/comments and no feedbacks', () => {
    const { runs } = generateScaleDataset({ ...small, feedbackDetail: 'stats' });
    const scored = runs.find((r) => r.status === 'success');
    expect(scored).toBeDefined();
    const wire = JSON.parse(JSON.stringify(scored)) as Record<string, unknown>;
    expect(wire).not.toHaveProperty('feedbacks');
    const stats = wire.feedback_stats as Record<string, Record<string, unknown>>;
    expect(Object.keys(stats).sort()).toEqual(['correctness', 'helpfulness', 'verdict']);
    for (const entry of Object.values(stats)) {
      expect(Object.keys(entry).sort()).toEqual(
        ['avg', 'comments', 'errors', 'n', 'stdev', 'values'].sort(),
      );
    }
  });

  it('keeps the same runs and scores as the full detail', () => {
    const full = generateScaleDataset(small);
    const lean = generateScaleDataset({ ...small, feedbackDetail: 'stats' });
    expect(lean.runs.map((r) => r.id)).toEqual(full.runs.map((r) => r.id));
    lean.runs.forEach((run, i) => {
      const other = full.runs[i];
      expect(run.outputs).toEqual(other?.outputs);
      expect(run.feedbacks).toEqual(other?.feedbacks);
      for (const [key, entry] of Object.entries(run.feedback_stats ?? {})) {
        expect(entry.avg).toBe(other?.feedback_stats?.[key]?.avg);
      }
    });
    expect(JSON.stringify(full.runs[0])).toContain('"feedbacks"');
  });

  it('still backs the server-side feedback aggregates', () => {
    const workload = buildWorkload(small);
    const store = createBenchStore([workload]);
    const result = groupRuns(store, workload.dataset.id, {
      session_ids: workload.sessions.map((s) => s.id),
      group_by: 'run_metadata',
      metadata_key: GROUP_KEY,
      limit: small.examples,
    });
    expect(result.status).toBe(200);
    const body = result.body as {
      groups: { feedback_stats: Record<string, { n: number }>; examples: unknown[] }[];
    };
    expect(body.groups).toHaveLength(1);
    expect(body.groups[0]?.examples).toHaveLength(small.examples);
    expect(body.groups[0]?.feedback_stats.correctness?.n).toBeGreaterThan(0);
  });
});

describe('workloadPath', () => {
  it('selects the dataset, every session, the group key and one page of everything', () => {
    const workload = buildWorkload(small);
    const url = new URL(workloadPath(workload), 'http://x');
    expect(url.searchParams.get('dataset')).toBe(workload.dataset.id);
    expect(url.searchParams.get('sessions')?.split(',')).toEqual(
      workload.sessions.map((s) => s.id),
    );
    expect(url.searchParams.get('key')).toBe(GROUP_KEY);
    expect(url.searchParams.get('pageSize')).toBe(String(small.examples));
  });
});
