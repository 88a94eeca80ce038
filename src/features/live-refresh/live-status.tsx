import './live-refresh.css';

export interface LiveStatusProps {
  /** Names of the selected experiments that are still running. */
  running: string[];
  /** When the data on screen was fetched (epoch ms). */
  lastAt: number;
  paused: boolean;
  /** Refetching right now. */
  fetching: boolean;
  /** Seconds between refetches now (10, backing off to 60 while nothing changes). */
  everySeconds: number;
  /** The last refresh failed: its message (the data on screen is the last good one). */
  error: string | null;
  onPause: () => void;
  onResume: () => void;
}

/** hh:mm:ss in the reader's time zone, 24-hour. */
export function clockTime(epochMs: number): string {
  const d = new Date(epochMs);
  return [d.getHours(), d.getMinutes(), d.getSeconds()]
    .map((n) => String(n).padStart(2, '0'))
    .join(':');
}

/**
 * "Updating, last at 11:42:07": the view refetches while an experiment runs; the pause
 * button stops it (the URL's `live=off` keeps it off for a link).
 */
export function LiveStatus(props: LiveStatusProps) {
  const { paused, running } = props;
  const last = clockTime(props.lastAt);
  return (
    <div className="live-status" data-live={paused ? 'paused' : 'updating'}>
      <p role="status" className="live-status__text">
        {paused ? (
          <>Updates paused, last at {last}.</>
        ) : (
          <>
            <span className="live-status__dot" aria-hidden="true" />
            Updating, last at {last}
            {props.fetching ? ' (refreshing…)' : ` (every ${props.everySeconds} s)`}.
          </>
        )}
        {running.length > 0 ? (
          <span className="live-status__running"> Still running: {running.join(', ')}.</span>
        ) : null}
      </p>
      {paused ? (
        <button type="button" className="button button--tiny" onClick={props.onResume}>
          Resume
        </button>
      ) : (
        <button type="button" className="button button--tiny" onClick={props.onPause}>
          Pause
        </button>
      )}
      {props.error ? (
        <p role="alert" className="live-status__error">
          The last refresh failed: {props.error} The data shown is from {last}; trying again in{' '}
          {props.everySeconds} s.
        </p>
      ) : null}
    </div>
  );
}

/** "running" beside an experiment's name wherever the view names it. */
export function RunningTag() {
  return <span className="tag tag--running">running</span>;
}
