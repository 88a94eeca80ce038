/** Module worker: keeps thousands of bootstrap resamples off the main thread. */
import { handleStatsRequest, type StatsRequest, type StatsResponse } from './stats-protocol';

// The project's lib is DOM, so describe just the worker surface used here.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<StatsRequest>) => void) | null;
  postMessage: (message: StatsResponse) => void;
};

scope.onmessage = (event) => {
  handleStatsRequest(event.data, (message) => scope.postMessage(message));
};
