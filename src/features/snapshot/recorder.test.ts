// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import { setAnswerListener } from '../../api/client';
import { fetchDataset, fetchDatasets } from '../../api/datasets';
import { fetchGroupedRuns } from '../../api/grouped-runs/fetch';
import { fetchSessionMetadata } from '../../api/session-metadata';
import { fetchDatasetSessions } from '../../api/sessions';
import { serveDemoData } from '../../testing/demo-server';
import { pickAnswers } from './pick';
import { createRecorder } from './recorder';

serveDemoData();
afterEach(() => setAnswerListener(null));

function answer(
  url: string,
  text: string,
  method: 'GET' | 'POST' = 'GET',
  body: string | null = null,
) {
  return { method, url, body, text, size: text.length };
}

describe('the recorder', () => {
  it('keeps the latest answer per request, and never the server’s own routes', () => {
    const recorder = createRecorder(100);
    recorder.record(answer('/api/v1/datasets', 'one'));
    recorder.record(answer('/api/v1/datasets', 'two'));
    recorder.record(answer('/__versus/config.json', '{}'));
    recorder.record(answer('/__versus/sign-in', '{}', 'POST', '{"key":"lsv2"}'));
    expect(recorder.answers().map((a) => a.text)).toEqual(['two']);
  });

  it('drops the oldest answers past its limit, and keeps only the size of one above it', () => {
    const recorder = createRecorder(10);
    recorder.record(answer('/api/a', '1234'));
    recorder.record(answer('/api/b', '1234'));
    recorder.record(answer('/api/c', '1234'));
    expect(recorder.answers().map((a) => [a.url, a.text, a.evicted ?? false])).toEqual([
      ['/api/a', null, true],
      ['/api/b', '1234', false],
      ['/api/c', '1234', false],
    ]);
    recorder.record(answer('/api/huge', 'x'.repeat(11)));
    expect(recorder.answers().map((a) => [a.url, a.text, a.size])).toEqual([
      ['/api/a', null, 4],
      ['/api/b', '1234', 4],
      ['/api/c', '1234', 4],
      ['/api/huge', null, 11],
    ]);
    // Asked again, an answer let go is kept again (the oldest text goes instead).
    recorder.record(answer('/api/a', '123'));
    expect(recorder.answers().map((a) => [a.url, a.text])).toEqual([
      ['/api/b', null],
      ['/api/c', '1234'],
      ['/api/huge', null],
      ['/api/a', '123'],
    ]);
  });

  it('tells its listeners of each answer', () => {
    const recorder = createRecorder();
    let calls = 0;
    const stop = recorder.subscribe(() => {
      calls += 1;
    });
    recorder.record(answer('/api/a', '1'));
    stop();
    recorder.record(answer('/api/b', '2'));
    expect([calls, recorder.version()]).toEqual([1, 2]);
  });
});

describe('picking what a view used', () => {
  it('takes the dataset, the pickers’ lists, the chosen experiments’ data, no other', async () => {
    const recorder = createRecorder();
    setAnswerListener(recorder.record);
    const [dataset] = await fetchDatasets({ nameContains: 'Support', offset: 0 });
    if (!dataset) throw new Error('the demo has a Support QA dataset');
    const other = (await fetchDatasets({ nameContains: '', offset: 0 })).find(
      (d) => d.id !== dataset.id,
    );
    if (!other) throw new Error('the demo has other datasets');
    await fetchDataset(dataset.id);
    await fetchDataset(other.id);
    const sessions = await fetchDatasetSessions(dataset.id);
    await fetchDatasetSessions(other.id);
    const [a, b, c] = sessions.map((s) => s.id);
    if (!a || !b || !c) throw new Error('Support QA has six experiments');
    await fetchSessionMetadata(a);
    await fetchSessionMetadata(c);
    const request = { group_by: 'run_metadata' as const, metadata_key: 'model', limit: 5 };
    await fetchGroupedRuns(dataset.id, { ...request, session_ids: [b, a] });
    await fetchGroupedRuns(dataset.id, { ...request, session_ids: [a, c] });

    const picked = pickAnswers(recorder.answers(), { datasetId: dataset.id, sessionIds: [a, b] });
    if (!picked.ok) throw new Error(picked.reason);
    const urls = picked.answers.map((x) => `${x.method} ${x.url.split('?')[0]} ${x.body ?? ''}`);
    expect(urls).toEqual([
      'GET /api/v1/datasets ',
      'GET /api/v1/datasets ',
      `GET /api/v1/datasets/${dataset.id} `,
      'GET /api/v1/sessions ',
      `GET /api/v1/sessions/${a}/metadata `,
      `POST /api/v1/datasets/${dataset.id}/group/runs ${JSON.stringify({
        session_ids: [a, b].sort(),
        offset: 0,
        limit: 5,
        preview: false,
        group_by: 'run_metadata',
        metadata_key: 'model',
        per_group_limit: 5,
      })}`,
    ]);
    expect(picked.size).toBe(picked.answers.reduce((n, x) => n + (x.text?.length ?? 0), 0));
  });

  it('says why there is nothing to save: still loading, failed, or too large', () => {
    const scope = { datasetId: 'd', sessionIds: ['s'] };
    const dataset = answer('/api/v1/datasets/d', '{}');
    const page = answer(
      '/api/v1/datasets/d/group/runs',
      'x'.repeat(60),
      'POST',
      '{"session_ids":["s"]}',
    );
    expect(pickAnswers([dataset], scope)).toMatchObject({ ok: false, reason: /still loading/ });
    expect(pickAnswers([dataset], scope, { failed: true })).toMatchObject({
      ok: false,
      reason: /did not load/,
    });
    expect(pickAnswers([dataset, page], scope, { limit: 50 })).toMatchObject({
      ok: false,
      size: 62,
    });
    // A page let go for newer answers: the view is small enough, reloading it makes room.
    const letGo = pickAnswers([dataset, { ...page, text: null, evicted: true }], scope);
    expect(letGo).toMatchObject({
      ok: false,
      reason:
        'Part of this view’s data was let go to keep the page under 50 MB. Reload the page to save a snapshot of it.',
    });
    // An answer the recorder kept only the size of (60 MiB), against the real limit.
    const dropped = { ...page, text: null, size: 60 * 1024 * 1024 };
    const tooLarge = pickAnswers([dropped], scope);
    if (tooLarge.ok) throw new Error('an answer dropped for its size cannot be saved');
    expect(tooLarge.reason).toBe(
      'This view holds 60 MB of data, above the 50 MB a snapshot can hold. Show fewer experiments or examples to save one.',
    );
  });
});
