// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { ApiRun, ApiSessionBase } from './api-types';
import {
  DEMO_DATASET_NAMES,
  generateDemoWorkspace,
  generateScaleDataset,
  planScaleDataset,
  type WorkspaceStore,
} from './generator';
import { parseCost } from './stats';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const NAIVE = /^2026-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/;
const UTC = /^2026-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00$/;
const SMALL_SCALE = { examples: 40, sessions: 3 };

/** Everything a store holds, materialised, so two stores can be compared deeply. */
function snapshot(store: WorkspaceStore) {
  return {
    tenantId: store.tenantId,
    datasets: store.datasets,
    sessions: store.sessions,
    contents: store.datasets.map((d) => store.contentOf(d.id)),
  };
}

function byName(store: WorkspaceStore, name: string) {
  const dataset = store.datasets.find((d) => d.name === name);
  if (!dataset) throw new Error(`no dataset ${name}`);
  return dataset;
}

const store = generateDemoWorkspace(undefined, { scale: SMALL_SCALE });
const qa = byName(store, DEMO_DATASET_NAMES.supportQa);
const qaContent = store.contentOf(qa.id);
const qaSessions = store.sessions.filter((s) => s.reference_dataset_id === qa.id);

function meta(session: ApiSessionBase): Record<string, unknown> {
  return (session.extra?.metadata ?? {}) as Record<string, unknown>;
}

function runsOf(sessionId: string): ApiRun[] {
  return qaContent.runs.filter((r) => r.session_id === sessionId);
}

function sessionFor(model: string, version: string): ApiSessionBase {
  const s = qaSessions.find((x) => meta(x).model === model && meta(x).prompt_version === version);
  if (!s) throw new Error(`no session ${model} ${version}`);
  return s;
}

function meanScore(runs: ApiRun[], key: string): number {
  const scores = runs.flatMap((r) =>
    r.feedbacks.filter((f) => f.key === key).map((f) => Number(f.score)),
  );
  return scores.reduce((a, b) => a + b, 0) / scores.length;
}

function costPerRun(runs: ApiRun[]): number {
  const ok = runs.filter((r) => r.total_cost !== null);
  return ok.reduce((a, r) => a + (parseCost(r.total_cost) ?? 0), 0) / ok.length;
}

describe('generateDemoWorkspace determinism', () => {
  it('gives deep-equal workspaces for the same seed', () => {
    const a = generateDemoWorkspace(123, { scale: SMALL_SCALE });
    const b = generateDemoWorkspace(123, { scale: SMALL_SCALE });
    expect(snapshot(a)).toEqual(snapshot(b));
  });

  it('gives different workspaces for different seeds', () => {
    const a = snapshot(generateDemoWorkspace(1, { scale: SMALL_SCALE }));
    const b = snapshot(generateDemoWorkspace(2, { scale: SMALL_SCALE }));
    expect(a.tenantId).not.toBe(b.tenantId);
    expect(a.contents[0]?.runs.map((r) => r.id)).not.toEqual(b.contents[0]?.runs.map((r) => r.id));
  });
});

describe('generateScaleDataset determinism', () => {
  it('gives deep-equal output for the same seed and differs across seeds', () => {
    const options = { examples: 60, sessions: 4, seed: 9 };
    expect(generateScaleDataset(options)).toEqual(generateScaleDataset(options));
    expect(generateScaleDataset(options).runs[0]?.id).not.toBe(
      generateScaleDataset({ ...options, seed: 10 }).runs[0]?.id,
    );
  });
});

describe('the Support QA dataset', () => {
  it('has 80 support examples with topic and difficulty metadata', () => {
    expect(qa.example_count).toBe(80);
    expect(qaContent.examples).toHaveLength(80);
    const topics = new Set(qaContent.examples.map((e) => e.metadata?.topic));
    expect([...topics].sort()).toEqual(['account', 'billing', 'returns', 'shipping', 'technical']);
    for (const example of qaContent.examples) {
      expect(example.id).toMatch(UUID_V4);
      expect(typeof example.inputs.question).toBe('string');
      expect(typeof example.outputs?.answer).toBe('string');
      expect(['easy', 'medium', 'hard']).toContain(example.metadata?.difficulty);
      expect(example.dataset_id).toBe(qa.id);
      expect(example.created_at).toMatch(UTC);
    }
    expect(qaContent.examples.some((e) => 'context' in e.inputs)).toBe(true);
  });

  it('tags each example with its source document: a cluster of several questions each', () => {
    const sizes = new Map<string, number>();
    for (const example of qaContent.examples) {
      const doc = example.metadata?.document;
      expect(typeof doc).toBe('string');
      // The document sits under the example's topic: "billing/double-charge".
      expect(String(doc).startsWith(`${example.metadata?.topic}/`)).toBe(true);
      sizes.set(String(doc), (sizes.get(String(doc)) ?? 0) + 1);
    }
    expect(sizes.size).toBeGreaterThan(10);
    expect(sizes.size).toBeLessThan(40);
    expect([...sizes.values()].filter((n) => n >= 3).length).toBeGreaterThan(10);
  });

  it('has six experiments crossing three models with two prompt versions', () => {
    expect(qa.session_count).toBe(6);
    expect(qaSessions).toHaveLength(6);
    const combos = qaSessions.map((s) => `${meta(s).model}/${meta(s).prompt_version}`).sort();
    expect(combos).toEqual([
      'claude-3-5-sonnet/v1',
      'claude-3-5-sonnet/v2',
      'gpt-4o/v1',
      'gpt-4o/v2',
      'llama-3.1-70b/v1',
      'llama-3.1-70b/v2',
    ]);
    for (const s of qaSessions) {
      expect(s.name).toMatch(
        /^support-qa-(gpt-4o|claude-3-5-sonnet|llama-3\.1-70b)-v[12]-[0-9a-f]{8}$/,
      );
      expect(s.start_time).toMatch(NAIVE);
      expect(s.end_time).toMatch(UTC);
      expect(meta(s)).toMatchObject({
        dataset_version: expect.any(String),
        num_repetitions: expect.any(Number),
      });
      expect(meta(s).git).toMatchObject({
        commit: expect.stringMatching(/^[0-9a-f]{40}$/),
        dirty: expect.any(Boolean),
      });
    }
    expect(new Set(qaSessions.map((s) => s.start_time.slice(0, 10))).size).toBe(6);
  });

  it('has exactly one experiment with three runs per example', () => {
    const repeated = qaSessions.filter((s) => meta(s).num_repetitions === 3);
    expect(repeated).toHaveLength(1);
    for (const s of qaSessions) {
      const runs = runsOf(s.id);
      const reps = meta(s).num_repetitions as number;
      expect(runs).toHaveLength(80 * reps);
      const perExample = new Map<string, number>();
      for (const r of runs) {
        const id = r.reference_example_id as string;
        perExample.set(id, (perExample.get(id) ?? 0) + 1);
      }
      expect(new Set(perExample.values())).toEqual(new Set([reps]));
    }
  });

  it('fails a few percent of runs with an error, no output and little feedback', () => {
    const errors = qaContent.runs.filter((r) => r.status === 'error');
    const share = errors.length / qaContent.runs.length;
    expect(share).toBeGreaterThan(0.01);
    expect(share).toBeLessThan(0.08);
    for (const r of errors) {
      expect(r.error).toMatch(/^(RateLimitError|APITimeoutError): .+\nTraceback/);
      expect(r.outputs).toBeNull();
      expect(r.feedbacks.every((f) => f.key === 'correctness' && f.score === 0)).toBe(true);
    }
  });

  it('shapes runs like the real API', () => {
    for (const r of qaContent.runs) {
      expect(r.id).toMatch(UUID_V4);
      expect(r.trace_id).toBe(r.id);
      expect(r.run_type).toBe('chain');
      expect(r.name).toBe('Target');
      expect(r.start_time).toMatch(NAIVE);
      expect(r.end_time).toMatch(NAIVE);
      expect(r.dotted_order).toMatch(new RegExp(`^2026\\d{4}T\\d{12}Z${r.id}$`));
      expect(r.extra?.metadata).toMatchObject({
        model: expect.any(String),
        prompt_version: expect.any(String),
      });
      if (r.status === 'success') {
        const answer = r.outputs?.answer as string;
        expect(answer.length).toBeGreaterThanOrEqual(100);
        expect(answer.length).toBeLessThanOrEqual(300);
        expect(r.total_cost).toMatch(/^\d+\.\d+$/);
        expect(r.total_tokens).toBe((r.prompt_tokens ?? 0) + (r.completion_tokens ?? 0));
      }
    }
    // Some payloads omit keys rather than sending null; the demo does that on some sessions.
    expect(qaContent.runs.some((r) => !('tags' in r))).toBe(true);
    expect(qaContent.runs.some((r) => 'tags' in r)).toBe(true);
  });

  it('carries binary, continuous, categorical and comment-only feedback', () => {
    const feedbacks = qaContent.runs.flatMap((r) => r.feedbacks);
    const keys = new Set(feedbacks.map((f) => f.key));
    expect([...keys].sort()).toEqual(['correctness', 'helpfulness', 'note', 'verdict']);
    for (const f of feedbacks) {
      if (f.key === 'correctness') expect([0, 1]).toContain(f.score);
      if (f.key === 'helpfulness') {
        expect(f.score).toBeGreaterThanOrEqual(0);
        expect(f.score).toBeLessThanOrEqual(1);
      }
      if (f.key === 'verdict') {
        expect(f.score).toBeNull();
        expect(['PASS', 'FAIL', 'PARTIAL']).toContain(f.value);
      }
      if (f.key === 'note') {
        expect(f.score).toBeNull();
        expect(f.comment).toEqual(expect.any(String));
      }
    }
    expect(feedbacks.some((f) => f.key === 'correctness' && f.comment)).toBe(true);
    const withStats = qaContent.runs.find((r) => r.feedbacks.length > 0);
    expect(withStats?.feedback_stats?.correctness).toMatchObject({ n: 1, errors: 0, values: {} });
  });

  it('makes claude-3-5-sonnet v2 the most correct, llama the cheapest, v2 more helpful', () => {
    const claudeV2 = meanScore(runsOf(sessionFor('claude-3-5-sonnet', 'v2').id), 'correctness');
    for (const s of qaSessions) {
      if (s === sessionFor('claude-3-5-sonnet', 'v2')) continue;
      expect(claudeV2 - meanScore(runsOf(s.id), 'correctness')).toBeGreaterThan(0.08);
    }
    for (const version of ['v1', 'v2']) {
      const llama = costPerRun(runsOf(sessionFor('llama-3.1-70b', version).id));
      for (const model of ['gpt-4o', 'claude-3-5-sonnet']) {
        expect(costPerRun(runsOf(sessionFor(model, version).id))).toBeGreaterThan(2 * llama);
      }
    }
    for (const model of ['gpt-4o', 'claude-3-5-sonnet', 'llama-3.1-70b']) {
      const v1 = meanScore(runsOf(sessionFor(model, 'v1').id), 'helpfulness');
      const v2 = meanScore(runsOf(sessionFor(model, 'v2').id), 'helpfulness');
      expect(v2).toBeGreaterThan(v1);
    }
  });

  it('gives each model its own latency', () => {
    const medianLatency = (runs: ApiRun[]) => {
      const xs = runs
        .filter((r) => r.status === 'success')
        .map((r) => (Date.parse(`${r.end_time}Z`) - Date.parse(`${r.start_time}Z`)) / 1000)
        .sort((a, b) => a - b);
      return xs[Math.floor(xs.length / 2)] ?? 0;
    };
    const gpt = medianLatency(runsOf(sessionFor('gpt-4o', 'v1').id));
    const claude = medianLatency(runsOf(sessionFor('claude-3-5-sonnet', 'v1').id));
    const llama = medianLatency(runsOf(sessionFor('llama-3.1-70b', 'v1').id));
    expect(gpt).toBeGreaterThan(2);
    expect(gpt).toBeLessThan(4);
    expect(claude).toBeGreaterThan(gpt);
    expect(llama).toBeLessThan(gpt);
  });
});

describe('the other demo datasets', () => {
  it('has an empty dataset and a fresh experiment without runs', () => {
    const empty = byName(store, DEMO_DATASET_NAMES.empty);
    expect(empty).toMatchObject({
      example_count: 0,
      session_count: 0,
      last_session_start_time: null,
    });
    expect(store.contentOf(empty.id)).toEqual({ examples: [], runs: [] });

    const fresh = byName(store, DEMO_DATASET_NAMES.fresh);
    const freshSessions = store.sessions.filter((s) => s.reference_dataset_id === fresh.id);
    expect(freshSessions).toHaveLength(1);
    expect(freshSessions[0]?.end_time).toBeNull();
    expect(store.contentOf(fresh.id).runs).toHaveLength(0);
    expect(store.contentOf(fresh.id).examples.length).toBeGreaterThan(0);
  });

  it('lists the scale dataset with its counts but builds it only when asked', () => {
    const lazy = generateDemoWorkspace();
    const scale = byName(lazy, DEMO_DATASET_NAMES.scale);
    expect(scale).toMatchObject({ example_count: 10_000, session_count: 8 });
    expect(lazy.sessions.filter((s) => s.reference_dataset_id === scale.id)).toHaveLength(8);
    expect(lazy.isContentBuilt(scale.id)).toBe(false);
    lazy.contentOf(byName(lazy, DEMO_DATASET_NAMES.supportQa).id);
    expect(lazy.isContentBuilt(scale.id)).toBe(false);
  });

  it('gives Support QA the latest experiments, so it leads the default dataset order', () => {
    const starts = store.datasets.map((d) => d.last_session_start_time);
    expect(store.datasets[0]?.name).toBe(DEMO_DATASET_NAMES.supportQa);
    const dated = starts.filter((s): s is string => s !== null);
    expect(Math.max(...dated.map((s) => Date.parse(`${s}Z`)))).toBe(Date.parse(`${starts[0]}Z`));
  });
});

describe('generateScaleDataset', () => {
  it('builds 10,000 examples x 8 sessions with ~300-character outputs and 3 feedback keys', () => {
    const data = generateScaleDataset({ examples: 10_000, sessions: 8, seed: 3 });
    expect(data.examples).toHaveLength(10_000);
    expect(data.sessions).toHaveLength(8);
    expect(data.runs).toHaveLength(80_000);
    expect(data.dataset).toMatchObject({ example_count: 10_000, session_count: 8 });
    const ok = data.runs.filter((r) => r.status === 'success');
    const lengths = ok.map((r) => String(r.outputs?.answer ?? '').length);
    expect(Math.min(...lengths)).toBeGreaterThan(250);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(300);
    expect(new Set(ok.flatMap((r) => r.feedbacks.map((f) => f.key)))).toEqual(
      new Set(['correctness', 'helpfulness', 'verdict']),
    );
  }, 60_000);

  it('honours feedbackKeys and outputChars, and its plan is cheap until built', () => {
    const plan = planScaleDataset({
      examples: 30,
      sessions: 2,
      seed: 4,
      feedbackKeys: 5,
      outputChars: 120,
    });
    expect(plan.sessions).toHaveLength(2);
    const { runs } = plan.build();
    const ok = runs.filter((r) => r.status === 'success');
    expect(new Set(ok.flatMap((r) => r.feedbacks.map((f) => f.key))).size).toBe(5);
    expect(Math.max(...ok.map((r) => String(r.outputs?.answer ?? '').length))).toBeLessThanOrEqual(
      120,
    );
  });
});
