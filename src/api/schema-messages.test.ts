// @vitest-environment node
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { apiFailure } from '../testing/api-failure';
import { serveDemoData, TEST_ORIGIN } from '../testing/demo-server';
import { fetchDatasets } from './datasets';
import { parseGroupedRuns } from './grouped-runs/parse';
import { buildGroupedRunsBody } from './grouped-runs/request';
import { fetchSessionMetadata } from './session-metadata';

/**
 * What a person reads when the server's data or a view breaks a schema: the messages of
 * zod's English locale (zod/v4/locales/en: "Invalid input: expected {type}, received
 * {type}", "Invalid GUID", "Too small: expected array to have >=1 items", …). This file
 * imports no zod of its own, so nothing here loads a locale the app's schemas do not.
 */
const server = serveDemoData();

const ID = '6f9b6d0e-8a55-4c5e-9a3b-1f2a3b4c5d6e';

describe('schema messages shown to a person', () => {
  it('says what a dataset list item lacks, field by field', async () => {
    server.use(
      http.get(`${TEST_ORIGIN}/api/v1/datasets`, () =>
        HttpResponse.json([
          { id: 'not-an-id', name: 3, created_at: { at: 1 }, metadata: [1] },
          { id: ID },
        ]),
      ),
    );
    const error = await apiFailure(fetchDatasets({ nameContains: '', offset: 0 }));
    expect(error.kind).toBe('schema');
    expect(error.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      '[0].id: Invalid GUID',
      '[0].name: Invalid input: expected string, received number',
      '[0].created_at: Invalid input',
      '[0].metadata: Invalid input',
      '[1].name: Invalid input: expected string, received undefined',
    ]);
  });

  it('says when metadata is not a record', async () => {
    server.use(
      http.get(`${TEST_ORIGIN}/api/v1/sessions/${ID}/metadata`, () => HttpResponse.json([1])),
    );
    const error = await apiFailure(fetchSessionMetadata(ID));
    expect(error.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      '(root): Invalid input: expected record, received array',
    ]);
  });

  it('says why a view cannot be requested', () => {
    const built = buildGroupedRunsBody({
      session_ids: [],
      group_by: 'run' as 'run_metadata',
      metadata_key: 'model',
      offset: -1,
      limit: 1.5,
      per_group_limit: 11,
    });
    expect(built.ok).toBe(false);
    expect(built.ok ? '' : built.error.message).toBe(
      'This view cannot be requested (' +
        [
          'session_ids: Too small: expected array to have >=1 items',
          'offset: Too small: expected number to be >=0',
          'limit: Invalid input: expected int, received number',
          'group_by: Invalid option: expected one of "run_metadata"|"example_metadata"',
          'per_group_limit: Too big: expected number to be <=10',
        ].join('; ') +
        ').',
    );
  });

  it('gives the reason an item of group/runs was set aside', () => {
    const run = { id: ID, session_id: 42 };
    const { issues } = parseGroupedRuns({
      groups: [
        { group_key: 'a', examples: [{ id: ID, runs: [run, { id: ID, session_id: 'x' }] }] },
        { group_key: null },
        { group_key: 'b', examples: [{ id: ID, inputs: [1] }] },
      ],
    });
    expect(issues.map((i) => `${i.path}: ${i.reason}`)).toEqual([
      'groups[0].examples[0].runs[0].session_id: Invalid input: expected string, received number',
      'groups[0].examples[0].runs[1].session_id: Invalid GUID',
      'groups[1].group_key: Invalid input',
      'groups[2].examples[0].inputs: Expected an object',
    ]);
  });
});
