/**
 * Micro-benchmark of the scoreboard on the L workload (10,000 examples × 8 experiments ×
 * 3 feedback keys): from the matrix and the statistics' inputs to the finished board, the
 * work the page does for it on the main thread (budget: 100 ms; the page must never block
 * 50 ms for it). Timed in Node's V8; run it with
 * `npx tsx bench/scoreboard.ts`.
 */
import { parseGroupedRuns } from '../src/api/grouped-runs/parse';
import {
  boardComparisons,
  boardKeys,
  boardSessions,
  walkRunTotals,
} from '../src/app/comparison/board-adapters';
import { statsInputs } from '../src/app/comparison/view-adapters';
import { buildMatrix } from '../src/features/matrix/model/pivot';
import { buildBoard } from '../src/features/scoreboard/board-model';
import { adjustStats } from '../src/features/stats/model/adjust-results';
import { runJob } from '../src/features/stats/worker/stats-protocol';
import { groupRuns } from '../src/mocks/group-runs';
import { buildWorkload, createBenchStore, GROUP_KEY, WORKLOAD_SPECS } from './workloads';

const ROUNDS = 7;

const workload = buildWorkload(WORKLOAD_SPECS.L);
const store = createBenchStore([workload]);
const order = workload.sessions.map((s) => s.id);
const response = groupRuns(store, workload.dataset.id, {
  session_ids: order,
  group_by: 'run_metadata',
  metadata_key: GROUP_KEY,
  offset: 0,
  limit: workload.spec.examples,
  per_group_limit: 10,
  preview: false,
});
if (response.status !== 200)
  throw new Error(
    `group/runs answered ${response.status}: ${JSON.stringify(response.body).slice(0, 400)}`,
  );
const groups = parseGroupedRuns(response.body).groups;
// A new matrix per round, as a new response gives: the board's walk over the runs is kept
// per matrix, so a reused one would time only the rest.
const freshMatrix = () => buildMatrix(groups, { groupBy: 'run_metadata', sessionOrder: order });
const matrix = freshMatrix();
const sessions = workload.sessions.map((s) => ({ id: s.id, name: s.name }));
const ctx = { matrix, sessions, baseline: order[0] ?? '', flipped: new Set<string>() };
// The statistics' inputs and results exist before the board reads them (the page computes
// them for the statistics panel); the board only reads them.
const inputs = statsInputs(ctx, workload.spec.examples);
const done = runJob({ type: 'compare', inputs });
if (done.type !== 'compare') throw new Error('unexpected job result');
const adjusted = adjustStats(done.results, 'holm');

/** Times a sliced walk: its total, and its longest step between two turns of the page. */
function walkTimed(round: typeof matrix) {
  const steps = walkRunTotals(round);
  let longest = 0;
  let total = 0;
  for (;;) {
    const start = performance.now();
    const step = steps.next();
    const ms = performance.now() - start;
    total += ms;
    longest = Math.max(longest, ms);
    if (step.done) return { totals: step.value, total, longest };
  }
}

const rounds: { walk: number; step: number; board: number; cpu: number }[] = [];
let rows = 0;
// Built up front, as the page has built its matrix before the board reads it.
const matrices = Array.from({ length: ROUNDS }, freshMatrix);
for (const round of matrices) {
  const cpu = process.cpuUsage();
  const walked = walkTimed(round);
  const start = performance.now();
  const board = buildBoard({
    sessions: boardSessions(walked.totals, sessions, inputs),
    keys: boardKeys(inputs),
    baseline: ctx.baseline,
    comparisons: boardComparisons(adjusted.results, adjusted),
  });
  const boardMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  rounds.push({
    walk: walked.total,
    step: walked.longest,
    board: boardMs,
    cpu: (used.user + used.system) / 1000,
  });
  rows = board.rows.length;
}
const median = (pick: (r: (typeof rounds)[number]) => number) =>
  [...rounds].map(pick).sort((a, b) => a - b)[ROUNDS >> 1] ?? Number.NaN;
const max = (pick: (r: (typeof rounds)[number]) => number) => Math.max(...rounds.map(pick));
console.log(
  `L workload: ${matrix.rows.length.toLocaleString('en-US')} examples × ${rows} experiments × ${inputs.length - 2} keys, ${ROUNDS} rounds`,
);
console.log(
  `  walk over the runs (sliced): median ${median((r) => r.walk).toFixed(1)} ms, longest step ${max((r) => r.step).toFixed(1)} ms`,
);
console.log(
  `  board from the totals (one task): median ${median((r) => r.board).toFixed(1)} ms, max ${max((r) => r.board).toFixed(1)} ms`,
);
console.log(
  `  total: median ${median((r) => r.walk + r.board).toFixed(1)} ms wall, ${median((r) => r.cpu).toFixed(1)} ms CPU (budget 100 ms)`,
);
