import { LiveStatus } from '../../features/live-refresh/live-status';
import { useComparison } from './comparison-context';

/** "Updating, last at hh:mm:ss" with its pause button, while an experiment is still running. */
export function LiveSection() {
  const { live, sessionNames } = useComparison();
  if (!live.shown) return null;
  return (
    <LiveStatus
      running={live.running.map((id) => sessionNames[id] ?? id)}
      lastAt={live.lastAt}
      paused={live.paused}
      fetching={live.fetching}
      everySeconds={live.everySeconds}
      error={live.error}
      onPause={live.pause}
      onResume={live.resume}
    />
  );
}
