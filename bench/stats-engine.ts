/**
 * Micro-benchmark of the statistics engine on the L workload (10,000 examples × 8
 * experiments × 3 feedback keys, plus latency and cost): the work the statistics worker
 * does, timed in Node's V8 (the engine Chromium runs). Not part of `npm test` (no timed
 * tests); run it with `npx tsx bench/stats-engine.ts`.
 */
import { adjustStats } from '../src/features/stats/model/adjust-results';
import { defaultSliceKey, exampleLabels, metadataKeys } from '../src/features/stats/model/labels';
import type { StatsInput } from '../src/features/stats/model/types';
import { runJob, type StatsJob } from '../src/features/stats/worker/stats-protocol';
import { buildWorkload, WORKLOAD_SPECS } from './workloads';

const ROUNDS = 3;

function seconds(start: string, end: string | null): number | null {
  if (!end) return null;
  const ms = Date.parse(`${end}Z`) - Date.parse(`${start}Z`);
  return Number.isFinite(ms) ? ms / 1000 : null;
}

function buildInputs() {
  const workload = buildWorkload(WORKLOAD_SPECS.L);
  const { examples, runs } = workload.content;
  const row = new Map(examples.map((e, i) => [e.id, i]));
  const sessions = workload.sessions.map((s) => ({ id: s.id, name: s.name }));
  const keys = ['correctness', 'helpfulness', 'latency', 'cost'];
  const values = new Map<string, Float64Array>();
  for (const s of sessions)
    for (const k of keys)
      values.set(`${s.id}:${k}`, new Float64Array(examples.length).fill(Number.NaN));
  for (const run of runs) {
    const i = row.get(run.reference_example_id ?? '');
    if (i === undefined) continue;
    const stats = (run.feedback_stats ?? {}) as Record<string, { avg?: number | null }>;
    const put = (k: string, v: number | null | undefined) => {
      const target = values.get(`${run.session_id}:${k}`);
      if (target && typeof v === 'number') target[i] = v;
    };
    put('correctness', stats.correctness?.avg);
    put('helpfulness', stats.helpfulness?.avg);
    put('latency', seconds(run.start_time, run.end_time ?? null));
    put(
      'cost',
      run.total_cost === null || run.total_cost === undefined ? null : Number(run.total_cost),
    );
  }
  const [base, ...others] = sessions;
  if (!base) throw new Error('no sessions');
  const inputs: StatsInput[] = keys.map((key) => ({
    key,
    kind: key === 'latency' || key === 'cost' ? 'metric' : 'numeric',
    direction: key === 'latency' || key === 'cost' ? 'lower' : 'higher',
    baseline: {
      sessionId: base.id,
      name: base.name,
      values: values.get(`${base.id}:${key}`) ?? [],
    },
    others: others.map((s) => ({
      sessionId: s.id,
      name: s.name,
      values: values.get(`${s.id}:${key}`) ?? [],
    })),
    exampleCount: examples.length,
    totalExamples: examples.length,
  }));
  const metadata = examples.map((e) => e.metadata ?? {});
  return { inputs, metadata, examples: examples.length, sessions: sessions.length };
}

function time(label: string, job: StatsJob): void {
  const ms: number[] = [];
  let summary = '';
  for (let r = 0; r < ROUNDS; r++) {
    const start = performance.now();
    const result = runJob(job);
    ms.push(performance.now() - start);
    if (result.type === 'compare') {
      const comparisons = result.results.flatMap((k) => k.comparisons);
      const tests = comparisons.filter((c) => c.pValue !== null);
      const mc = tests.filter((c) => c.exact === false).length;
      summary = `${comparisons.length} comparisons, ${tests.length} tests (${mc} Monte Carlo)`;
    } else summary = `${result.slices.reduce((t, s) => t + s.cells.length, 0)} slice cells`;
  }
  const sorted = [...ms].sort((a, b) => a - b);
  console.log(
    `${label.padEnd(38)} median ${sorted[1]?.toFixed(0)} ms (runs: ${ms.map((m) => m.toFixed(0)).join(', ')}); ${summary}`,
  );
}

const { inputs, metadata, examples, sessions } = buildInputs();
console.log(
  `L workload: ${examples.toLocaleString('en-US')} examples × ${sessions} experiments × ${inputs.length} keys`,
);
time('all comparisons, no clustering', { type: 'compare', inputs });
for (const key of ['topic', 'document']) {
  const clusters = exampleLabels(metadata, key);
  if (clusters.names.length === 0) continue;
  time(`all comparisons, clustered by ${key} (${clusters.names.length})`, {
    type: 'compare',
    inputs,
    options: { clusters },
  });
}
time('slices by difficulty', {
  type: 'slices',
  inputs,
  slices: exampleLabels(metadata, 'difficulty'),
});

/** The page's share: what runs on the main thread around a worker job (each must stay ≪ 50 ms). */
function mainThread(label: string, run: () => unknown): void {
  const ms: number[] = [];
  for (let r = 0; r < 5; r++) {
    const start = performance.now();
    run();
    ms.push(performance.now() - start);
  }
  console.log(`  main thread: ${label.padEnd(44)} max ${Math.max(...ms).toFixed(1)} ms`);
}

const done = runJob({ type: 'compare', inputs });
if (done.type !== 'compare') throw new Error('unexpected job result');
console.log('Main-thread work around the worker (L):');
mainThread('metadata keys of 10,000 examples', () => metadataKeys(metadata));
mainThread('cluster labels (document)', () => exampleLabels(metadata, 'document'));
mainThread('default slice key', () => defaultSliceKey(metadata));
mainThread('posting the inputs (structured clone)', () => structuredClone(inputs));
mainThread('receiving the results (structured clone)', () => structuredClone(done.results));
mainThread('Holm over every test', () => adjustStats(done.results, 'holm'));
