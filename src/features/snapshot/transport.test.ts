// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setAnswerListener, setTransport } from '../../api/client';
import { fetchDataset, fetchDatasets } from '../../api/datasets';
import { isApiError } from '../../api/errors';
import { fetchGroupedRuns } from '../../api/grouped-runs/fetch';
import { fetchDatasetSessions } from '../../api/sessions';
import { serveDemoData } from '../../testing/demo-server';
import { createRecorder } from './recorder';
import { NOT_IN_SNAPSHOT, snapshotTransport } from './transport';

serveDemoData();
afterEach(() => {
  setAnswerListener(null);
  setTransport(null);
});

describe('answering from a snapshot', () => {
  it('gives the same parsed data as the server did, and never touches the network', async () => {
    const recorder = createRecorder();
    setAnswerListener(recorder.record);
    const [dataset] = await fetchDatasets({ nameContains: 'Support', offset: 0 });
    if (!dataset) throw new Error('the demo has a Support QA dataset');
    const live = await fetchDataset(dataset.id);
    const [session] = await fetchDatasetSessions(dataset.id);
    if (!session) throw new Error('Support QA has experiments');
    const request = {
      session_ids: [session.id],
      group_by: 'run_metadata' as const,
      metadata_key: 'model',
    };
    const livePage = await fetchGroupedRuns(dataset.id, request);
    setAnswerListener(null);

    const network = vi.fn(() => Promise.reject(new Error('no network in a snapshot')));
    vi.stubGlobal('fetch', network);
    const answers = recorder
      .answers()
      .flatMap((a) => (a.text === null ? [] : [{ ...a, text: a.text.toString() }]));
    setTransport(snapshotTransport(answers));
    await expect(fetchDataset(dataset.id)).resolves.toEqual(live);
    await expect(fetchGroupedRuns(dataset.id, request)).resolves.toEqual(livePage);

    const missing = await fetchDatasets({ nameContains: 'other', offset: 0 }).catch((e) => e);
    expect(isApiError(missing) && missing.message).toBe(NOT_IN_SNAPSHOT);
    expect(network).not.toHaveBeenCalled();
  });
});
