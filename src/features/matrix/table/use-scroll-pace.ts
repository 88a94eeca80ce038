import { type RefObject, useLayoutEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { AT_REST, nextPace } from './scroll-pace';

/** No scroll event for this long: the scroll has come to rest (the virtualizer's own delay). */
export const REST_AFTER_MS = 150;

/**
 * True while the element is flung (scroll-pace.ts). Call it before the virtualizer that
 * scrolls the same element: its listener then runs first, so that the frame a fling starts in
 * renders the rows in view at a glance before the virtualizer renders the rows coming in.
 */
export function useScrollPace(ref: RefObject<HTMLElement | null>): boolean {
  const [fling, setFling] = useState(false);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    let pace = AT_REST;
    let rest: ReturnType<typeof setTimeout> | undefined;
    const settle = () => {
      pace = { ...pace, fling: false };
      setFling(false);
    };
    const onScroll = () => {
      const was = pace.fling;
      pace = nextPace(pace, {
        offset: el.scrollTop,
        at: performance.now(),
        viewport: el.clientHeight,
      });
      clearTimeout(rest);
      rest = setTimeout(settle, REST_AFTER_MS);
      if (pace.fling === was) return;
      if (pace.fling) flushSync(() => setFling(true));
      else setFling(false);
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      clearTimeout(rest);
      el.removeEventListener('scroll', onScroll);
    };
  }, [ref]);
  return fling;
}
