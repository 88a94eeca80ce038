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
