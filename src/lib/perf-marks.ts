/**
 * The app's key moments as User Timing entries, so the benchmark and anyone with DevTools
 * read the same numbers (Performance panel → Timings).
 */
export const MARKS = {
  /** The app's code has loaded and evaluated; its page starts (app/start.tsx). */
  appStart: 'versus:app-start',
  responseReceived: 'versus:response-received',
  dataReady: 'versus:data-ready',
  matrixPainted: 'versus:matrix-painted',
  matrixComplete: 'versus:matrix-complete',
  /** The rows of a large page's first-screen request, before its own response (grouped-runs.ts). */
  firstScreenPainted: 'versus:first-screen-painted',
  /** A statistics job was handed to the worker, and its answer arrived (use-paired-stats.ts). */
  statisticsStart: 'versus:statistics-start',
  statisticsDone: 'versus:statistics-done',
} as const;

export const MEASURES = {
  parse: 'versus:parse-validate-normalise',
  responseToMatrix: 'versus:response-to-matrix',
  responseToCompleteMatrix: 'versus:response-to-complete-matrix',
  /** Locating the groups and examples in a large response (json-scan.ts). */
  locate: 'versus:locate-examples',
  /** Response in hand → the early result (first rows) parsed. */
  earlyResult: 'versus:early-result',
  /** A worker statistics job, posted → answered. */
  statistics: 'versus:statistics',
} as const;

function safe(run: () => void): void {
  try {
    run();
  } catch {
    // A missing start mark (e.g. cached data) is not worth an error.
  }
}

export function measureSince(name: string, start: number): void {
  safe(() => performance.measure(name, { start, end: performance.now() }));
}

export function markAppStart(): void {
  safe(() => performance.mark(MARKS.appStart));
}

export function markResponseReceived(): void {
  safe(() => performance.mark(MARKS.responseReceived));
}

/**
 * The whole response is parsed. `parseMs` is the time the parse ran: a large response is
 * parsed in slices with the page's frames in between, and those are not parse time.
 */
export function markDataReady(parseMs: number): void {
  safe(() => {
    performance.mark(MARKS.dataReady);
    performance.measure(MEASURES.parse, { start: MARKS.responseReceived, duration: parseMs });
  });
}

/** What the matrix holds when it paints: see `markMatrixPainted`. */
export type MatrixHolds = 'first-screen' | 'response' | 'complete';

/**
 * Called after the browser has painted the matrix (two animation frames after commit). The
 * first paint of the page's response is `matrix-painted` (`response`: its first rows, while
 * the rest of a large one is read), the paint with all of it `matrix-complete`. Rows of the
 * first-screen request come before the response and mark `first-screen-painted` only.
 */
export function markMatrixPainted(holds: MatrixHolds): void {
  requestAnimationFrame(() =>
    requestAnimationFrame(() =>
      safe(() => {
        if (holds === 'first-screen') {
          performance.mark(MARKS.firstScreenPainted);
          return;
        }
        performance.mark(MARKS.matrixPainted);
        performance.measure(MEASURES.responseToMatrix, MARKS.responseReceived, MARKS.matrixPainted);
        if (holds !== 'complete') return;
        performance.mark(MARKS.matrixComplete);
        performance.measure(
          MEASURES.responseToCompleteMatrix,
          MARKS.responseReceived,
          MARKS.matrixComplete,
        );
      }),
    ),
  );
}

/** A worker statistics job starts (`start`) or has its answer (`done`, with its measure). */
export function markStatistics(phase: 'start' | 'done'): void {
  safe(() => {
    if (phase === 'start') {
      performance.mark(MARKS.statisticsStart);
      return;
    }
    performance.mark(MARKS.statisticsDone);
    performance.measure(MEASURES.statistics, MARKS.statisticsStart, MARKS.statisticsDone);
  });
}
