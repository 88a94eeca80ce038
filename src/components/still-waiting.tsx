import { useEffect, useState } from 'react';

/** Seconds of waiting before the page says it is still waiting. */
export const STILL_WAITING_AFTER_S = 10;

/**
 * A slow answer is said, not just spun on: after ten seconds, how long it has been and a way
 * to stop waiting. The time-out itself (and its Retry) comes from the request.
 */
export function StillWaiting({
  active,
  what,
  onCancel,
}: {
  /** True while the request is in flight. */
  active: boolean;
  what: string;
  onCancel: () => void;
}) {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    setSeconds(0);
    if (!active) return;
    const started = Date.now();
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 1000);
    return () => clearInterval(timer);
  }, [active]);
  if (!active || seconds < STILL_WAITING_AFTER_S) return null;
  return (
    <div role="status" className="notice notice--warning">
      <p>
        Still waiting for {what}: {seconds} s so far. LangSmith is slow to answer.
      </p>
      <button type="button" className="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
