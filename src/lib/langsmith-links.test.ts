import { describe, expect, it } from 'vitest';
import {
  DEMO_REASON,
  datasetLink,
  experimentLink,
  langSmithWeb,
  NO_RUN_LINK_REASON,
  NO_WEB_APP_REASON,
  NO_WORKSPACE_REASON,
  runLink,
  SNAPSHOT_DEMO_REASON,
} from './langsmith-links';

const TENANT = '00000000-0000-4000-8000-00000000ffff';
const DATASET = '11111111-1111-4111-8111-111111111111';
const SESSION = '22222222-2222-4222-8222-222222222222';
const RUN = '33333333-3333-4333-8333-333333333333';
const cloud = langSmithWeb({
  source: 'live',
  host: 'api.smith.langchain.com',
  webApp: 'https://smith.langchain.com',
});
const hosted = langSmithWeb({
  source: 'live',
  host: 'corp.example',
  webApp: 'https://corp.example/langsmith',
});

describe('links into LangSmith', () => {
  it("opens a run's trace at the app_path the API sent, on the web app", () => {
    const appPath = `/o/${TENANT}/projects/p/${SESSION}/r/${RUN}?trace_id=${RUN}&start_time=2026-01-01T00:00:00`;
    expect(runLink(cloud, { id: RUN, sessionId: SESSION, appPath }, TENANT)).toEqual({
      href: `https://smith.langchain.com${appPath}`,
    });
    // A self-hosted web app keeps its path prefix.
    expect(runLink(hosted, { id: RUN, sessionId: SESSION, appPath }, TENANT).href).toBe(
      `https://corp.example/langsmith${appPath}`,
    );
  });

  it('builds the trace path from the workspace when the API sent none', () => {
    expect(
      runLink(cloud, { id: RUN, sessionId: SESSION, appPath: null, traceId: RUN }, TENANT),
    ).toEqual({
      href: `https://smith.langchain.com/o/${TENANT}/projects/p/${SESSION}/r/${RUN}?trace_id=${RUN}`,
    });
    expect(runLink(cloud, { id: RUN, sessionId: SESSION, appPath: null }, null)).toEqual({
      href: null,
      reason: NO_RUN_LINK_REASON,
    });
  });

  it.each([
    '//evil.example/o/x',
    'https://evil.example/o/x',
    'javascript:alert(1)',
    '/\\evil.example',
    'o/relative',
  ])('never leaves the web app for an app_path of %s', (appPath) => {
    expect(runLink(cloud, { id: RUN, sessionId: SESSION, appPath }, TENANT)).toEqual({
      href: null,
      reason: NO_RUN_LINK_REASON,
    });
  });

  it('links an experiment and a dataset to their pages in the workspace', () => {
    expect(experimentLink(cloud, TENANT, DATASET, SESSION).href).toBe(
      `https://smith.langchain.com/o/${TENANT}/datasets/${DATASET}/compare?selectedSessions=${SESSION}`,
    );
    expect(datasetLink(hosted, TENANT, DATASET).href).toBe(
      `https://corp.example/langsmith/o/${TENANT}/datasets/${DATASET}`,
    );
    expect(datasetLink(cloud, null, DATASET)).toEqual({ href: null, reason: NO_WORKSPACE_REASON });
  });

  it('has no links in demo mode, nor when the server does not name the web app, and says why', () => {
    const demo = langSmithWeb({ source: 'demo' });
    const run = {
      id: RUN,
      sessionId: SESSION,
      appPath: `/o/${TENANT}/projects/p/${SESSION}/r/${RUN}`,
    };
    expect(runLink(demo, run, TENANT)).toEqual({ href: null, reason: DEMO_REASON });
    expect(experimentLink(demo, TENANT, DATASET, SESSION)).toEqual({
      href: null,
      reason: DEMO_REASON,
    });
    const unnamed = langSmithWeb({ source: 'live', host: 'h' });
    expect(datasetLink(unnamed, TENANT, DATASET)).toEqual({
      href: null,
      reason: NO_WEB_APP_REASON,
    });
  });

  it('keeps a live snapshot’s links (plain links out), and says a demo snapshot has none', () => {
    const live = langSmithWeb({
      source: 'snapshot',
      host: 'api.smith.langchain.com',
      fromDemo: false,
      webApp: 'https://smith.langchain.com',
    });
    expect(datasetLink(live, TENANT, DATASET)).toEqual({
      href: `https://smith.langchain.com/o/${TENANT}/datasets/${DATASET}`,
    });
    const demo = langSmithWeb({ source: 'snapshot', host: 'localhost', fromDemo: true });
    expect(datasetLink(demo, TENANT, DATASET)).toEqual({
      href: null,
      reason: SNAPSHOT_DEMO_REASON,
    });
  });
});
