import { type RefObject, useLayoutEffect, useState } from 'react';

/**
 * The inner width (clientWidth: no border, no scrollbar) of an element, kept up to date with
 * a ResizeObserver. Read before the first paint, so that what is sized by it never shows at a
 * stale width; 0 until the element is mounted.
 */
export function useElementWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(element.clientWidth);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
