import { type FrameStats, frameStats, ratio, type Summary, summarise } from './report-stats';
import type { InteractionName, IterationSample, ScrollSample, TimelineEntry } from './samples';

/** What a bench run holds (workloads, bundle, machine, profiles) and each workload's summary. */

// ---------- results ----------

export type WorkloadName = 'S' | 'M' | 'L';

export interface InteractionSummary {
  total: Summary;
  afterUrl: Summary;
  toUrl: Summary;
  toCommit: Summary;
  errors: number;
}

export interface WorkloadSummary {
  navToFirstRow: Summary;
  navToMatrixPainted: Summary;
  navToResponse: Summary;
  responseToMatrix: Summary;
  responseToCompleteMatrix: Summary;
  wallNavToFirstRow: Summary;
  /** The app's own group/runs request (Resource Timing): when it left, and its phases. */
  request: {
    navToStart: Summary;
    serverWait: Summary;
    download: Summary;
    /** responseEnd -> the app's response-received mark (body decoded to a string). */
    toText: Summary;
  };
  floorTotal: Summary;
  floorServerWait: Summary;
  floorJsonParse: Summary;
  /** Per iteration: navigation -> first row over the floor (fetch + JSON.parse). */
  firstRowOverFloor: Summary;
  parseValidateNormalise: Summary;
  /** Per iteration: the app's parse+validate+normalise over JSON.parse of the same text. */
  pvnOverJsonParse: Summary;
  /** Per iteration: (parse+validate+normalise - JSON.parse) over JSON.parse. */
  validateOverJsonParse: Summary;
  scroll: ScrollSummary | null;
  /** The same scroll at reading pace: full cells in every frame. */
  readingScroll: ScrollSummary | null;
  interactions: Partial<Record<InteractionName, InteractionSummary>>;
  heapUsed: Summary;
  heapOverPayload: Summary;
}

export interface ScrollSummary {
  pooled: FrameStats;
  perRunP95: Summary;
  framesPerRun: Summary;
  blankFrames: number;
  /** Frames drawn with the cells at a glance (the app's fling mode), all runs. */
  glanceFrames: number;
  capped: boolean;
  reachedEnd: boolean;
}

function summariseScrolls(scrolls: readonly ScrollSample[]): ScrollSummary | null {
  if (scrolls.length === 0) return null;
  return {
    pooled: frameStats(scrolls.flatMap((s) => s.deltas)),
    perRunP95: summarise(scrolls.map((s) => frameStats(s.deltas).p95)),
    framesPerRun: summarise(scrolls.map((s) => s.deltas.length)),
    blankFrames: scrolls.reduce((a, s) => a + s.blankFrames, 0),
    // Samples from before the app had a fling mode have no count: none.
    glanceFrames: scrolls.reduce((a, s) => a + (s.glanceFrames ?? 0), 0),
    capped: scrolls.some((s) => s.capped),
    reachedEnd: scrolls.every((s) => s.reachedEnd),
  };
}

export interface WorkloadResult {
  name: WorkloadName;
  examples: number;
  sessions: number;
  runs: number;
  groups: number;
  groupKey: string;
  /** UTF-8 bytes of the grouped-runs response body. */
  payloadBytes: number;
  scrollMaxFrames: number;
  iterations: IterationSample[];
  /** Samples that could not be taken, with the reason; the rest are reported. */
  failures: string[];
  summary: WorkloadSummary;
}

export interface BundleAsset {
  file: string;
  bytes: number;
  gzipBytes: number;
  kind: 'entry' | 'modulepreload' | 'lazy' | 'worker' | 'css';
}

export interface BundleReport {
  initialJs: BundleAsset[];
  lazyJs: BundleAsset[];
  css: BundleAsset[];
  initialJsGzipBytes: number;
  initialJsBytes: number;
}

export interface MachineInfo {
  os: string;
  kernel: string;
  arch: string;
  cpuModel: string;
  cpus: number;
  memoryBytes: number;
  node: string;
  chromium: string;
  playwright: string;
  gitCommit: string | null;
  gitDirty: boolean | null;
  /** os.loadavg() (1, 5, 15 min) when the bench started and ended: other work on the box. */
  loadAverageStart: number[];
  loadAverageEnd: number[];
}

export interface ProfileBucket {
  name: string;
  selfMs: number;
  share: number;
}

export interface ProfileFunction {
  functionName: string;
  url: string;
  line: number;
  selfMs: number;
}

export interface TraceThread {
  thread: string;
  totalMs: number;
  events: { name: string; selfMs: number }[];
}

export interface ProfileSummary {
  workload: WorkloadName;
  phase: string;
  totalMs: number;
  buckets: ProfileBucket[];
  topFunctions: ProfileFunction[];
  /** Self time per thread and trace event (rendering steps), when traced. */
  trace?: TraceThread[];
}

export interface BudgetResult {
  id: string;
  workload: WorkloadName | 'app';
  label: string;
  limit: string;
  measured: string;
  value: number | null;
  met: boolean | null;
  note?: string;
}

/** The proxy's cost on the L response (bench/proxy-overhead.ts; budget and section in proxy-report.ts). */
/** One "Load all" on L (bench/load-all-measure.ts). */
export interface LoadAllSample {
  run: number;
  /** Click → the status says every example is shown. */
  ms: number;
  complete: boolean;
  /** Every text the status took after the click, in order. */
  statuses: string[];
  longestTaskMs: number;
  tasksOver100: number;
  longestTaskAfterMs: number;
  /** Each page's request: sent, first byte, last byte (ms from the click). */
  requests: [number, number, number][];
  busyBefore: number | null;
  loadAverage: number[];
}

export interface LoadAllResult {
  /** The largest page "Load all" asks for. */
  maxPage: number;
  /**
   * In the bare browser (bench/bare-chromium.ts), as a person's browser runs the page. In
   * results without `watchedSamples`, taken in Playwright's page instead.
   */
  samples: LoadAllSample[];
  /**
   * The same in Playwright's page, where DevTools' network agent keeps and decodes each
   * response body on the page's main thread. Absent in results taken before it existed.
   */
  watchedSamples?: LoadAllSample[];
}

export interface ProxyOverhead {
  date: string;
  gitCommit: string | null;
  bytes: number;
  /** Time to last byte, one sample per run, in the order taken (pairs interleaved). */
  directMs: number[];
  proxiedMs: number[];
  /**
   * The same request through a bare node:http pipe (no checks, no headers, no log): the
   * least any Node relay on this machine adds. Absent in results taken before it existed.
   */
  bareMs?: number[];
  /** CPU time (user + system) the bare pipe's process spent on each answer. */
  bareCpuMs?: (number | null)[];
  /** Share of all CPUs busy just before each pair (the bench idle). */
  busyBefore: (number | null)[];
  /** CPU time (user + system) the server process spent on each proxied answer. */
  serverCpuMs?: (number | null)[];
}

export interface BenchResults {
  schema: 1;
  mode: 'full' | 'quick';
  date: string;
  durationMs: number;
  /** Of durationMs, the time spent waiting for idle CPUs (--wait-quiet). */
  waitedMs: number;
  machine: MachineInfo;
  options: Record<string, unknown>;
  workloads: WorkloadResult[];
  bundle: BundleReport | null;
  budgets: BudgetResult[];
  profiles: ProfileSummary[];
  /** Frame times of the same scroll loop over a static page: this machine's best case. */
  calibration: { deltas: number[]; stats: FrameStats } | null;
  /** Navigation → request sent on a page whose one script sends it (bench/boot-floor.ts). */
  bootFloor?: { samples: number[]; stats: Summary } | null;
  proxy?: ProxyOverhead | null;
  /** "Load all" on L from the default page size (issue 20). */
  loadAll?: LoadAllResult | null;
}

export function summariseWorkload(
  iterations: readonly IterationSample[],
  payloadBytes: number,
): WorkloadSummary {
  const loads = iterations.map((i) => i.load);
  // The page's own request: the largest group/runs response (a large page also sends a
  // small first-screen request to the same URL).
  const requests = iterations.map((i) =>
    i.load.timeline
      .filter((e) => e.name.includes('/group/runs'))
      .reduce<TimelineEntry | undefined>((a, e) => (a && a.bytes >= e.bytes ? a : e), undefined),
  );
  const phase = (pick: (e: TimelineEntry, i: number) => number | null | undefined) =>
    summarise(requests.map((e, i) => (e ? pick(e, i) : null)));
  const scrolls = iterations.flatMap((i) => (i.scroll ? [i.scroll] : []));
  const names = [...new Set(iterations.flatMap((i) => i.interactions.map((x) => x.name)))];
  const interactions: Partial<Record<InteractionName, InteractionSummary>> = {};
  for (const name of names) {
    const samples = iterations.flatMap((i) => i.interactions.filter((x) => x.name === name));
    interactions[name] = {
      total: summarise(samples.map((s) => s.totalMs)),
      afterUrl: summarise(samples.map((s) => s.afterUrlMs)),
      toUrl: summarise(samples.map((s) => s.toUrlMs)),
      toCommit: summarise(samples.map((s) => s.toCommitMs)),
      errors: samples.filter((s) => s.error !== null).length,
    };
  }
  return {
    navToFirstRow: summarise(loads.map((l) => l.navToFirstRowMs)),
    navToMatrixPainted: summarise(loads.map((l) => l.navToMatrixPaintedMs)),
    navToResponse: summarise(loads.map((l) => l.navToResponseMs)),
    responseToMatrix: summarise(loads.map((l) => l.responseToMatrixMs)),
    responseToCompleteMatrix: summarise(loads.map((l) => l.responseToCompleteMatrixMs)),
    wallNavToFirstRow: summarise(loads.map((l) => l.wallNavToFirstRowMs)),
    request: {
      navToStart: phase((e) => e.start),
      serverWait: phase((e) => (e.responseStart === undefined ? null : e.responseStart - e.start)),
      download: phase((e) =>
        e.responseStart === undefined ? null : e.responseEnd - e.responseStart,
      ),
      toText: phase((e, i) => {
        const mark = loads[i]?.navToResponseMs;
        return typeof mark === 'number' ? mark - e.responseEnd : null;
      }),
    },
    floorTotal: summarise(iterations.map((i) => i.floor?.totalMs)),
    floorServerWait: summarise(iterations.map((i) => i.floor?.headersMs)),
    floorJsonParse: summarise(iterations.map((i) => i.floor?.jsonParseMs)),
    firstRowOverFloor: summarise(
      iterations.map((i) => ratio(i.load.navToFirstRowMs, i.floor?.totalMs)),
    ),
    parseValidateNormalise: summarise(loads.map((l) => l.parseValidateNormaliseMs)),
    pvnOverJsonParse: summarise(
      iterations.map((i) => ratio(i.load.parseValidateNormaliseMs, i.floor?.jsonParseMs)),
    ),
    validateOverJsonParse: summarise(
      iterations.map((i) =>
        i.load.parseValidateNormaliseMs !== null && i.floor
          ? ratio(i.load.parseValidateNormaliseMs - i.floor.jsonParseMs, i.floor.jsonParseMs)
          : null,
      ),
    ),
    scroll: summariseScrolls(scrolls),
    readingScroll: summariseScrolls(
      iterations.flatMap((i) => (i.readingScroll ? [i.readingScroll] : [])),
    ),
    interactions,
    heapUsed: summarise(iterations.map((i) => i.heap?.usedBytes)),
    heapOverPayload: summarise(iterations.map((i) => ratio(i.heap?.usedBytes, payloadBytes))),
  };
}
