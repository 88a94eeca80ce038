/**
 * How fast the matrix is scrolling. A fling (a screenful in less than ~170 ms, far too fast
 * to read) shows each cell at a glance, its scores only, so that every frame of the fling can
 * be drawn in time; the full cells come back as soon as the scroll slows down or stops.
 */
export interface ScrollPace {
  fling: boolean;
  offset: number;
  /** When that offset was seen (ms, any monotonic clock). */
  at: number;
}

export interface ScrollSample {
  offset: number;
  at: number;
  /** The scroller's visible height (px). */
  viewport: number;
}

/** A fling starts above this many screenfuls per second… */
export const FLING_SCREENS_PER_SECOND = 6;
/** …and lasts until the scroll is below a quarter of it (or stops), so it does not flicker. */
export const FLING_KEEP_FRACTION = 0.25;
/**
 * Two scroll events further apart than this belong to different gestures: single key presses
 * that page down, a jump to a focused row or a scrollbar click move far but are not a fling.
 */
export const SAME_GESTURE_MS = 200;

export const AT_REST: ScrollPace = { fling: false, offset: 0, at: Number.NEGATIVE_INFINITY };

/** The pace after one more scroll event (pure: the caller keeps the state and the rest timer). */
export function nextPace(prev: ScrollPace, sample: ScrollSample): ScrollPace {
  const { offset, at, viewport } = sample;
  if (viewport <= 0) return { fling: false, offset, at };
  // Not moved (an event without a move): nothing new about the pace.
  if (offset === prev.offset) return prev;
  const elapsed = at - prev.at;
  if (elapsed > SAME_GESTURE_MS) return { fling: false, offset, at };
  const screensPerSecond =
    (Math.abs(offset - prev.offset) / viewport) * (1000 / Math.max(elapsed, 1));
  const threshold = prev.fling
    ? FLING_SCREENS_PER_SECOND * FLING_KEEP_FRACTION
    : FLING_SCREENS_PER_SECOND;
  return { fling: screensPerSecond > threshold, offset, at };
}
