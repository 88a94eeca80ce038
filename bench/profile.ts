import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { join } from 'node:path';
import type { Browser, CDPSession } from '@playwright/test';
import { newBenchContext, runInteractions, waitForLoaded } from './measure-page';
import type {
  ProfileBucket,
  ProfileFunction,
  ProfileSummary,
  TraceThread,
  WorkloadName,
} from './results';
import type { IterationPlan } from './samples';

/**
 * Where the main thread's time goes: CDP CPU profiles of a load and of the interactions, on
 * an unminified build with source maps, so that every sample maps back to a source file
 * (zod, React, TanStack, the app's own modules) and function names stay readable.
 */

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
  startTime: number;
  endTime: number;
}

/** Maps bundle positions to source files, one source map per served chunk. */
export class SourceResolver {
  private readonly maps = new Map<string, SourceMap | null>();

  constructor(private readonly outDir: string) {}

  private mapFor(url: string): SourceMap | null {
    if (this.maps.has(url)) return this.maps.get(url) ?? null;
    let map: SourceMap | null = null;
    try {
      const path = new URL(url).pathname;
      const file = join(this.outDir, `${path.replace(/^\//, '')}.map`);
      if (existsSync(file)) map = new SourceMap(JSON.parse(readFileSync(file, 'utf8')));
    } catch {
      map = null;
    }
    this.maps.set(url, map);
    return map;
  }

  /** The original source file and line of a bundle position, when a map knows it. */
  resolve(frame: CallFrame): { source: string; line: number } | null {
    if (!frame.url.startsWith('http')) return null;
    const map = this.mapFor(frame.url);
    if (!map) return null;
    const entry = map.findEntry(frame.lineNumber, frame.columnNumber) as {
      originalSource?: string;
      originalLine?: number;
    };
    if (!entry?.originalSource) return null;
    return { source: entry.originalSource, line: (entry.originalLine ?? 0) + 1 };
  }
}

/** A readable path: `node_modules/<pkg>/...` or `src/...`. */
export function shortSource(source: string): string {
  const nm = source.lastIndexOf('node_modules/');
  if (nm >= 0) return source.slice(nm);
  const src = source.lastIndexOf('/src/');
  if (src >= 0) return source.slice(src + 1);
  return source.replace(/^.*?\/\/\//, '');
}

/** The area a source file belongs to, for the summary table. */
export function bucketOf(frame: CallFrame, source: string | null): string {
  const name = frame.functionName;
  if (name === '(garbage collector)') return 'V8 garbage collection';
  if (name === '(idle)') return '(idle)';
  if (name === '(program)') return 'browser native work (style, layout, paint, parsing HTML…)';
  if (name === '(root)') return '(root)';
  if (!source) {
    if (frame.url === '' && frame.lineNumber > 0) {
      return 'bench probe in the page (style/layout it forces is counted here)';
    }
    return frame.url === '' ? `V8 builtins (${name || 'anonymous'})` : 'unmapped script';
  }
  const path = shortSource(source);
  const pkg = /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1];
  if (pkg) {
    if (pkg === 'react-dom' || pkg === 'scheduler' || pkg === 'react') return 'React (react-dom)';
    if (pkg === 'zod') return 'zod (validation)';
    if (pkg.startsWith('@tanstack/')) return pkg;
    if (pkg === 'recharts' || pkg.startsWith('d3-') || pkg.startsWith('victory')) {
      return 'charts (recharts/d3)';
    }
    return `node_modules/${pkg}`;
  }
  return path;
}

export function summariseProfile(
  profile: CpuProfile,
  resolver: SourceResolver,
  meta: { workload: WorkloadName; phase: string },
  limits = { buckets: 14, functions: 15 },
): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  // timeDeltas[i] is the time since the previous sample; attribute it to sample i.
  for (let i = 0; i < samples.length; i++) {
    const id = samples[i] as number;
    selfUs.set(id, (selfUs.get(id) ?? 0) + Math.max(0, deltas[i] ?? 0));
  }
  const buckets = new Map<string, number>();
  const functions = new Map<string, ProfileFunction>();
  let busyUs = 0;
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node) continue;
    const resolved = resolver.resolve(node.callFrame);
    const bucket = bucketOf(node.callFrame, resolved?.source ?? null);
    if (bucket === '(idle)' || bucket === '(root)') continue;
    busyUs += us;
    buckets.set(bucket, (buckets.get(bucket) ?? 0) + us);
    const file = resolved ? shortSource(resolved.source) : node.callFrame.url || '(native)';
    const line = resolved ? resolved.line : node.callFrame.lineNumber + 1;
    const key = `${node.callFrame.functionName}|${file}|${line}`;
    const fn = functions.get(key) ?? {
      functionName: node.callFrame.functionName,
      url: file,
      line,
      selfMs: 0,
    };
    fn.selfMs += us / 1000;
    functions.set(key, fn);
  }
  const bucketList: ProfileBucket[] = [...buckets]
    .map(([name, us]) => ({ name, selfMs: us / 1000, share: busyUs > 0 ? us / busyUs : 0 }))
    .sort((a, b) => b.selfMs - a.selfMs);
  const top = bucketList.slice(0, limits.buckets);
  const rest = bucketList.slice(limits.buckets);
  if (rest.length > 0) {
    const restMs = rest.reduce((a, b) => a + b.selfMs, 0);
    top.push({
      name: `${rest.length} other areas`,
      selfMs: restMs,
      share: restMs / (busyUs / 1000),
    });
  }
  return {
    workload: meta.workload,
    phase: meta.phase,
    totalMs: busyUs / 1000,
    buckets: top,
    topFunctions: [...functions.values()]
      .sort((a, b) => b.selfMs - a.selfMs)
      .slice(0, limits.functions),
  };
}

async function startProfiler(cdp: CDPSession): Promise<void> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
  await cdp.send('Profiler.start');
}

async function stopProfiler(cdp: CDPSession): Promise<CpuProfile> {
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.send('Profiler.disable');
  return profile as unknown as CpuProfile;
}

// ---------- rendering trace ----------

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

/**
 * Self time per (thread, event) of a Chrome trace's complete events: nested events are
 * subtracted from their parent, so "Layout" is layout and not the JS that forced it.
 */
export function summariseTrace(events: readonly TraceEvent[], perThread = 10): TraceThread[] {
  const threadNames = new Map<string, string>();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name) {
      threadNames.set(`${e.pid}:${e.tid}`, e.args.name);
    }
  }
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== 'X' || typeof e.dur !== 'number') continue;
    const key = `${e.pid}:${e.tid}`;
    const list = byThread.get(key);
    if (list) list.push(e);
    else byThread.set(key, [e]);
  }
  const totals = new Map<string, Map<string, number>>();
  for (const [key, list] of byThread) {
    const thread = (threadNames.get(key) ?? 'unknown').replace(/\d+$/, '');
    list.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    const stack: { end: number; name: string; child: number; dur: number }[] = [];
    const perName = totals.get(thread) ?? new Map<string, number>();
    totals.set(thread, perName);
    const close = (until: number) => {
      while (stack.length > 0 && (stack[stack.length - 1] as { end: number }).end <= until) {
        const done = stack.pop() as { name: string; child: number; dur: number };
        perName.set(done.name, (perName.get(done.name) ?? 0) + Math.max(0, done.dur - done.child));
      }
    };
    for (const e of list) {
      const dur = e.dur ?? 0;
      close(e.ts);
      const parent = stack[stack.length - 1];
      if (parent) parent.child += dur;
      stack.push({ end: e.ts + dur, name: e.name, child: 0, dur });
    }
    close(Number.POSITIVE_INFINITY);
  }
  return [...totals]
    .map(([thread, perName]) => {
      const entries = [...perName].sort((a, b) => b[1] - a[1]);
      const total = entries.reduce((a, [, us]) => a + us, 0);
      return {
        thread,
        totalMs: total / 1000,
        events: entries.slice(0, perThread).map(([name, us]) => ({ name, selfMs: us / 1000 })),
      };
    })
    .filter((t) => t.totalMs >= 1)
    .sort((a, b) => b.totalMs - a.totalMs);
}

const PROFILE_SCROLL_FRAMES = 150;
export const TRACE_SCROLL_FRAMES = 60;

const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink',
  'cc',
  'viz',
  'v8',
  'toplevel',
];

/** Profiles one load and the interactions of one workload on the profiling build. */
export async function profileWorkload(
  browser: Browser,
  plan: IterationPlan,
  baseUrl: string,
  resolver: SourceResolver,
  workload: WorkloadName,
): Promise<ProfileSummary[]> {
  const context = await newBenchContext(browser);
  try {
    const page = await context.newPage();
    // A same-origin page first, so the app loads in the renderer the profiler is attached to.
    await page.goto(`${baseUrl}/favicon.svg`);
    const cdp = await context.newCDPSession(page);
    await startProfiler(cdp);
    await page.goto(plan.url, { waitUntil: 'commit', timeout: plan.loadTimeoutMs });
    await page.locator('tr[data-example-id]').first().waitFor({ timeout: plan.loadTimeoutMs });
    await waitForLoaded(page, plan.loadTimeoutMs);
    const load = await stopProfiler(cdp);
    await page.waitForTimeout(1_000);
    await startProfiler(cdp);
    await page.evaluate(
      `window.__bench.scroll(${Math.min(plan.scrollMaxFrames, PROFILE_SCROLL_FRAMES)})`,
    );
    const scroll = await stopProfiler(cdp);
    // The same scroll under the tracer: which rendering steps the frames spend their time in.
    await page.waitForTimeout(500);
    await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    await page.evaluate(`window.__bench.scroll(${TRACE_SCROLL_FRAMES})`);
    const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as {
      traceEvents: TraceEvent[];
    };
    const scrollTrace = summariseTrace(trace.traceEvents);
    await page.waitForTimeout(500);
    await startProfiler(cdp);
    await runInteractions(page, plan);
    const interactions = await stopProfiler(cdp);
    return [
      summariseProfile(load, resolver, { workload, phase: 'load (navigation → matrix painted)' }),
      {
        ...summariseProfile(scroll, resolver, {
          workload,
          phase: `scrolling (up to ${PROFILE_SCROLL_FRAMES} frames)`,
        }),
        trace: scrollTrace,
      },
      summariseProfile(interactions, resolver, {
        workload,
        phase: 'interactions (sort, search, clear, regressions, baseline)',
      }),
    ];
  } finally {
    await context.close();
  }
}
