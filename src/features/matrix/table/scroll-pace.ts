/**
 * How fast the matrix is scrolling. A fling (a screenful in less than ~170 ms, far too fast
 * to read) shows each cell at a glance, its scores only, so that every frame of the fling can
 * be drawn in time; the full cells come back as soon as the scroll slows down or stops.
 */
export interface ScrollPace {
  fling: boolean;
  /** The gesture's recent scroll events, oldest first (at most WINDOW_MS old). */
  recent: readonly PaceSample[];
}

export interface PaceSample {
  offset: number;
  /** When that offset was seen (ms, any monotonic clock). */
  at: number;
}

export interface ScrollSample extends PaceSample {
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
/** The pace is the distance over the events of the last WINDOW_MS… */
export const WINDOW_MS = 150;
/**
 * …once they span this long: scroll events do not come at even intervals (one may follow
 * another after 9 ms, then 28 ms), and one interval alone can read twice the real pace.
 * Before that, only an unmistakable fling (twice the threshold) counts.
 */
export const STEADY_MS = 50;

export const AT_REST: ScrollPace = { fling: false, recent: [] };

/** The pace after one more scroll event (pure: the caller keeps the state and the rest timer). */
export function nextPace(prev: ScrollPace, sample: ScrollSample): ScrollPace {
  const { offset, at, viewport } = sample;
  const last = prev.recent[prev.recent.length - 1];
  if (last && offset === last.offset) return prev; // an event without a move: nothing new
  const now: PaceSample = { offset, at };
  if (!last || at - last.at > SAME_GESTURE_MS || viewport <= 0) {
    return { fling: false, recent: [now] };
  }
  const recent = [...prev.recent.filter((s) => at - s.at <= WINDOW_MS), now];
  const base = recent[0] as PaceSample;
  const span = Math.max(at - base.at, 1);
  const screensPerSecond = (Math.abs(offset - base.offset) / viewport) * (1000 / span);
  const threshold = prev.fling
    ? FLING_SCREENS_PER_SECOND * FLING_KEEP_FRACTION
    : FLING_SCREENS_PER_SECOND * (span < STEADY_MS ? 2 : 1);
  return { fling: screensPerSecond > threshold, recent };
}
