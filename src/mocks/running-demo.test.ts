// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { listSessions } from './api-logic';
import type { ApiTracerSession } from './api-types';
import { generateDemoWorkspace } from './generator';
import { groupRuns } from './group-runs';
import {
  arrivedRuns,
  RUNNING_ARRIVAL_MS,
  RUNNING_DATASET_NAME,
  RUNNING_EXAMPLES,
  RUNNING_FIRST_RUNS,
} from './running-demo';

/** A clock the test moves by hand. */
function manualClock(start = Date.UTC(2026, 11, 6, 10)) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

function workspace() {
  const clock = manualClock();
  const store = generateDemoWorkspace(undefined, { scale: null, clock: clock.now });
  const dataset = store.datasets.find((d) => d.name === RUNNING_DATASET_NAME);
  if (!dataset) throw new Error('no running dataset');
  const sessions = () => {
    const result = listSessions(
      store,
      new URLSearchParams(`reference_dataset=${dataset.id}&include_stats=true`),
    );
    expect(result.status).toBe(200);
    return result.body as ApiTracerSession[];
  };
  const [finished, running] = [...sessions()].sort((a, b) => (a.name < b.name ? -1 : 1));
  if (!finished || !running) throw new Error('two sessions expected');
  const grouped = () => {
    const result = groupRuns(store, dataset.id, {
      session_ids: [finished.id, running.id],
      group_by: 'run_metadata',
      metadata_key: 'model',
      limit: 100,
    });
    expect(result.status).toBe(200);
    return result.body as { groups: { examples: { runs: { session_id: string }[] }[] }[] };
  };
  return { clock, sessions, grouped, finished, running };
}

const runsOf = (body: ReturnType<ReturnType<typeof workspace>['grouped']>, id: string) =>
  body.groups.flatMap((g) => g.examples.flatMap((e) => e.runs)).filter((r) => r.session_id === id)
    .length;

describe('the demo experiment that is still running', () => {
  it('counts its arrived runs from the time since the demo started', () => {
    expect(arrivedRuns(0)).toBe(RUNNING_FIRST_RUNS);
    expect(arrivedRuns(RUNNING_ARRIVAL_MS - 1)).toBe(RUNNING_FIRST_RUNS);
    expect(arrivedRuns(RUNNING_ARRIVAL_MS)).toBe(RUNNING_FIRST_RUNS + 1);
    expect(arrivedRuns(10 * 60_000)).toBe(RUNNING_EXAMPLES);
  });

  it('has no end time and gains runs as the clock advances, then ends', () => {
    const { clock, sessions, grouped, finished, running } = workspace();
    expect(finished.end_time).not.toBeNull();
    expect(finished.run_count).toBe(RUNNING_EXAMPLES);
    expect(running.end_time).toBeNull();
    expect(running.run_count).toBe(RUNNING_FIRST_RUNS);
    expect(runsOf(grouped(), running.id)).toBe(RUNNING_FIRST_RUNS);
    // A group's examples are those every one of its experiments ran: the arrived ones.
    expect(runsOf(grouped(), finished.id)).toBe(RUNNING_FIRST_RUNS);

    clock.advance(3 * RUNNING_ARRIVAL_MS);
    const later = sessions().find((s) => s.id === running.id);
    expect(later?.run_count).toBe(RUNNING_FIRST_RUNS + 3);
    expect(later?.end_time).toBeNull();
    expect(runsOf(grouped(), running.id)).toBe(RUNNING_FIRST_RUNS + 3);

    clock.advance(RUNNING_EXAMPLES * RUNNING_ARRIVAL_MS);
    const done = sessions().find((s) => s.id === running.id);
    expect(done?.run_count).toBe(RUNNING_EXAMPLES);
    expect(done?.end_time).not.toBeNull();
    expect(runsOf(grouped(), running.id)).toBe(RUNNING_EXAMPLES);
  });

  it('leaves the other demo datasets as they were', () => {
    const a = generateDemoWorkspace(undefined, { scale: null, clock: () => 0 });
    const b = generateDemoWorkspace(undefined, { scale: null, clock: () => 1e12 });
    const qa = (s: typeof a) => s.datasets.find((d) => d.name === 'Support QA');
    expect(qa(a)).toEqual(qa(b));
    expect(a.contentOf(qa(a)?.id ?? '').runs.length).toBe(b.contentOf(qa(b)?.id ?? '').runs.length);
  });
});
