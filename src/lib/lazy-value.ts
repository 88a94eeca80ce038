/**
 * A value built on first use, then kept. For Intl formatters and collators: the first Intl
 * object a page builds pays ICU's set-up (tens of milliseconds on a cold load), which no
 * module should pay at import time, before the first request has even left.
 */
export function lazyValue<T>(build: () => T): () => T {
  let built = false;
  let value: T;
  return () => {
    if (!built) {
      value = build();
      built = true;
    }
    return value;
  };
}
