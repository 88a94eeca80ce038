import { delay, HttpResponse, http, type RequestHandler } from 'msw';

/**
 * Named failure scenarios layered over the demo handlers, for end-to-end tests of how the
 * app meets a broken server (and for trying it by hand from the console:
 * `versusDemo.use('server-error')`). Each returns MSW handlers that take precedence.
 */
export type ScenarioName =
  | 'unauthorized'
  | 'forbidden'
  | 'dataset-not-found'
  | 'validation-error'
  | 'rate-limited-then-ok'
  | 'server-error'
  | 'network-error'
  | 'not-json'
  | 'not-an-object'
  | 'malformed-items'
  | 'hostile-strings'
  | 'huge'
  | 'slow';

const GROUP_RUNS = '*/api/v1/datasets/:datasetId/group/runs';
const ALL_API = '*/api/v1/*';

export interface ScenarioOptions {
  /** For `slow`: milliseconds before answering. */
  delayMs?: number;
  /** For `rate-limited-then-ok`: how many 429s before the real answer. */
  failures?: number;
}

type Passthrough = (request: Request) => Promise<Response>;

export function scenarioHandlers(
  name: ScenarioName,
  options: ScenarioOptions,
  passthrough: Passthrough,
): RequestHandler[] {
  switch (name) {
    case 'unauthorized':
      return [
        http.all(ALL_API, () => HttpResponse.json({ detail: 'Invalid token' }, { status: 401 })),
      ];
    case 'forbidden':
      return [http.all(ALL_API, () => HttpResponse.json({ detail: 'Forbidden' }, { status: 403 }))];
    case 'dataset-not-found':
      return [
        http.get('*/api/v1/datasets/:datasetId', () =>
          HttpResponse.json({ detail: 'Dataset not found' }, { status: 404 }),
        ),
        http.post(GROUP_RUNS, () =>
          HttpResponse.json({ detail: 'Dataset not found' }, { status: 404 }),
        ),
      ];
    case 'validation-error':
      return [
        http.post(GROUP_RUNS, () =>
          HttpResponse.json(
            {
              detail: [{ loc: ['body', 'metadata_key'], msg: 'Field required', type: 'missing' }],
            },
            { status: 422 },
          ),
        ),
      ];
    case 'rate-limited-then-ok': {
      let left = options.failures ?? 2;
      return [
        http.post(GROUP_RUNS, async ({ request }) => {
          if (left-- > 0) {
            return HttpResponse.json(
              { detail: 'Rate limit exceeded' },
              { status: 429, headers: { 'Retry-After': '1' } },
            );
          }
          return passthrough(request);
        }),
      ];
    }
    case 'server-error':
      return [
        http.post(GROUP_RUNS, () =>
          HttpResponse.json({ detail: 'Internal Server Error' }, { status: 500 }),
        ),
      ];
    case 'network-error':
      return [http.post(GROUP_RUNS, () => HttpResponse.error())];
    case 'not-json':
      return [
        http.post(
          GROUP_RUNS,
          () =>
            new HttpResponse('<html><body>502 Bad Gateway</body></html>', {
              status: 200,
              headers: { 'Content-Type': 'text/html' },
            }),
        ),
      ];
    case 'not-an-object':
      return [http.post(GROUP_RUNS, () => HttpResponse.json([1, 2, 3]))];
    case 'malformed-items':
      return [http.post(GROUP_RUNS, async ({ request }) => breakItems(await passthrough(request)))];
    case 'hostile-strings':
      return [http.post(GROUP_RUNS, async ({ request }) => hostile(await passthrough(request)))];
    case 'huge':
      return [
        http.get('*/api/v1/sessions', ({ request }) => {
          const dataset = new URL(request.url).searchParams.get('reference_dataset') ?? '';
          return HttpResponse.json(hugeSessions(dataset) as never);
        }),
        http.post(GROUP_RUNS, async ({ request, params }) => {
          const body = (await request.json()) as { session_ids?: string[] };
          return HttpResponse.json(
            hugeResponse(String(params.datasetId), body.session_ids ?? []) as never,
          );
        }),
      ];
    case 'slow':
      return [
        http.all(ALL_API, async () => {
          await delay(options.delayMs ?? 2_000);
          return undefined;
        }),
      ];
  }
}

/** Breaks one run, one example and one session of the real answer: the rest must still render. */
async function breakItems(response: Response): Promise<Response> {
  const body = (await response.json()) as {
    groups: {
      sessions: Record<string, unknown>[];
      examples: { runs: Record<string, unknown>[] }[];
    }[];
  };
  const group = body.groups[0];
  if (group) {
    const run = group.examples[0]?.runs[0];
    if (run) run.session_id = 42;
    if (group.examples[1]) group.examples[1] = { id: 'not-an-id' } as never;
    if (group.sessions[0]) group.sessions[0].id = null;
  }
  return HttpResponse.json(body as never, { status: response.status });
}

export const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '</script><script>alert(1)</script>',
  '\u202Eevil\u202C \u200B\u200Dzero-width 👩‍🔬 שלום',
];

/** Puts script-like strings in every field that reaches the screen. */
async function hostile(response: Response): Promise<Response> {
  const body = (await response.json()) as {
    groups: {
      group_key: unknown;
      sessions: Record<string, unknown>[];
      examples: {
        name: string;
        inputs: Record<string, unknown>;
        runs: Record<string, unknown>[];
      }[];
    }[];
  };
  body.groups.forEach((group, g) => {
    group.group_key = `${HOSTILE[g % HOSTILE.length]} ${g}`;
    for (const s of group.sessions) s.name = `${HOSTILE[0]} ${String(s.name)}`;
    for (const e of group.examples) {
      e.name = `${HOSTILE[2]} ${e.name}`;
      e.inputs = { ...e.inputs, [HOSTILE[0] as string]: HOSTILE[1] };
      for (const r of e.runs) {
        r.outputs = { answer: HOSTILE.join(' ') };
        r.outputs_preview = null;
        r.error = r.error ? `${HOSTILE[0]}\n${String(r.error)}` : null;
      }
    }
  });
  return HttpResponse.json(body as never, { status: response.status });
}

/** 20 sessions with stable ids, for the `huge` scenario. */
export const HUGE_SESSION_COUNT = 20;
export const HUGE_GROUP_COUNT = 50;
export const HUGE_FEEDBACK_KEYS = 100;

export function hugeSessionId(i: number): string {
  return `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`;
}

const TENANT = '00000000-0000-4000-8000-00000000ffff';

function hugeSessions(datasetId: string) {
  return Array.from({ length: HUGE_SESSION_COUNT }, (_, i) => ({
    id: hugeSessionId(i),
    tenant_id: TENANT,
    name: `${i % 2 ? 'تجربة' : 'experiment'}-${i}-${'\u200b'.repeat(3)}🧪`,
    reference_dataset_id: datasetId,
    start_time: '2026-01-01T00:00:00',
    run_count: 50,
  }));
}

function nested(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = { leaf: 'bottom' };
  for (let i = 0; i < depth; i++) value = { level: i, child: value };
  return value;
}

/**
 * 50 groups x 20 sessions, a 5 MB output, a 1,000-level nested output, 100 feedback keys,
 * 10,000-character example names, emoji, right-to-left text and zero-width characters.
 */
function hugeResponse(datasetId: string, sessionIds: string[]) {
  const big = 'x'.repeat(5 * 1024 * 1024);
  const feedback = Object.fromEntries(
    Array.from({ length: HUGE_FEEDBACK_KEYS }, (_, k) => [
      `key-${k}-${'k'.repeat(k % 7 === 0 ? 200 : 3)}`,
      { n: 1, avg: (k % 10) / 10, values: {}, comments: [] },
    ]),
  );
  const groups = Array.from({ length: HUGE_GROUP_COUNT }, (_, g) => {
    const exampleId = `10000000-0000-4000-8000-${String(g + 1).padStart(12, '0')}`;
    const runs = sessionIds.map((sessionId, s) => ({
      id: `20000000-0000-4000-${String(g).padStart(4, '0')}-${String(s + 1).padStart(12, '0')}`,
      trace_id: `20000000-0000-4000-${String(g).padStart(4, '0')}-${String(s + 1).padStart(12, '0')}`,
      session_id: sessionId,
      name: 'Target',
      run_type: 'chain',
      status: 'success',
      start_time: '2026-01-01T00:00:00',
      end_time: '2026-01-01T00:00:02.5',
      outputs:
        g === 0 && s === 0
          ? { answer: big }
          : g === 1 && s === 0
            ? nested(1_000)
            : { answer: `שלום 👋 مرحبا \u202eRTL\u202c zero\u200bwidth ${g}-${s}` },
      feedback_stats: feedback,
      total_tokens: 100,
      total_cost: '0.001',
    }));
    return {
      filter: `eq(metadata_value, ${g})`,
      group_key: g === 0 ? '' : g === 1 ? 0 : g === 2 ? 'k'.repeat(10_000) : `group-${g}`,
      example_count: 1,
      count: runs.length,
      latency_p50: 2.5,
      latency_p99: 2.5,
      error_rate: 0,
      total_cost: '0.02',
      sessions: sessionIds.map((id, i) => ({
        id,
        tenant_id: TENANT,
        filter: 'x',
        name: `experiment-${i}`,
        run_count: 1,
        latency_p50: 2.5,
        latency_p99: 2.5,
        error_rate: 0,
        total_cost: '0.001',
        feedback_stats: feedback,
      })),
      examples: [
        {
          id: exampleId,
          dataset_id: datasetId,
          name: `${'Long name '.repeat(1_000)}👩‍🔬 ${g}`,
          inputs: { question: `سؤال ${g} 🤔 ${'\u200d'.repeat(5)}` },
          created_at: '2026-01-01T00:00:00',
          runs,
        },
      ],
    };
  });
  return { groups };
}
