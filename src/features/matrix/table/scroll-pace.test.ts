import { describe, expect, it } from 'vitest';
import {
  AT_REST,
  FLING_KEEP_FRACTION,
  FLING_SCREENS_PER_SECOND,
  nextPace,
  SAME_GESTURE_MS,
  type ScrollPace,
} from './scroll-pace';

const VIEWPORT = 600;
const FRAME = 1000 / 60;

/** Feeds scroll events `every` ms apart, moving `step` px each, from offset 0 at rest. */
function paces(step: number, every: number, events: number, start: ScrollPace = AT_REST) {
  const out: ScrollPace[] = [];
  let pace = start;
  const last = start.recent.at(-1);
  let at = last?.at ?? 1_000;
  let offset = last?.offset ?? 0;
  for (let i = 0; i < events; i++) {
    offset += step;
    at += every;
    pace = nextPace(pace, { offset, at, viewport: VIEWPORT });
    out.push(pace);
  }
  return out;
}

describe('nextPace', () => {
  it('calls half a screen per frame a fling from the second event on', () => {
    const seen = paces(VIEWPORT / 2, FRAME, 5).map((p) => p.fling);
    // The first event has nothing to measure against: a jump looks the same.
    expect(seen).toEqual([false, true, true, true, true]);
  });

  it('does not call a reading-speed scroll a fling', () => {
    // 60 px a frame: 6 screens a second at 600 px… just under the threshold.
    const justUnder = (VIEWPORT * FLING_SCREENS_PER_SECOND) / 60 - 1;
    expect(paces(justUnder, FRAME, 30).some((p) => p.fling)).toBe(false);
    expect(paces(justUnder + 2, FRAME, 30).at(-1)?.fling).toBe(true);
    expect(paces(20, FRAME, 30).some((p) => p.fling)).toBe(false);
  });

  it('keeps a fling while it slows, down to a quarter of the threshold', () => {
    const flung = paces(VIEWPORT / 2, FRAME, 3).at(-1) as ScrollPace;
    expect(flung.fling).toBe(true);
    const keep = (VIEWPORT * FLING_SCREENS_PER_SECOND * FLING_KEEP_FRACTION) / 60;
    expect(paces(keep + 1, FRAME, 30, flung).every((p) => p.fling)).toBe(true);
    // Slower than that: off once the window holds only the slow events.
    const slowing = paces(keep - 1, FRAME, 12, flung).map((p) => p.fling);
    expect(slowing[0]).toBe(true);
    expect(slowing.at(-1)).toBe(false);
  });

  it('scores the distance, whichever the direction', () => {
    const start = { fling: false, recent: [{ offset: 50_000, at: 1_000 }] };
    expect(paces(-VIEWPORT / 2, FRAME, 3, start).at(-1)?.fling).toBe(true);
  });

  it('does not call far moves in separate gestures a fling (page keys, jumps)', () => {
    // A screen per key press, presses a little further apart than one gesture.
    expect(paces(VIEWPORT, SAME_GESTURE_MS + 1, 10).some((p) => p.fling)).toBe(false);
    // A long pause ends a fling.
    const flung = paces(VIEWPORT / 2, FRAME, 3).at(-1) as ScrollPace;
    expect(paces(VIEWPORT / 2, SAME_GESTURE_MS + 1, 1, flung)[0]?.fling).toBe(false);
  });

  it('reads the pace over several events: uneven intervals do not make a fling', () => {
    // Scroll event times seen in headless Chromium while rAF stepped evenly (ms apart).
    const gaps = [20, 9, 13, 16, 18, 15, 18, 17, 15, 20, 28, 10, 9, 13, 16, 18, 20, 28];
    const run = (pxPerEvent: number) => {
      let pace = AT_REST;
      let at = 0;
      let offset = 0;
      const seen: boolean[] = [];
      for (const gap of gaps) {
        at += gap;
        offset += pxPerEvent;
        pace = nextPace(pace, { offset, at, viewport: VIEWPORT });
        seen.push(pace.fling);
      }
      return seen;
    };
    // Four screens a second on average: a 9 ms gap alone would read as more than seven.
    expect(run(VIEWPORT / 15).some(Boolean)).toBe(false);
    // Half a screen an event: a fling from the second event, whatever the gaps.
    expect(
      run(VIEWPORT / 2)
        .slice(1)
        .every(Boolean),
    ).toBe(true);
  });

  it('learns nothing from an event that did not move', () => {
    const flung = paces(VIEWPORT / 2, FRAME, 3).at(-1) as ScrollPace;
    const last = flung.recent.at(-1) as { offset: number; at: number };
    const same = nextPace(flung, { offset: last.offset, at: last.at + 50, viewport: VIEWPORT });
    expect(same).toBe(flung);
  });

  it('never flings a scroller with no height, or two events at the same moment', () => {
    expect(nextPace(AT_REST, { offset: 500, at: 10, viewport: 0 }).fling).toBe(false);
    const first = nextPace(AT_REST, { offset: 10, at: 10, viewport: VIEWPORT });
    // Same timestamp: the move counts as one millisecond's worth, not a division by zero.
    expect(nextPace(first, { offset: 11, at: 10, viewport: VIEWPORT }).fling).toBe(false);
    expect(nextPace(first, { offset: 400, at: 10, viewport: VIEWPORT }).fling).toBe(true);
  });
});
