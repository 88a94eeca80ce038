/**
 * Long work done in steps without taking the page's frames: a generator yields between steps,
 * and the page gets a turn whenever a slice has run long enough.
 */

/** Longest stretch of work before the browser gets a turn (keeps frames and input alive). */
const SLICE_MS = 40;

/** Runs every step at once: for work too small to be worth slicing. */
export function runToEnd<T>(steps: Generator<void, T>): T {
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/**
 * How a slice gives the page its turn. `background`: work nobody is waiting on goes on at an
 * idle moment (after renders and paints). `waited-on`: work whose result the page is waiting
 * to show (a comparison's first result) goes on as soon as input and rendering have had
 * their turn, not behind the page's other work: waiting for an idle moment while the app
 * draws its page cost S's first result 160-330 ms.
 */
export type SlicePriority = 'background' | 'waited-on';

/**
 * Runs the steps in slices of at most SLICE_MS, giving the browser a turn in between.
 * `busy.ms` adds up the time spent in the steps, not the turns given away. `since`: when the
 * task running now began, when work before the steps (in the same task) counts towards the
 * first slice: past SLICE_MS already, the page gets its turn before the first step.
 */
export async function runSliced<T>(
  steps: Generator<void, T>,
  busy: { ms: number },
  signal?: AbortSignal,
  since = performance.now(),
  priority: SlicePriority = 'background',
): Promise<T> {
  let sliceStart = since;
  for (;;) {
    const now = performance.now();
    if (now - sliceStart > SLICE_MS) {
      busy.ms += now - sliceStart;
      await (priority === 'waited-on' ? nextTurn() : yieldToPage());
      signal?.throwIfAborted();
      sliceStart = performance.now();
    }
    const step = steps.next();
    if (step.done) {
      busy.ms += performance.now() - sliceStart;
      return step.value;
    }
  }
}

/**
 * Work that comes in pieces it does not control (a body read as it downloads, chunk by chunk):
 * `run` each piece of work; once the pieces have run for a slice since the page's last turn,
 * `next()` gives it one. Only the work is counted, not the waits between pieces (a small body
 * never waits for a turn).
 */
export class WorkSlices {
  #worked = 0;

  /** Runs `work`; true when the page is due a turn. */
  run(work: () => void): boolean {
    const started = performance.now();
    work();
    this.#worked += performance.now() - started;
    return this.#worked > SLICE_MS;
  }

  async next(): Promise<void> {
    await yieldToPage();
    this.#worked = 0;
  }
}

/** Resolves once the page has rendered and painted what was just put in the query cache. */
export async function afterRender(): Promise<void> {
  // React Query notifies its observers in a timeout; then React renders, then a frame.
  await new Promise((resolve) => setTimeout(resolve, 0));
  await yieldToPage();
}

/**
 * A turn for input and rendering, then straight on: `scheduler.yield()` where the browser has
 * it (its continuation goes before other tasks of its priority), else a message task.
 */
function nextTurn(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return messageTask();
}

function messageTask(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((r) => setTimeout(r, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Runs `work` at an idle moment, telling it how long that moment has left (ms). */
export type IdleScheduler = (work: (timeLeft: () => number) => void) => void;

/**
 * Work that fits itself into idle moments (it stops when `timeLeft()` runs out); without idle
 * callbacks (Safari, Node), a task with 10 ms to spend.
 */
export const atIdleMoment: IdleScheduler = (work) => {
  if (typeof requestIdleCallback === 'function') {
    requestIdleCallback((deadline) => work(() => deadline.timeRemaining()));
    return;
  }
  setTimeout(() => {
    const until = performance.now() + 10;
    work(() => until - performance.now());
  }, 0);
};

/** Longest wait for an idle moment: a page that is never idle still gets the rest done. */
const IDLE_TIMEOUT_MS = 150;

/**
 * Gives the page a turn: what follows is background work, so it waits for an idle moment,
 * after React's renders (its scheduler's message tasks) and the next paint. Without idle
 * callbacks (Safari, Node), a message task: no 4 ms clamp as nested timers have.
 */
function yieldToPage(): Promise<void> {
  if (typeof requestIdleCallback === 'function') {
    return new Promise((resolve) => {
      requestIdleCallback(() => resolve(), { timeout: IDLE_TIMEOUT_MS });
    });
  }
  return messageTask();
}
