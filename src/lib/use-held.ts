import { useState } from 'react';

/**
 * `value`, except while `hold` is true: then the value it had when the hold began. What is
 * costly to rebuild (statistics over every row) keeps its last result while the rows are
 * still arriving, and is rebuilt once when they are all in.
 */
export function useHeld<T>(value: T, hold: boolean): T {
  const [held, setHeld] = useState(value);
  // Set during render, React's way of keeping state in step with a prop: no extra commit.
  if (!hold && held !== value) setHeld(value);
  return hold ? held : value;
}

/**
 * `value`, or the last one returned while `same(last, value)` holds: a result that is new
 * but equal in what matters keeps its identity, so memoised panels do not render again.
 */
export function useSameAs<T>(value: T, same: (a: T, b: T) => boolean): T {
  const [last, setLast] = useState(value);
  const keep = last === value || same(last, value);
  if (!keep) setLast(value);
  return keep ? last : value;
}
