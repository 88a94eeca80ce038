/**
 * The app's key moments as User Timing entries, so the benchmark and anyone with DevTools
 * read the same numbers (Performance panel → Timings).
 */
export const MARKS = {
  responseReceived: 'versus:response-received',
  dataReady: 'versus:data-ready',
  matrixPainted: 'versus:matrix-painted',
} as const;

export const MEASURES = {
  parse: 'versus:parse-validate-normalise',
  responseToMatrix: 'versus:response-to-matrix',
} as const;

function safe(run: () => void): void {
  try {
    run();
  } catch {
    // A missing start mark (e.g. cached data) is not worth an error.
  }
}

export function markResponseReceived(): void {
  safe(() => performance.mark(MARKS.responseReceived));
}

export function markDataReady(): void {
  safe(() => {
    performance.mark(MARKS.dataReady);
    performance.measure(MEASURES.parse, MARKS.responseReceived, MARKS.dataReady);
  });
}

/** Called after the browser has painted the matrix (two animation frames after commit). */
export function markMatrixPainted(): void {
  requestAnimationFrame(() =>
    requestAnimationFrame(() =>
      safe(() => {
        performance.mark(MARKS.matrixPainted);
        performance.measure(MEASURES.responseToMatrix, MARKS.responseReceived, MARKS.matrixPainted);
      }),
    ),
  );
}
