import { useEffect, useState } from 'react';

/**
 * False until the page has painted what it showed once `ready` became true; then true for
 * good. What waits for it (the charts) follows the first rows in a later frame instead of
 * delaying them: two animation frames (the rows' frame has been drawn), then a task.
 */
export function usePaintedOnce(ready: boolean): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (!ready || painted) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => {
        timer = setTimeout(() => {
          if (live) setPainted(true);
        }, 0);
      });
    });
    return () => {
      live = false;
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [ready, painted]);
  return painted;
}
