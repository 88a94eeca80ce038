import { startTransition, useEffect, useLayoutEffect, useRef, useState } from 'react';

/**
 * `value` as it was when the page last caught up: a new value is handed on only once the frame
 * that showed the render bringing it has been drawn (two animation frames, then a task), and
 * in a transition, so what reads it renders after that paint and may be interrupted. Until
 * then the previous value is returned; the first one (or any while there was none) at once.
 *
 * Values that come faster than frames are not dropped: one hand-on is scheduled at a time,
 * and it carries the latest value, so the result lags by about two frames, never more.
 */
export function useAfterPaint<T>(value: T): T {
  const [shown, setShown] = useState(value);
  const latest = useRef(value);
  useLayoutEffect(() => {
    latest.current = value;
  });
  const behind = value !== shown;
  // Keyed on `behind` and `shown`, not on `value`: a newer value while behind keeps the hand-on
  // already scheduled; once it has happened, one still newer is scheduled again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: shown re-arms the hand-on
  useEffect(() => {
    if (!behind) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => {
        timer = setTimeout(() => startTransition(() => setShown(latest.current)), 0);
      });
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [behind, shown]);
  return shown ?? value;
}
