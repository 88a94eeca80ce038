import { readFileSync } from 'node:fs';

/**
 * How busy the machine is while the bench itself is idle (between iterations): other work
 * on the same CPUs skews every number, so the bench records it and can wait for quiet.
 */

function cpuTimes(): { busy: number; total: number } | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const fields = line.trim().split(/\s+/).slice(1).map(Number);
    if (fields.length < 4 || fields.some((f) => !Number.isFinite(f))) return null;
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0); // idle + iowait
    const total = fields.reduce((a, b) => a + b, 0);
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}

/** Share (0..1) of all CPUs busy over the next `sampleMs`; null where /proc/stat is missing. */
export async function cpuBusyShare(sampleMs = 500): Promise<number | null> {
  const before = cpuTimes();
  await new Promise((resolve) => setTimeout(resolve, sampleMs));
  const after = cpuTimes();
  if (!before || !after || after.total <= before.total) return null;
  return (after.busy - before.busy) / (after.total - before.total);
}

/** Waits until the CPUs are mostly idle, at most `maxMs`; returns the busy share last seen. */
export async function waitForQuiet(options: {
  threshold: number;
  maxMs: number;
  onWait?: (busy: number) => void;
}): Promise<number | null> {
  const deadline = Date.now() + options.maxMs;
  let busy = await cpuBusyShare(1_000);
  while (busy !== null && busy > options.threshold && Date.now() < deadline) {
    options.onWait?.(busy);
    busy = await cpuBusyShare(2_000);
  }
  return busy;
}
