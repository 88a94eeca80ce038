/**
 * The app's key moments as User Timing entries, so the benchmark and anyone with DevTools
 * read the same numbers (Performance panel → Timings).
 */
export const MARKS = {
  responseReceived: 'versus:response-received',
  dataReady: 'versus:data-ready',
  matrixPainted: 'versus:matrix-painted',
  matrixComplete: 'versus:matrix-complete',
} as const;

export const MEASURES = {
  parse: 'versus:parse-validate-normalise',
  responseToMatrix: 'versus:response-to-matrix',
  responseToCompleteMatrix: 'versus:response-to-complete-matrix',
  /** Locating the groups and examples in a large response (json-scan.ts). */
  locate: 'versus:locate-examples',
  /** Response in hand → the early result (first rows) parsed. */
  earlyResult: 'versus:early-result',
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

/**
 * Called after the browser has painted the matrix (two animation frames after commit).
 * `complete` is false while only the first rows of a large response are in it: the first
 * paint of a response is `matrix-painted`, the paint with all of it `matrix-complete`.
 */
export function markMatrixPainted(complete = true): void {
  requestAnimationFrame(() =>
    requestAnimationFrame(() =>
      safe(() => {
        performance.mark(MARKS.matrixPainted);
        performance.measure(MEASURES.responseToMatrix, MARKS.responseReceived, MARKS.matrixPainted);
        if (!complete) return;
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
