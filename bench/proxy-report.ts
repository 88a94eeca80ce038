import {
  formatBytes,
  formatMs,
  formatPercent,
  median,
  type Summary,
  summarise,
} from './report-stats';
import type { BudgetResult, ProxyOverhead } from './results';

/**
 * The proxy's cost on the L response: time to last byte of the same `POST group/runs`
 * straight from the stand-in and through the production server. Pure: the figures, the
 * budget and the BENCH.md section.
 */

/** The server may add at most this share to the time the L response takes to arrive. */
export const PROXY_OVERHEAD_BUDGET = 0.1;

export function proxyOverheadShare(p: ProxyOverhead): number | null {
  const direct = median(p.directMs);
  const proxied = median(p.proxiedMs);
  return direct === null || proxied === null || direct <= 0 ? null : proxied / direct - 1;
}

export function proxyBudget(p: ProxyOverhead): BudgetResult {
  const share = proxyOverheadShare(p);
  return {
    id: 'l-proxy-overhead',
    workload: 'L',
    label:
      'proxy overhead on the L response: time to last byte through the server ÷ direct − 1 (medians)',
    limit: `≤ ${formatPercent(PROXY_OVERHEAD_BUDGET)}`,
    measured: share === null ? '–' : formatPercent(share),
    value: share,
    met: share === null ? null : share <= PROXY_OVERHEAD_BUDGET,
    note: `direct ${formatMs(median(p.directMs))}, through the server ${formatMs(median(p.proxiedMs))}, ${formatBytes(p.bytes)}`,
  };
}

/** The floor: what a relay with nothing but a pipe adds, and the server's part above it. */
export function floorShares(p: ProxyOverhead): { floor: number; server: number } | null {
  const direct = median(p.directMs);
  const bare = median(p.bareMs ?? []);
  const proxied = median(p.proxiedMs);
  if (direct === null || bare === null || proxied === null || direct <= 0 || bare <= 0) {
    return null;
  }
  return { floor: bare / direct - 1, server: proxied / bare - 1 };
}

function floorLines(p: ProxyOverhead): string[] {
  const shares = floorShares(p);
  if (!shares) return [];
  return [
    `A bare relay (\`node:http\` in its own process: request in, \`answer.pipe(res)\` out, no checks, headers or log) adds **${formatPercent(shares.floor)}** to the direct time on this machine: every byte is copied twice more (into the relay and out of it), on cores the stand-in and the client also need. The Versus server takes ${formatPercent(shares.server)} more than that floor. Against a stand-in that replays its bytes from memory at loopback speed, no Node relay can keep within the budget; LangSmith computing and sending the answer over a network is far slower than this stand-in, and the relay's part shrinks with it.`,
    '',
  ];
}

function numbers(values: readonly (number | null)[] | undefined): number[] {
  return (values ?? []).filter((v): v is number => v !== null);
}

function row(label: string, s: Summary): string {
  return `| ${label} | ${s.n} | ${formatMs(s.median)} | ${formatMs(s.p25)} – ${formatMs(s.p75)} | ${formatMs(s.min)} – ${formatMs(s.max)} |`;
}

export function proxySection(p: ProxyOverhead): string {
  const busy = summarise(p.busyBefore);
  return [
    '### The production server’s proxy on the L response',
    '',
    `Measured on ${p.date}${p.gitCommit ? ` at \`${p.gitCommit.slice(0, 12)}\`` : ''}: the same \`POST …/group/runs\` (${formatBytes(p.bytes)} of JSON) timed from the request to its last byte, read and dropped by a Node client, straight from the stand-in and through \`node dist-server/main.js\` (live mode, the stand-in as \`LANGSMITH_ENDPOINT\`). Pairs are interleaved, their order alternating. CPUs busy before each pair: median ${formatPercent(busy.median)}, max ${formatPercent(busy.max)}.`,
    '',
    '| time to last byte | n | median | IQR (p25 – p75) | min – max |',
    '|---|---:|---:|---:|---:|',
    row('stand-in, direct', summarise(p.directMs)),
    row('through the Versus server', summarise(p.proxiedMs)),
    ...(p.bareMs ? [row('through a bare node:http pipe (the floor)', summarise(p.bareMs))] : []),
    '',
    ...floorLines(p),
    `The server process spent a median ${formatMs(median(numbers(p.serverCpuMs)))} of CPU time (user + system) per proxied answer${p.bareCpuMs ? ` (the bare pipe: ${formatMs(median(numbers(p.bareCpuMs)))})` : ''}: on a machine whose cores are all busy, that is time it waits for, which the direct read does not need.`,
    '',
    `Overhead: **${formatPercent(proxyOverheadShare(p))}** (budget ≤ ${formatPercent(PROXY_OVERHEAD_BUDGET)}). The body is piped chunk by chunk with backpressure, never held whole; the upstream's encoding passes through untouched.`,
    '',
  ].join('\n');
}
