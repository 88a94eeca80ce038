// @vitest-environment node
import type { ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { readSpec } from '../testing/openapi-spec';
import { createTinyStore, TINY } from '../testing/tiny-store';
import {
  getDataset,
  listDatasets,
  listSessions,
  parseJsonBody,
  sessionMetadata,
} from './api-logic';
import type { ApiResult } from './api-types';
import { DEMO_DATASET_NAMES, generateDemoWorkspace } from './generator';
import { groupRuns } from './group-runs';

/**
 * Every endpoint's responses, checked against the documented response schemas of
 * spec/langsmith-openapi-subset.json (OpenAPI 3.1, i.e. JSON Schema 2020-12).
 */

const SPEC_ID = 'https://versus.test/langsmith-openapi-subset.json';
const spec = readSpec();

// strict: false because the document carries OpenAPI keywords (paths, responses…) that are
// not JSON Schema; its `#/components/...` refs resolve once it is registered whole under an id.
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
// The spec is generated from pydantic, whose `datetime` serialises naive values without an
// offset; real servers send exactly that for run times (docs/real-world-shapes.md, Timestamps). RFC 3339
// `date-time` demands an offset, so the check accepts ISO 8601 with or without one.
ajv.addFormat('date-time', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,6})?(Z|[+-]\d\d:\d\d)?$/);
ajv.addSchema({ ...spec, $id: SPEC_ID });

function pointer(...parts: string[]): string {
  return parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
}

/** The validator for one documented response: path, method, status. */
function responseSchema(
  route: string,
  method: 'get' | 'post',
  status: '200' | '422',
): ValidateFunction {
  const ref = `${SPEC_ID}#/${pointer('paths', route, method, 'responses', status, 'content', 'application/json', 'schema')}`;
  return ajv.compile({ $ref: ref });
}

function expectValid(validate: ValidateFunction, result: ApiResult, status: number): void {
  expect(result.status).toBe(status);
  const valid = validate(result.body);
  expect(
    valid ? [] : ajv.errorsText(validate.errors, { separator: '\n' }).split('\n').slice(0, 10),
  ).toEqual([]);
}

const demo = generateDemoWorkspace(undefined, { scale: { examples: 120, sessions: 3 } });
const byName = (name: string) => {
  const d = demo.datasets.find((x) => x.name === name);
  if (!d) throw new Error(name);
  return d;
};
const qa = byName(DEMO_DATASET_NAMES.supportQa);
const qaSessionIds = demo.sessions.filter((s) => s.reference_dataset_id === qa.id).map((s) => s.id);
const q = (text: string) => new URLSearchParams(text);

const GROUP_RUNS = '/api/v1/datasets/{dataset_id}/group/runs';

describe('contract: responses match the OpenAPI subset', () => {
  it('the spec file is the one the brief names', () => {
    expect((spec.info as { title: string }).title).toContain('LangSmith');
  });

  it('GET /api/v1/datasets', () => {
    const ok = responseSchema('/api/v1/datasets', 'get', '200');
    expectValid(ok, listDatasets(demo, q('')), 200);
    expectValid(ok, listDatasets(demo, q('exclude=example_count&sort_by=name')), 200);
    expectValid(
      responseSchema('/api/v1/datasets', 'get', '422'),
      listDatasets(demo, q('limit=0&id=x')),
      422,
    );
  });

  it('GET /api/v1/datasets/{dataset_id}', () => {
    const ok = responseSchema('/api/v1/datasets/{dataset_id}', 'get', '200');
    for (const d of demo.datasets) expectValid(ok, getDataset(demo, d.id), 200);
    expectValid(
      responseSchema('/api/v1/datasets/{dataset_id}', 'get', '422'),
      getDataset(demo, 'nope'),
      422,
    );
  });

  it('GET /api/v1/sessions (with and without stats, fresh and scale experiments)', () => {
    const ok = responseSchema('/api/v1/sessions', 'get', '200');
    expectValid(ok, listSessions(demo, q('include_stats=true')), 200);
    expectValid(ok, listSessions(demo, q('')), 200);
    expectValid(ok, listSessions(demo, q('sort_by=error_rate&include_stats=true')), 200);
    expectValid(
      responseSchema('/api/v1/sessions', 'get', '422'),
      listSessions(demo, q('limit=500')),
      422,
    );
  });

  it('GET /api/v1/sessions/{session_id}/metadata', () => {
    const route = '/api/v1/sessions/{session_id}/metadata';
    const ok = responseSchema(route, 'get', '200');
    for (const s of demo.sessions) expectValid(ok, sessionMetadata(demo, s.id, q('')), 200);
    expectValid(responseSchema(route, 'get', '422'), sessionMetadata(demo, 'nope', q('k=0')), 422);
  });

  it('POST group/runs grouped by run metadata, every run of the dataset', () => {
    const ok = responseSchema(GROUP_RUNS, 'post', '200');
    const result = groupRuns(demo, qa.id, {
      session_ids: qaSessionIds,
      group_by: 'run_metadata',
      metadata_key: 'model',
      limit: 100,
      per_group_limit: 10,
    });
    expectValid(ok, result, 200);
    for (const key of ['prompt_version', 'temperature', 'num_repetitions']) {
      expectValid(
        ok,
        groupRuns(demo, qa.id, {
          session_ids: qaSessionIds,
          group_by: 'run_metadata',
          metadata_key: key,
        }),
        200,
      );
    }
  });

  it('POST group/runs grouped by example metadata, with previews and filters', () => {
    const ok = responseSchema(GROUP_RUNS, 'post', '200');
    for (const key of ['topic', 'difficulty', 'priority', 'dataset_split', 'document']) {
      expectValid(
        ok,
        groupRuns(demo, qa.id, {
          session_ids: qaSessionIds,
          group_by: 'example_metadata',
          metadata_key: key,
          limit: 100,
          preview: true,
          filters: { [qaSessionIds[0] as string]: ['eq(status, "success")'] },
        }),
        200,
      );
    }
  });

  it('POST group/runs over the scale dataset and the hand-made store', () => {
    const ok = responseSchema(GROUP_RUNS, 'post', '200');
    const scale = byName('Scale demo (120 × 3)');
    const ids = demo.sessions.filter((s) => s.reference_dataset_id === scale.id).map((s) => s.id);
    expectValid(
      ok,
      groupRuns(demo, scale.id, {
        session_ids: ids,
        group_by: 'run_metadata',
        metadata_key: 'model',
      }),
      200,
    );
    const tiny = createTinyStore();
    expectValid(
      ok,
      groupRuns(tiny, TINY.datasetD, {
        session_ids: [TINY.sessionA, TINY.sessionB],
        group_by: 'example_metadata',
        metadata_key: 'level',
      }),
      200,
    );
  });

  it('422 bodies of group/runs are HTTPValidationError', () => {
    const invalid = responseSchema(GROUP_RUNS, 'post', '422');
    expectValid(
      invalid,
      groupRuns(demo, qa.id, { session_ids: [], group_by: 'x', limit: 0, per_group_limit: 11 }),
      422,
    );
    expectValid(invalid, groupRuns(demo, 'nope', undefined), 422);
    const malformed = parseJsonBody('{');
    expect(malformed.ok).toBe(false);
    if (!malformed.ok) expectValid(invalid, malformed.result, 422);
  });

  it('catches a response that breaks the contract (the check is not vacuous)', () => {
    const ok = responseSchema(GROUP_RUNS, 'post', '200');
    expect(ok({ groups: [{ group_key: 'x', filter: 'f', sessions: [], examples: [] }] })).toBe(
      false,
    );
    expect(
      ok({
        groups: [{ group_key: null, filter: 'f', sessions: [], examples: [], example_count: 0 }],
      }),
    ).toBe(false);
    const datasets = responseSchema('/api/v1/datasets', 'get', '200');
    expect(datasets([{ ...qa, id: 'not-a-uuid' }])).toBe(false);
    expect(datasets([{ ...qa, modified_at: 'yesterday' }])).toBe(false);
  });
});
