// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { demoStore } from '../mocks/handlers/index-list';
import { serveDemoData } from '../testing/demo-server';
import { fetchDataset, fetchDatasets } from './datasets';
import { fetchGroupedRuns } from './grouped-runs/fetch';
import { fetchSessionMetadata } from './session-metadata';
import { fetchDatasetSessions } from './sessions';

/**
 * The app's own fetchers and schemas against the demo handlers: what demo mode serves must
 * read without a single item set aside. Relative URLs resolve against a test origin.
 */
serveDemoData();

const supportQa = demoStore.datasets.find((d) => d.name === 'Support QA');
if (!supportQa) throw new Error('demo data has no Support QA dataset');

describe('demo endpoints through the app schemas', () => {
  it('lists and searches datasets', async () => {
    const all = await fetchDatasets({ nameContains: '', offset: 0 });
    expect(all.map((d) => d.name)).toContain('Support QA');
    const found = await fetchDatasets({ nameContains: 'support', offset: 0 });
    expect(found.map((d) => d.id)).toEqual([supportQa.id]);
    const one = await fetchDataset(supportQa.id);
    expect(one).toMatchObject({ id: supportQa.id, exampleCount: 80 });
    expect(typeof one.createdAt).toBe('number');
  });

  it('lists the experiments of a dataset with their stats', async () => {
    const sessions = await fetchDatasetSessions(supportQa.id);
    expect(sessions).toHaveLength(6);
    for (const s of sessions) {
      expect(s.runCount).toBeGreaterThan(0);
      expect(typeof s.totalCost).toBe('number');
      expect(s.feedback.correctness?.kind).toBe('numeric');
    }
  });

  it('reads metadata keys of a session', async () => {
    const [first] = await fetchDatasetSessions(supportQa.id);
    const metadata = await fetchSessionMetadata(first?.id ?? '');
    expect(Object.keys(metadata)).toEqual(expect.arrayContaining(['model', 'prompt_version']));
  });

  it.each(['run_metadata', 'example_metadata'] as const)(
    'reads grouped runs by %s without setting anything aside',
    async (groupBy) => {
      const sessions = await fetchDatasetSessions(supportQa.id);
      const result = await fetchGroupedRuns(supportQa.id, {
        session_ids: sessions.map((s) => s.id),
        group_by: groupBy,
        metadata_key: groupBy === 'run_metadata' ? 'model' : 'topic',
        limit: 100,
      });
      expect(result.issues).toEqual([]);
      expect(result.groups.length).toBeGreaterThan(1);
      const runs = result.groups.flatMap((g) => g.examples.flatMap((e) => e.runs));
      expect(runs.length).toBeGreaterThan(100);
      expect(runs.every((r) => r.startTime !== null && typeof r.sessionId === 'string')).toBe(true);
    },
  );
});
