/** What one sample of a workload holds: the shapes measure-page.ts fills and results.ts reads. */

export interface LoadSample {
  /** Navigation start -> first `tr[data-example-id]` in the DOM + two frames (painted). */
  navToFirstRowMs: number;
  /** Navigation start -> the app's `versus:matrix-painted` mark. */
  navToMatrixPaintedMs: number | null;
  /** Navigation start -> the app's `versus:response-received` mark (body fully read). */
  navToResponseMs: number | null;
  /** The app's `versus:response-to-matrix` measure (its first paint of the response). */
  responseToMatrixMs: number | null;
  /** The app's `versus:response-to-complete-matrix` measure (every example of it shown). */
  responseToCompleteMatrixMs: number | null;
  /** The app's `versus:parse-validate-normalise` measure (JSON.parse + zod + normalise). */
  parseValidateNormaliseMs: number | null;
  /** Playwright's view: goto() start -> the first row visible (includes its polling). */
  wallNavToFirstRowMs: number;
  matrixPaintedMarks: number;
  rowsInDom: number;
  status: string | null;
  /** The document and every request, relative to navigation start (Resource Timing). */
  timeline: TimelineEntry[];
}

export interface TimelineEntry {
  name: string;
  start: number;
  responseStart?: number;
  responseEnd: number;
  domContentLoaded?: number;
  bytes: number;
}

export interface FloorSample {
  status: number;
  chars: number;
  groups: number | null;
  headersMs: number;
  receivedMs: number;
  jsonParseMs: number;
  jsonParseAgainMs: number;
  /** fetch() start -> JSON.parse done. */
  totalMs: number;
}

export interface ScrollSample {
  deltas: number[];
  frames: number;
  blankFrames: number;
  /** Frames the app drew with its cells at a glance (`data-scroll-pace="fling"`). */
  glanceFrames: number;
  reachedEnd: boolean;
  capped: boolean;
  scrollHeight: number;
  clientHeight: number;
  scrollTop: number;
  elapsedMs: number;
  longFrames: number;
}

export interface HeapSample {
  /** V8 heap in use after a forced GC (CDP Runtime.getHeapUsage). */
  usedBytes: number;
  totalBytes: number;
  /** performance.memory.usedJSHeapSize at the same moment (coarser). */
  performanceMemoryBytes: number | null;
}

export interface LongFrameScript {
  invoker: string;
  sourceURL: string;
  sourceFunctionName: string;
  duration: number;
}

export interface LongFrame {
  startTime: number;
  duration: number;
  blockingDuration: number;
  scripts: LongFrameScript[];
}

export type InteractionName = 'sort' | 'search' | 'searchCleared' | 'regressions' | 'baseline';

export interface InteractionSample {
  name: InteractionName;
  /** Input/change event -> the matrix's new content painted. */
  totalMs: number | null;
  /** The URL change (after the 200 ms search debounce) -> painted; null without one. */
  afterUrlMs: number | null;
  /** Event -> URL change: the debounce for search, ~0 otherwise. */
  toUrlMs: number | null;
  /** Event -> first DOM change in the matrix (the React commit). */
  toCommitMs: number | null;
  mutationBatches: number;
  rowsAfter: number | null;
  status: string | null;
  longFrames: LongFrame[];
  error: string | null;
}

export interface IterationSample {
  index: number;
  load: LoadSample;
  heap: HeapSample | null;
  scroll: ScrollSample | null;
  /** The same scroll at reading pace (READING_STEP, report.ts): full cells. */
  readingScroll: ScrollSample | null;
  interactions: InteractionSample[];
  floor: FloorSample | null;
  requestBodyChars: number | null;
  loadLongFrames: LongFrame[];
  pageErrors: string[];
  /** os.loadavg() as the iteration started. */
  loadAverage: number[];
  /** Share of the CPUs busy just before the iteration, while the bench idled: others' work. */
  busyBefore: number | null;
}

export interface IterationPlan {
  url: string;
  /** Session ids in view order: the sort uses the second, the baseline moves to it. */
  sessionIds: string[];
  feedbackKey: string;
  searchText: string;
  scrollMaxFrames: number;
  loadTimeoutMs: number;
  skip: { scroll?: boolean; interactions?: boolean; floor?: boolean; heap?: boolean };
}
