import type { InteractionName, IterationSample, ScrollSample, TimelineEntry } from './measure-page';

/**
 * Statistics over the raw samples, the budgets, and BENCH.md. Everything here is pure:
 * the numbers in, text out.
 */

// ---------- statistics ----------

export interface Summary {
  n: number;
  median: number | null;
  min: number | null;
  max: number | null;
  /** 25th and 75th percentiles (linear interpolation). */
  p25: number | null;
  p75: number | null;
  mean: number | null;
}

function finite(values: readonly (number | null | undefined)[]): number[] {
  return values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
}

/** Linear interpolation between closest ranks (numpy's default). Null for no values. */
export function quantile(values: readonly (number | null | undefined)[], q: number): number | null {
  const sorted = finite(values).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const clamped = Math.min(1, Math.max(0, q));
  const pos = (sorted.length - 1) * clamped;
  const lower = Math.floor(pos);
  const upper = Math.ceil(pos);
  const lo = sorted[lower] as number;
  const hi = sorted[upper] as number;
  return lo + (hi - lo) * (pos - lower);
}

export function median(values: readonly (number | null | undefined)[]): number | null {
  return quantile(values, 0.5);
}

export function summarise(values: readonly (number | null | undefined)[]): Summary {
  const xs = finite(values);
  if (xs.length === 0) {
    return { n: 0, median: null, min: null, max: null, p25: null, p75: null, mean: null };
  }
  return {
    n: xs.length,
    median: quantile(xs, 0.5),
    min: Math.min(...xs),
    max: Math.max(...xs),
    p25: quantile(xs, 0.25),
    p75: quantile(xs, 0.75),
    mean: xs.reduce((a, b) => a + b, 0) / xs.length,
  };
}

/** a / b, or null when either is missing or b is not positive. */
export function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
  if (typeof a !== 'number' || typeof b !== 'number') return null;
  if (!Number.isFinite(a) || !Number.isFinite(b) || b <= 0) return null;
  return a / b;
}

export interface FrameStats {
  frames: number;
  p50: number | null;
  p95: number | null;
  max: number | null;
  /** Share (0..1) of frames longer than `overMs`. */
  overShare: number | null;
  overMs: number;
}

export function frameStats(deltas: readonly number[], overMs = 50): FrameStats {
  const xs = finite(deltas);
  if (xs.length === 0) {
    return { frames: 0, p50: null, p95: null, max: null, overShare: null, overMs };
  }
  return {
    frames: xs.length,
    p50: quantile(xs, 0.5),
    p95: quantile(xs, 0.95),
    max: Math.max(...xs),
    overShare: xs.filter((d) => d > overMs).length / xs.length,
    overMs,
  };
}

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
export interface ProxyOverhead {
  date: string;
  gitCommit: string | null;
  bytes: number;
  /** Time to last byte, one sample per run, in the order taken (pairs interleaved). */
  directMs: number[];
  proxiedMs: number[];
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
  proxy?: ProxyOverhead | null;
}

/** What the scroll budget's frames drew, and what full cells cost at reading pace. */
function scrollNote(
  fling: ScrollSummary,
  reading: ScrollSummary | null,
  maxFrames: number,
): string | undefined {
  const parts: string[] = [];
  if (fling.capped) parts.push(`first ${maxFrames} frames of the scroll`);
  if (fling.glanceFrames > 0) {
    parts.push(
      `${formatPercent(fling.glanceFrames / Math.max(1, fling.pooled.frames))} of its frames show the cells at a glance (the app's fling mode)`,
    );
  }
  if (reading) {
    const r = reading.pooled;
    parts.push(
      `at reading pace, full cells: p95 ${formatMs(r.p95, 1)}, ${formatPercent(r.overShare)} > 50 ms`,
    );
  }
  return parts.length ? parts.join('; ') : undefined;
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

// ---------- budgets ----------

/**
 * Reading pace: a twentieth of a screen a frame (three screens a second at 60 Hz), well below
 * the pace at which the app shows cells at a glance (six a second): full cells in every frame.
 */
export const READING_STEP = 1 / 20;

export const BUDGETS = {
  lResponseToMatrixMs: 1_000,
  lScrollP95Ms: 16.7,
  /**
   * rAF timestamps are coarsened to 0.1 ms and vsync jitters: an idle page measures 16.6 to
   * 16.8 ms per frame. A dropped frame shows as >= 33 ms, so this slack hides none.
   */
  scrollJitterMs: 0.5,
  lScrollOver50Share: 0.01,
  lInteractionMs: 150,
  lValidateRatio: 1.5,
  lHeapOverPayload: 3,
  mNavToFirstRowMs: 1_200,
  initialJsGzipBytes: 200_000,
  // Issue 20: the everyday comparison, and a faster first boot.
  sNavToFirstRowMs: 400,
  sResponseToMatrixMs: 100,
  sNavToRequestMs: 150,
  sInteractionMs: 50,
  mNavToFirstRowFastMs: 500,
  lResponseToCompleteMs: 1_500,
  initialJsGzipTargetBytes: 130_000,
} as const;

export const INTERACTION_LABELS: Record<InteractionName, string> = {
  sort: 'sort by a feedback score',
  search: 'text filter (after the 200 ms debounce)',
  searchCleared: 'text filter cleared (after the debounce)',
  regressions: '"Regressions only"',
  baseline: 'change the baseline',
};

/** The interaction's budgeted time: after the URL change when debounced, else from the event. */
export function interactionBudgetValue(
  name: InteractionName,
  s: InteractionSummary,
): number | null {
  return name === 'search' || name === 'searchCleared' ? s.afterUrl.median : s.total.median;
}

export function evaluateBudgets(
  workloads: readonly WorkloadResult[],
  bundle: BundleReport | null,
): BudgetResult[] {
  const out: BudgetResult[] = [];
  const l = workloads.find((w) => w.name === 'L');
  const m = workloads.find((w) => w.name === 'M');
  const s = workloads.find((w) => w.name === 'S');
  const check = (value: number | null, limit: number, strict = false) =>
    value === null ? null : strict ? value < limit : value <= limit;
  /** A budget on a median in ms. */
  const msBudget = (
    id: string,
    workload: WorkloadName,
    label: string,
    value: number | null,
    limit: number,
    note?: string,
  ): BudgetResult => ({
    id,
    workload,
    label,
    limit: `≤ ${formatMs(limit)}`,
    measured: formatMs(value),
    value,
    met: check(value, limit),
    ...(note ? { note } : {}),
  });
  if (s) {
    const sum = s.summary;
    out.push(
      msBudget(
        's-nav-to-first-row',
        'S',
        'navigation → first row painted, with its scores (median)',
        sum.navToFirstRow.median,
        BUDGETS.sNavToFirstRowMs,
      ),
      msBudget(
        's-response-to-matrix',
        'S',
        'response received → matrix painted (median)',
        sum.responseToMatrix.median,
        BUDGETS.sResponseToMatrixMs,
      ),
      msBudget(
        's-nav-to-request',
        'S',
        'navigation → group/runs request sent (median)',
        sum.request.navToStart.median,
        BUDGETS.sNavToRequestMs,
      ),
    );
    for (const name of ['sort', 'search', 'regressions', 'baseline'] as const) {
      const summary = sum.interactions[name];
      if (!summary) continue;
      const value = interactionBudgetValue(name, summary);
      const budget = msBudget(
        `s-interaction-${name}`,
        'S',
        `${INTERACTION_LABELS[name]} → shown (median)`,
        value,
        BUDGETS.sInteractionMs,
      );
      out.push(summary.errors > 0 ? { ...budget, met: false } : budget);
    }
  }
  if (l) {
    const s = l.summary;
    const rtm = s.responseToMatrix.median;
    out.push({
      id: 'l-response-to-matrix',
      workload: 'L',
      label:
        'response received → matrix painted (median) — the first rows; every example in the matrix: ' +
        formatMs(s.responseToCompleteMatrix.median),
      limit: `≤ ${formatMs(BUDGETS.lResponseToMatrixMs)}`,
      measured: formatMs(rtm),
      value: rtm,
      met: check(rtm, BUDGETS.lResponseToMatrixMs),
    });
    out.push(
      msBudget(
        'l-response-to-complete-matrix',
        'L',
        'response received → every example in the matrix (median)',
        s.responseToCompleteMatrix.median,
        BUDGETS.lResponseToCompleteMs,
      ),
    );
    if (s.scroll) {
      const p95 = s.scroll.pooled.p95;
      const over = s.scroll.pooled.overShare;
      const met =
        p95 === null || over === null
          ? null
          : p95 <= BUDGETS.lScrollP95Ms + BUDGETS.scrollJitterMs &&
            over < BUDGETS.lScrollOver50Share;
      out.push({
        id: 'l-scroll',
        workload: 'L',
        label: 'scroll: frame p95, share of frames > 50 ms',
        limit: `p95 ≤ ${BUDGETS.lScrollP95Ms} ms (± ${BUDGETS.scrollJitterMs} ms timer jitter), < 1 %`,
        measured: `p95 ${formatMs(p95, 1)}, ${formatPercent(over)}`,
        value: p95,
        met,
        note: scrollNote(s.scroll, s.readingScroll, l.scrollMaxFrames),
      });
    }
    for (const [name, summary] of Object.entries(s.interactions) as [
      InteractionName,
      InteractionSummary,
    ][]) {
      if (name === 'searchCleared') continue;
      const value = interactionBudgetValue(name, summary);
      out.push({
        id: `l-interaction-${name}`,
        workload: 'L',
        label: `${INTERACTION_LABELS[name]} → shown (median)`,
        limit: `≤ ${BUDGETS.lInteractionMs} ms`,
        measured: formatMs(value),
        value,
        met:
          value === null ? null : summary.errors > 0 ? false : check(value, BUDGETS.lInteractionMs),
        note:
          name === 'search'
            ? `input → shown ${formatMs(summary.total.median)} including the debounce`
            : undefined,
      });
    }
    const pvn = s.pvnOverJsonParse.median;
    out.push({
      id: 'l-validate-normalise',
      workload: 'L',
      label: 'parse + validate + normalise ÷ JSON.parse (median)',
      limit: `≤ ${BUDGETS.lValidateRatio}×`,
      measured: formatRatio(pvn),
      value: pvn,
      met: check(pvn, BUDGETS.lValidateRatio),
      note: `read strictly, as "the app's whole measure ÷ JSON.parse"; everything the app does besides JSON.parse (locating the examples for the early rows, zod, normalising: measure − JSON.parse) is ${formatRatio(s.validateOverJsonParse.median)} JSON.parse`,
    });
    const heap = s.heapOverPayload.median;
    out.push({
      id: 'l-heap',
      workload: 'L',
      label: 'JS heap after load ÷ payload JSON size (median)',
      limit: `≤ ${BUDGETS.lHeapOverPayload}×`,
      measured: `${formatRatio(heap)} (${formatBytes(s.heapUsed.median)})`,
      value: heap,
      met: check(heap, BUDGETS.lHeapOverPayload),
    });
  }
  if (m) {
    const nav = m.summary.navToFirstRow.median;
    out.push({
      id: 'm-nav-to-first-row',
      workload: 'M',
      label: 'navigation → first matrix row painted (median)',
      limit: `≤ ${formatMs(BUDGETS.mNavToFirstRowMs)}`,
      measured: formatMs(nav),
      value: nav,
      met: check(nav, BUDGETS.mNavToFirstRowMs),
    });
    out.push(
      msBudget(
        'm-nav-to-first-row-fast',
        'M',
        'navigation → first matrix row painted (median), issue 20',
        nav,
        BUDGETS.mNavToFirstRowFastMs,
      ),
    );
  }
  if (bundle) {
    out.push({
      id: 'initial-js',
      workload: 'app',
      label: 'initial JavaScript, gzip',
      limit: `≤ ${formatBytes(BUDGETS.initialJsGzipBytes)}`,
      measured: formatBytes(bundle.initialJsGzipBytes),
      value: bundle.initialJsGzipBytes,
      met: check(bundle.initialJsGzipBytes, BUDGETS.initialJsGzipBytes),
    });
    out.push({
      id: 'initial-js-target',
      workload: 'app',
      label: 'initial JavaScript, gzip (issue 20)',
      limit: `≤ ${formatBytes(BUDGETS.initialJsGzipTargetBytes)}`,
      measured: formatBytes(bundle.initialJsGzipBytes),
      value: bundle.initialJsGzipBytes,
      met: check(bundle.initialJsGzipBytes, BUDGETS.initialJsGzipTargetBytes),
    });
  }
  return out;
}

// ---------- formatting ----------

export function formatMs(value: number | null | undefined, digits?: number): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '–';
  const places = digits ?? (Math.abs(value) < 10 ? 1 : 0);
  return `${value.toLocaleString('en-US', {
    minimumFractionDigits: places,
    maximumFractionDigits: places,
  })} ms`;
}

/** Decimal units (1 KB = 1,000 bytes), as budgets are stated. */
export function formatBytes(value: number | null | undefined): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '–';
  if (value < 1_000) return `${value} B`;
  if (value < 1_000_000) return `${(value / 1_000).toFixed(1)} KB`;
  if (value < 1_000_000_000) return `${(value / 1_000_000).toFixed(1)} MB`;
  return `${(value / 1_000_000_000).toFixed(2)} GB`;
}

export function formatRatio(value: number | null | undefined): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '–';
  return `${value.toFixed(2)}×`;
}

export function formatPercent(value: number | null | undefined): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '–';
  return `${(value * 100).toFixed(value > 0 && value < 0.01 ? 2 : 1)} %`;
}

type Formatter = (value: number | null) => string;

function spread(s: Summary, format: Formatter): string {
  if (s.n === 0) return '–';
  return `${format(s.min)} – ${format(s.max)}`;
}

function iqr(s: Summary, format: Formatter): string {
  if (s.n === 0) return '–';
  return `${format(s.p25)} – ${format(s.p75)}`;
}

function metricRow(label: string, s: Summary, format: Formatter): string {
  return `| ${label} | ${s.n} | ${format(s.median)} | ${iqr(s, format)} | ${spread(s, format)} |`;
}

const ms: Formatter = (v) => formatMs(v);
const x: Formatter = (v) => formatRatio(v);
const bytes: Formatter = (v) => formatBytes(v);

function verdict(met: boolean | null): string {
  return met === null ? 'not measured' : met ? '✅ met' : '❌ missed';
}

const TABLE_HEAD =
  '| metric | n | median | IQR (p25 – p75) | min – max |\n|---|---:|---:|---:|---:|';

export function workloadSection(w: WorkloadResult): string {
  const s = w.summary;
  const lines: string[] = [];
  lines.push(
    `### ${w.name}: ${w.examples.toLocaleString('en-US')} examples × ${w.sessions} sessions`,
  );
  lines.push('');
  lines.push(
    `${w.runs.toLocaleString('en-US')} runs, grouped by \`${w.groupKey}\` into ${w.groups} group${w.groups === 1 ? '' : 's'}; one response of ${formatBytes(w.payloadBytes)} JSON.`,
  );
  lines.push('');
  if (w.failures.length > 0) {
    lines.push(`Failed attempts (each retried once in a fresh browser): ${w.failures.join('; ')}.`);
    lines.push('');
  }
  lines.push('**Load** (each sample a cold load in a fresh browser context)');
  lines.push('');
  lines.push(TABLE_HEAD);
  lines.push(metricRow('navigation → first row painted', s.navToFirstRow, ms));
  lines.push(metricRow('navigation → `versus:matrix-painted`', s.navToMatrixPainted, ms));
  lines.push(metricRow('navigation → response received', s.navToResponse, ms));
  lines.push(metricRow('response received → matrix painted', s.responseToMatrix, ms));
  lines.push(
    metricRow('response received → every example in the matrix', s.responseToCompleteMatrix, ms),
  );
  lines.push(metricRow('(Playwright wall clock: goto → row visible)', s.wallNavToFirstRow, ms));
  lines.push(metricRow('… app boot: navigation → request sent', s.request.navToStart, ms));
  lines.push(metricRow('… server + proxy: request → first byte', s.request.serverWait, ms));
  lines.push(metricRow('… download: first → last byte', s.request.download, ms));
  lines.push(metricRow('… last byte → body text in hand', s.request.toText, ms));
  lines.push(metricRow('floor: fetch + JSON.parse, same page', s.floorTotal, ms));
  lines.push(metricRow('… of which request → first byte', s.floorServerWait, ms));
  lines.push(metricRow('navigation → first row ÷ floor', s.firstRowOverFloor, x));
  lines.push('');
  lines.push('**Parsing**');
  lines.push('');
  lines.push(TABLE_HEAD);
  lines.push(metricRow('parse + validate + normalise (app)', s.parseValidateNormalise, ms));
  lines.push(metricRow('JSON.parse alone, same text', s.floorJsonParse, ms));
  lines.push(metricRow('app ÷ JSON.parse', s.pvnOverJsonParse, x));
  lines.push(metricRow('(validate + normalise) ÷ JSON.parse', s.validateOverJsonParse, x));
  lines.push('');
  if (s.scroll) {
    lines.push(
      `**Scrolling** (\`.matrix\` from the top, ${
        s.scroll.capped ? `capped at ${w.scrollMaxFrames} frames per run` : 'to the bottom'
      }; frame time = rAF to rAF)`,
    );
    lines.push('');
    lines.push(
      '| scroll | frames (all runs) | p50 | p95 | max | > 50 ms | frames at a glance | frames without a row in view |',
    );
    lines.push('|---|---:|---:|---:|---:|---:|---:|---:|');
    const scrollRow = (label: string, x: ScrollSummary) => {
      const f = x.pooled;
      return `| ${label} | ${f.frames} | ${formatMs(f.p50, 1)} | ${formatMs(f.p95, 1)} | ${formatMs(f.max, 1)} | ${formatPercent(f.overShare)} | ${x.glanceFrames} | ${x.blankFrames} |`;
    };
    lines.push(scrollRow('half a screen per frame (a fling: the budget)', s.scroll));
    if (s.readingScroll) {
      lines.push(
        scrollRow(
          `1/${Math.round(1 / READING_STEP)} of a screen per frame (reading pace), ${s.readingScroll.framesPerRun.median ?? '?'} frames a run`,
          s.readingScroll,
        ),
      );
    }
    lines.push('');
    lines.push(TABLE_HEAD);
    lines.push(metricRow('frame p95 per run', s.scroll.perRunP95, (v) => formatMs(v, 1)));
    lines.push('');
  }
  const names = Object.keys(s.interactions) as InteractionName[];
  if (names.length > 0) {
    lines.push(
      '**Interactions** (event → the matrix shows the result: two frames after its DOM changed)',
    );
    lines.push('');
    lines.push('| interaction | n | median | IQR | min – max | event → URL | event → commit |');
    lines.push('|---|---:|---:|---:|---:|---:|---:|');
    for (const name of names) {
      const i = s.interactions[name] as InteractionSummary;
      const debounced = name === 'search' || name === 'searchCleared';
      const main = debounced ? i.afterUrl : i.total;
      lines.push(
        `| ${INTERACTION_LABELS[name]}${i.errors ? ` (${i.errors} failed)` : ''} | ${main.n} | ${ms(main.median)} | ${iqr(main, ms)} | ${spread(main, ms)} | ${ms(i.toUrl.median)} | ${ms(i.toCommit.median)} |`,
      );
    }
    const search = s.interactions.search;
    if (search) {
      lines.push('');
      lines.push(
        `Search, from the input event including the 200 ms debounce: median ${ms(search.total.median)} (${spread(search.total, ms)}).`,
      );
    }
    lines.push('');
  }
  if (s.heapUsed.n > 0) {
    lines.push('**Memory** (V8 heap of the page after two forced GCs, CDP `Runtime.getHeapUsage`)');
    lines.push('');
    lines.push(TABLE_HEAD);
    lines.push(metricRow('JS heap after load', s.heapUsed, bytes));
    lines.push(metricRow('heap ÷ payload JSON size', s.heapOverPayload, x));
    lines.push('');
  }
  return lines.join('\n');
}

function bundleSection(bundle: BundleReport): string {
  const lines: string[] = [];
  lines.push('## Bundle');
  lines.push('');
  lines.push(
    `Initial JavaScript (entry + modulepreload): **${formatBytes(bundle.initialJsGzipBytes)} gzip** (${formatBytes(bundle.initialJsBytes)} raw). gzip = node:zlib, default level.`,
  );
  lines.push('');
  lines.push('| file | loaded | raw | gzip |');
  lines.push('|---|---|---:|---:|');
  for (const a of [...bundle.initialJs, ...bundle.lazyJs, ...bundle.css]) {
    const loaded =
      a.kind === 'entry'
        ? 'initial (entry)'
        : a.kind === 'modulepreload'
          ? 'initial (modulepreload)'
          : a.kind === 'css'
            ? 'initial CSS'
            : a.kind === 'worker'
              ? 'lazy (worker)'
              : 'lazy';
    lines.push(
      `| \`${a.file}\` | ${loaded} | ${formatBytes(a.bytes)} | ${formatBytes(a.gzipBytes)} |`,
    );
  }
  lines.push('');
  return lines.join('\n');
}

function profileSection(profiles: readonly ProfileSummary[]): string {
  const lines: string[] = [];
  lines.push('## Where the time goes (CPU profile)');
  lines.push('');
  lines.push(
    'Sampled with CDP `Profiler` (250 µs) on an unminified build of the same code with source maps, one run each; self time per area. Profiling slows everything, so read the shares, not the totals. "Browser native work" is V8\'s `(program)`: style, layout, paint, HTML and body decoding outside JS. JS that reads layout (`scrollTop`, sizes) is charged the style and layout it forces, so on scrolling the scroll handler of `@tanstack/virtual-core` carries layout cost; the rendering trace separates the two.',
  );
  for (const p of profiles) {
    lines.push('');
    lines.push(`### ${p.workload}: ${p.phase} (${formatMs(p.totalMs)} sampled)`);
    lines.push('');
    lines.push('| area | self time | share |');
    lines.push('|---|---:|---:|');
    for (const b of p.buckets) {
      lines.push(`| ${b.name} | ${formatMs(b.selfMs)} | ${formatPercent(b.share)} |`);
    }
    lines.push('');
    lines.push('| top functions (self) | file | self time |');
    lines.push('|---|---|---:|');
    for (const f of p.topFunctions) {
      lines.push(
        `| \`${f.functionName || '(anonymous)'}\` | ${f.url}:${f.line} | ${formatMs(f.selfMs)} |`,
      );
    }
    if (p.trace && p.trace.length > 0) {
      lines.push('');
      lines.push(
        'Rendering trace of the same scroll, 60 frames (self time per thread and trace event):',
      );
      lines.push('');
      lines.push('| thread | total | top events (self time) |');
      lines.push('|---|---:|---|');
      for (const t of p.trace.slice(0, 6)) {
        const top = t.events
          .slice(0, 6)
          .map((e) => `${e.name} ${formatMs(e.selfMs)}`)
          .join(', ');
        lines.push(`| ${t.thread} | ${formatMs(t.totalMs)} | ${top} |`);
      }
    }
  }
  lines.push('');
  return lines.join('\n');
}

/** `sections`: more results, rendered after the workloads' (the proxy's). */
export function renderMarkdown(results: BenchResults, sections: readonly string[] = []): string {
  const m = results.machine;
  const lines: string[] = [];
  lines.push('# Versus benchmark');
  lines.push('');
  lines.push(
    `Generated by \`npm run bench\`${results.mode === 'quick' ? ' -- --quick' : ''} on ${results.date} (took ${(results.durationMs / 60_000).toFixed(1)} min${results.waitedMs > 0 ? `, of which ${(results.waitedMs / 60_000).toFixed(1)} min waiting for idle CPUs (\`--wait-quiet\`)` : ''}). Raw samples: \`bench/results/latest.json\`.`,
  );
  lines.push('');
  lines.push(
    'The production build is served by `vite preview` in live mode; its proxy forwards `/api/v1/*` to an in-process LangSmith stand-in (`server/stand-in.ts`) holding the generated workloads, so the data arrives over HTTP as real data does. Headless Chromium (Playwright) opens a URL that selects the whole workload (`pageSize` = examples), so one `POST group/runs` response carries it all (a page that large also sends a small first-screen request, `limit` 50, whose rows the app shows first: "navigation → first row painted" includes it; the response figures are the page’s own response). The stand-in serialises each distinct request once and replays the bytes (`replay`): LangSmith computes and serialises on its own servers, while the stand-in shares this machine’s two cores with the browser, and recomputing a 168 MB answer per sample would time the mock, not Versus.',
  );
  lines.push('');
  lines.push('## Machine');
  lines.push('');
  lines.push('| | |');
  lines.push('|---|---|');
  lines.push(`| OS | ${m.os} ${m.kernel} (${m.arch}) |`);
  lines.push(`| CPU | ${m.cpus} × ${m.cpuModel} |`);
  lines.push(`| memory | ${formatBytes(m.memoryBytes)} |`);
  lines.push(`| Node | ${m.node} |`);
  lines.push(`| Chromium | ${m.chromium} (headless, Playwright ${m.playwright}) |`);
  const busy = summarise(results.workloads.flatMap((w) => w.iterations.map((i) => i.busyBefore)));
  lines.push(
    `| other load | load average ${m.loadAverageStart.join(' / ')} at start, ${m.loadAverageEnd.join(' / ')} at end; CPUs busy just before each sample (bench idle): median ${formatPercent(busy.median)}, max ${formatPercent(busy.max)} |`,
  );
  if (results.calibration) {
    const c = results.calibration.stats;
    lines.push(
      `| best case | the same scroll loop over a static page: frame p50 ${formatMs(c.p50, 1)}, p95 ${formatMs(c.p95, 1)}, max ${formatMs(c.max, 1)} |`,
    );
  }
  lines.push(
    `| commit | ${m.gitCommit ? `\`${m.gitCommit.slice(0, 12)}\`${m.gitDirty ? ' + uncommitted changes' : ''}` : '–'} |`,
  );
  lines.push('');
  lines.push('## Budgets');
  lines.push('');
  lines.push('| workload | budget | limit | measured | verdict |');
  lines.push('|---|---|---:|---:|---|');
  for (const b of results.budgets) {
    lines.push(
      `| ${b.workload} | ${b.label}${b.note ? ` — ${b.note}` : ''} | ${b.limit} | ${b.measured} | ${verdict(b.met)} |`,
    );
  }
  const missed = results.budgets.filter((b) => b.met === false).length;
  lines.push('');
  lines.push(
    missed === 0
      ? 'Every budget is met.'
      : `${missed} of ${results.budgets.length} budgets missed. The bench reports misses; it does not fail on them.`,
  );
  lines.push('');
  lines.push('## Workloads');
  lines.push('');
  lines.push(
    'Generated by `generateScaleDataset` (the demo generator): ~300-character answers, 3 feedback keys (correctness, helpfulness, verdict), lean runs (`feedbackDetail: "stats"`: per-run `feedback_stats` of `{n, avg, stdev, errors, values, comments}`, no `feedbacks` array).',
  );
  lines.push('');
  lines.push('| workload | examples | sessions | runs | groups | response JSON | samples |');
  lines.push('|---|---:|---:|---:|---:|---:|---:|');
  for (const w of results.workloads) {
    lines.push(
      `| ${w.name} | ${w.examples.toLocaleString('en-US')} | ${w.sessions} | ${w.runs.toLocaleString('en-US')} | ${w.groups} | ${formatBytes(w.payloadBytes)} | ${w.iterations.length} |`,
    );
  }
  lines.push('');
  lines.push('## Results');
  lines.push('');
  for (const w of results.workloads) {
    lines.push(workloadSection(w));
  }
  lines.push(...sections);
  if (results.bundle) lines.push(bundleSection(results.bundle));
  if (results.profiles.length > 0) lines.push(profileSection(results.profiles));
  lines.push('## Method');
  lines.push('');
  lines.push(
    [
      "- **navigation → first row**: `performance.now()` (relative to navigation start) two animation frames after the first `tr[data-example-id]` entered the DOM, seen by a MutationObserver installed before the app runs; the app's `versus:matrix-painted` mark is reported beside it.",
      "- **response → matrix**: the app's `versus:response-to-matrix` measure (body fully read → two frames after the matrix committed). A response of 2 MB or more is located first (`src/api/json-scan.ts`) and its first 60 examples of every group are painted before the rest is parsed: this is that first paint. **Every example in the matrix** is `versus:response-to-complete-matrix`, the paint of the whole response; the bench scrolls and interacts only after it.",
      '- **floor**: in the same page after the load, `fetch` of the same `POST …/group/runs` body through the same proxy, then `JSON.parse` of the text: the least any client must do to hold the data.',
      "- **parse + validate + normalise**: the app's `versus:parse-validate-normalise` measure: the time its parse ran (locating, its own `JSON.parse` of every example, zod, normalising), not the frames it lets through between its 40 ms slices; compared with `JSON.parse` alone of the same text in the same page.",
      '- **scrolling**: `requestAnimationFrame` deltas while the page scrolls `.matrix` from the top by half its height each frame (a fling, ~30 screens a second: the budget), then, after a rest, by a twentieth of its height each frame (reading pace, 3 screens a second). Scrolled faster than six screens a second, Versus draws each cell at a glance (its scores only, one text node per cell; full cells again once the scroll slows or rests): "frames at a glance" counts the frames drawn so (`data-scroll-pace="fling"` on `.matrix`), and the reading-pace row shows what full cells cost. A frame "without a row in view" had no rendered row intersecting the viewport when its rAF ran.',
      '- **interactions**, in order on the same page: "Sort by" a feedback score (the toolbar\'s score sort: first experiment, first key), type a search ("refund"), clear it, "Show" → "Regressions only", "Baseline" → the second experiment. Timed from the input/change event to two frames after the first DOM change of the matrix section outside the toolbar (the React commit). The search is budgeted from its URL change, after the deliberate 200 ms debounce.',
      '- **heap**: two `HeapProfiler.collectGarbage` then `Runtime.getHeapUsage` on the page (main thread isolate; workers excluded) after the load settled.',
      '- **setup**: `vite build` into a temporary folder (not `dist/`, which other tools may be serving), `vite preview --strictPort` on a free port with `LANGSMITH_ENDPOINT` = the stand-in and `LANGSMITH_API_KEY=bench-key` (the stand-in rejects any other key). Runs are grouped by the run-metadata key `prompt_version` (at most two groups; each session sits in one), so every example appears once per session. One warm-up request per workload builds the stand-in’s grouping and the bytes it replays before sampling. The L scroll is capped at 300 frames per sample (about 100,000 px, the first ~720 of its 10,000 rows) to keep the whole bench under ten minutes; S and M scroll to the bottom. A failed sample is retried once in a fresh browser and listed; a missed budget never fails the run.',
    ].join('\n'),
  );
  lines.push('');
  return lines.join('\n');
}
