import { INTERACTION_LABELS, READING_STEP } from './budgets';
import {
  formatBytes,
  formatMs,
  formatPercent,
  formatRatio,
  type Summary,
  summarise,
} from './report-stats';
import type {
  BenchResults,
  BundleReport,
  InteractionSummary,
  ProfileSummary,
  ScrollSummary,
  WorkloadResult,
} from './results';
import type { InteractionName } from './samples';

/** BENCH.md from a run's results: the numbers in, text out. Pure. */

// ---------- BENCH.md ----------

type Formatter = (value: number | null) => string;

function spread(s: Summary, format: Formatter): string {
  if (s.n === 0) return '–';
  return `${format(s.min)} – ${format(s.max)}`;
}

function iqr(s: Summary, format: Formatter): string {
  if (s.n === 0) return '–';
  return `${format(s.p25)} – ${format(s.p75)}`;
}

function metricRow(label: string, s: Summary, format: Formatter): string {
  return `| ${label} | ${s.n} | ${format(s.median)} | ${iqr(s, format)} | ${spread(s, format)} |`;
}

const ms: Formatter = (v) => formatMs(v);
const x: Formatter = (v) => formatRatio(v);
const bytes: Formatter = (v) => formatBytes(v);

function verdict(met: boolean | null): string {
  return met === null ? 'not measured' : met ? '✅ met' : '❌ missed';
}

const TABLE_HEAD =
  '| metric | n | median | IQR (p25 – p75) | min – max |\n|---|---:|---:|---:|---:|';

export function workloadSection(w: WorkloadResult): string {
  const s = w.summary;
  const lines: string[] = [];
  lines.push(
    `### ${w.name}: ${w.examples.toLocaleString('en-US')} examples × ${w.sessions} sessions`,
  );
  lines.push('');
  lines.push(
    `${w.runs.toLocaleString('en-US')} runs, grouped by \`${w.groupKey}\` into ${w.groups} group${w.groups === 1 ? '' : 's'}; one response of ${formatBytes(w.payloadBytes)} JSON.`,
  );
  lines.push('');
  if (w.failures.length > 0) {
    lines.push(`Failed attempts (each retried once in a fresh browser): ${w.failures.join('; ')}.`);
    lines.push('');
  }
  lines.push('**Load** (each sample a cold load in a fresh browser context)');
  lines.push('');
  lines.push(TABLE_HEAD);
  lines.push(metricRow('navigation → first row painted', s.navToFirstRow, ms));
  lines.push(metricRow('navigation → `versus:matrix-painted`', s.navToMatrixPainted, ms));
  lines.push(metricRow('navigation → response received', s.navToResponse, ms));
  lines.push(metricRow('response received → matrix painted', s.responseToMatrix, ms));
  lines.push(
    metricRow('response received → every example in the matrix', s.responseToCompleteMatrix, ms),
  );
  lines.push(metricRow('(Playwright wall clock: goto → row visible)', s.wallNavToFirstRow, ms));
  lines.push(metricRow('… app boot: navigation → request sent', s.request.navToStart, ms));
  lines.push(metricRow('… server + proxy: request → first byte', s.request.serverWait, ms));
  lines.push(metricRow('… download: first → last byte', s.request.download, ms));
  lines.push(metricRow('… last byte → body text in hand', s.request.toText, ms));
  lines.push(metricRow('floor: fetch + JSON.parse, same page', s.floorTotal, ms));
  lines.push(metricRow('… of which request → first byte', s.floorServerWait, ms));
  lines.push(metricRow('navigation → first row ÷ floor', s.firstRowOverFloor, x));
  lines.push('');
  lines.push('**Parsing**');
  lines.push('');
  lines.push(TABLE_HEAD);
  lines.push(metricRow('parse + validate + normalise (app)', s.parseValidateNormalise, ms));
  lines.push(metricRow('JSON.parse alone, same text', s.floorJsonParse, ms));
  lines.push(metricRow('app ÷ JSON.parse', s.pvnOverJsonParse, x));
  lines.push(metricRow('(validate + normalise) ÷ JSON.parse', s.validateOverJsonParse, x));
  lines.push('');
  if (s.scroll) {
    lines.push(
      `**Scrolling** (\`.matrix\` from the top, ${
        s.scroll.capped ? `capped at ${w.scrollMaxFrames} frames per run` : 'to the bottom'
      }; frame time = rAF to rAF)`,
    );
    lines.push('');
    lines.push(
      '| scroll | frames (all runs) | p50 | p95 | max | > 50 ms | frames at a glance | frames without a row in view |',
    );
    lines.push('|---|---:|---:|---:|---:|---:|---:|---:|');
    const scrollRow = (label: string, x: ScrollSummary) => {
      const f = x.pooled;
      return `| ${label} | ${f.frames} | ${formatMs(f.p50, 1)} | ${formatMs(f.p95, 1)} | ${formatMs(f.max, 1)} | ${formatPercent(f.overShare)} | ${x.glanceFrames} | ${x.blankFrames} |`;
    };
    lines.push(scrollRow('half a screen per frame (a fling: the budget)', s.scroll));
    if (s.readingScroll) {
      lines.push(
        scrollRow(
          `1/${Math.round(1 / READING_STEP)} of a screen per frame (reading pace), ${s.readingScroll.framesPerRun.median ?? '?'} frames a run`,
          s.readingScroll,
        ),
      );
    }
    lines.push('');
    lines.push(TABLE_HEAD);
    lines.push(metricRow('frame p95 per run', s.scroll.perRunP95, (v) => formatMs(v, 1)));
    lines.push('');
  }
  const names = Object.keys(s.interactions) as InteractionName[];
  if (names.length > 0) {
    lines.push(
      '**Interactions** (event → the matrix shows the result: two frames after its DOM changed)',
    );
    lines.push('');
    lines.push('| interaction | n | median | IQR | min – max | event → URL | event → commit |');
    lines.push('|---|---:|---:|---:|---:|---:|---:|');
    for (const name of names) {
      const i = s.interactions[name] as InteractionSummary;
      const debounced = name === 'search' || name === 'searchCleared';
      const main = debounced ? i.afterUrl : i.total;
      lines.push(
        `| ${INTERACTION_LABELS[name]}${i.errors ? ` (${i.errors} failed)` : ''} | ${main.n} | ${ms(main.median)} | ${iqr(main, ms)} | ${spread(main, ms)} | ${ms(i.toUrl.median)} | ${ms(i.toCommit.median)} |`,
      );
    }
    const search = s.interactions.search;
    if (search) {
      lines.push('');
      lines.push(
        `Search, from the input event including the 200 ms debounce: median ${ms(search.total.median)} (${spread(search.total, ms)}).`,
      );
    }
    lines.push('');
  }
  if (s.heapUsed.n > 0) {
    lines.push('**Memory** (V8 heap of the page after two forced GCs, CDP `Runtime.getHeapUsage`)');
    lines.push('');
    lines.push(TABLE_HEAD);
    lines.push(metricRow('JS heap after load', s.heapUsed, bytes));
    lines.push(metricRow('heap ÷ payload JSON size', s.heapOverPayload, x));
    lines.push('');
  }
  return lines.join('\n');
}

function bundleSection(bundle: BundleReport): string {
  const lines: string[] = [];
  lines.push('## Bundle');
  lines.push('');
  lines.push(
    `Initial JavaScript (entry + modulepreload): **${formatBytes(bundle.initialJsGzipBytes)} gzip** (${formatBytes(bundle.initialJsBytes)} raw). gzip = node:zlib, default level.`,
  );
  lines.push('');
  lines.push('| file | loaded | raw | gzip |');
  lines.push('|---|---|---:|---:|');
  for (const a of [...bundle.initialJs, ...bundle.lazyJs, ...bundle.css]) {
    const loaded =
      a.kind === 'entry'
        ? 'initial (entry)'
        : a.kind === 'modulepreload'
          ? 'initial (modulepreload)'
          : a.kind === 'css'
            ? 'initial CSS'
            : a.kind === 'worker'
              ? 'lazy (worker)'
              : 'lazy';
    lines.push(
      `| \`${a.file}\` | ${loaded} | ${formatBytes(a.bytes)} | ${formatBytes(a.gzipBytes)} |`,
    );
  }
  lines.push('');
  return lines.join('\n');
}

function profileSection(profiles: readonly ProfileSummary[]): string {
  const lines: string[] = [];
  lines.push('## Where the time goes (CPU profile)');
  lines.push('');
  lines.push(
    'Sampled with CDP `Profiler` (250 µs) on an unminified build of the same code with source maps, one run each; self time per area. Profiling slows everything, so read the shares, not the totals. "Browser native work" is V8\'s `(program)`: style, layout, paint, HTML and body decoding outside JS. JS that reads layout (`scrollTop`, sizes) is charged the style and layout it forces, so on scrolling the scroll handler of `@tanstack/virtual-core` carries layout cost; the rendering trace separates the two.',
  );
  for (const p of profiles) {
    lines.push('');
    lines.push(`### ${p.workload}: ${p.phase} (${formatMs(p.totalMs)} sampled)`);
    lines.push('');
    lines.push('| area | self time | share |');
    lines.push('|---|---:|---:|');
    for (const b of p.buckets) {
      lines.push(`| ${b.name} | ${formatMs(b.selfMs)} | ${formatPercent(b.share)} |`);
    }
    lines.push('');
    lines.push('| top functions (self) | file | self time |');
    lines.push('|---|---|---:|');
    for (const f of p.topFunctions) {
      lines.push(
        `| \`${f.functionName || '(anonymous)'}\` | ${f.url}:${f.line} | ${formatMs(f.selfMs)} |`,
      );
    }
    if (p.trace && p.trace.length > 0) {
      lines.push('');
      lines.push(
        'Rendering trace of the same scroll, 60 frames (self time per thread and trace event):',
      );
      lines.push('');
      lines.push('| thread | total | top events (self time) |');
      lines.push('|---|---:|---|');
      for (const t of p.trace.slice(0, 6)) {
        const top = t.events
          .slice(0, 6)
          .map((e) => `${e.name} ${formatMs(e.selfMs)}`)
          .join(', ');
        lines.push(`| ${t.thread} | ${formatMs(t.totalMs)} | ${top} |`);
      }
    }
  }
  lines.push('');
  return lines.join('\n');
}

/** `sections`: more results, rendered after the workloads' (the proxy's). */
export function renderMarkdown(results: BenchResults, sections: readonly string[] = []): string {
  const m = results.machine;
  const lines: string[] = [];
  lines.push('# Versus benchmark');
  lines.push('');
  lines.push(
    `Generated by \`npm run bench\`${results.mode === 'quick' ? ' -- --quick' : ''} on ${results.date} (took ${(results.durationMs / 60_000).toFixed(1)} min${results.waitedMs > 0 ? `, of which ${(results.waitedMs / 60_000).toFixed(1)} min waiting for idle CPUs (\`--wait-quiet\`)` : ''}). Raw samples: \`bench/results/latest.json\`.`,
  );
  lines.push('');
  lines.push(
    'The production build is served by `vite preview` in live mode; its proxy forwards `/api/v1/*` to an in-process LangSmith stand-in (`server/stand-in.ts`) holding the generated workloads, so the data arrives over HTTP as real data does. Headless Chromium (Playwright) opens a URL that selects the whole workload (`pageSize` = examples), so one `POST group/runs` response carries it all (a page that large also sends a small first-screen request, `limit` 50, whose rows the app shows first: "navigation → first row painted" includes it; the response figures are the page’s own response). The stand-in serialises each distinct request once and replays the bytes (`replay`): LangSmith computes and serialises on its own servers, while the stand-in shares this machine’s two cores with the browser, and recomputing a 168 MB answer per sample would time the mock, not Versus.',
  );
  lines.push('');
  lines.push('## Machine');
  lines.push('');
  lines.push('| | |');
  lines.push('|---|---|');
  lines.push(`| OS | ${m.os} ${m.kernel} (${m.arch}) |`);
  lines.push(`| CPU | ${m.cpus} × ${m.cpuModel} |`);
  lines.push(`| memory | ${formatBytes(m.memoryBytes)} |`);
  lines.push(`| Node | ${m.node} |`);
  lines.push(`| Chromium | ${m.chromium} (headless, Playwright ${m.playwright}) |`);
  const busy = summarise(results.workloads.flatMap((w) => w.iterations.map((i) => i.busyBefore)));
  lines.push(
    `| other load | load average ${m.loadAverageStart.join(' / ')} at start, ${m.loadAverageEnd.join(' / ')} at end; CPUs busy just before each sample (bench idle): median ${formatPercent(busy.median)}, max ${formatPercent(busy.max)} |`,
  );
  const rate = Number(results.options.downloadBytesPerSecond ?? 0);
  lines.push(
    `| download | ${rate > 0 ? `the stand-in sends bodies of 1 MB or more at ${rate / 1_000_000} MB/s (\`--download-mb-s\`)` : 'as fast as the stand-in and the proxy serve it, on the same two cores as the browser'} |`,
  );
  if (results.calibration) {
    const c = results.calibration.stats;
    lines.push(
      `| best case | the same scroll loop over a static page: frame p50 ${formatMs(c.p50, 1)}, p95 ${formatMs(c.p95, 1)}, max ${formatMs(c.max, 1)} |`,
    );
  }
  if (results.bootFloor) {
    const b = results.bootFloor.stats;
    lines.push(
      `| best case boot | a page whose one module script sends the same group/runs request, from the same server, in a fresh context: navigation → request sent median ${formatMs(b.median)} (${formatMs(b.min)} – ${formatMs(b.max)}, ${b.n} samples; \`bench/boot-floor.ts\`) |`,
    );
  }
  lines.push(
    `| commit | ${m.gitCommit ? `\`${m.gitCommit.slice(0, 12)}\`${m.gitDirty ? ' + uncommitted changes' : ''}` : '–'} |`,
  );
  lines.push('');
  lines.push('## Budgets');
  lines.push('');
  lines.push('| workload | budget | limit | measured | verdict |');
  lines.push('|---|---|---:|---:|---|');
  for (const b of results.budgets) {
    lines.push(
      `| ${b.workload} | ${b.label}${b.note ? ` — ${b.note}` : ''} | ${b.limit} | ${b.measured} | ${verdict(b.met)} |`,
    );
  }
  const missed = results.budgets.filter((b) => b.met === false).length;
  lines.push('');
  lines.push(
    missed === 0
      ? 'Every budget is met.'
      : `${missed} of ${results.budgets.length} budgets missed. The bench reports misses; it does not fail on them.`,
  );
  lines.push('');
  lines.push('## Workloads');
  lines.push('');
  lines.push(
    'Generated by `generateScaleDataset` (the demo generator): ~300-character answers, 3 feedback keys (correctness, helpfulness, verdict), lean runs (`feedbackDetail: "stats"`: per-run `feedback_stats` of `{n, avg, stdev, errors, values, comments}`, no `feedbacks` array).',
  );
  lines.push('');
  lines.push('| workload | examples | sessions | runs | groups | response JSON | samples |');
  lines.push('|---|---:|---:|---:|---:|---:|---:|');
  for (const w of results.workloads) {
    lines.push(
      `| ${w.name} | ${w.examples.toLocaleString('en-US')} | ${w.sessions} | ${w.runs.toLocaleString('en-US')} | ${w.groups} | ${formatBytes(w.payloadBytes)} | ${w.iterations.length} |`,
    );
  }
  lines.push('');
  lines.push('## Results');
  lines.push('');
  for (const w of results.workloads) {
    lines.push(workloadSection(w));
  }
  lines.push(...sections);
  if (results.bundle) lines.push(bundleSection(results.bundle));
  if (results.profiles.length > 0) lines.push(profileSection(results.profiles));
  lines.push('## Method');
  lines.push('');
  lines.push(
    [
      "- **navigation → first row**: `performance.now()` (relative to navigation start) two animation frames after the first `tr[data-example-id]` entered the DOM, seen by a MutationObserver installed before the app runs; the app's `versus:matrix-painted` mark is reported beside it.",
      "- **response → matrix**: the app's `versus:response-to-matrix` measure (body fully read → two frames after the matrix committed). A response of 2 MB or more is located first (`src/api/json-scan.ts`) and its first 60 examples of every group are painted before the rest is parsed: this is that first paint. **Every example in the matrix** is `versus:response-to-complete-matrix`, the paint of the whole response; the bench scrolls and interacts only after it.",
      '- **floor**: in the same page after the load, `fetch` of the same `POST …/group/runs` body through the same proxy, then `JSON.parse` of the text: the least any client must do to hold the data.',
      "- **parse + validate + normalise**: the app's `versus:parse-validate-normalise` measure: the time its parse ran (locating, its own `JSON.parse` of every example, zod, normalising), not the frames it lets through between its 40 ms slices; compared with `JSON.parse` alone of the same text in the same page.",
      '- **scrolling**: `requestAnimationFrame` deltas while the page scrolls `.matrix` from the top by half its height each frame (a fling, ~30 screens a second: the budget), then, after a rest, by a twentieth of its height each frame (reading pace, 3 screens a second). Scrolled faster than six screens a second, Versus draws each cell at a glance (its scores only, one text node per cell; full cells again once the scroll slows or rests): "frames at a glance" counts the frames drawn so (`data-scroll-pace="fling"` on `.matrix`), and the reading-pace row shows what full cells cost. A frame "without a row in view" had no rendered row intersecting the viewport when its rAF ran.',
      '- **interactions**, in order on the same page: "Sort by" a feedback score (the toolbar\'s score sort: first experiment, first key), type a search ("refund"), clear it, "Show" → "Regressions only", "Baseline" → the second experiment. Timed from the input/change event to two frames after the first DOM change of the matrix section outside the toolbar (the React commit). The search is budgeted from its URL change, after the deliberate 200 ms debounce.',
      '- **heap**: two `HeapProfiler.collectGarbage` then `Runtime.getHeapUsage` on the page (main thread isolate; workers excluded) after the load settled.',
      '- **setup**: `vite build` into a temporary folder (not `dist/`, which other tools may be serving), `vite preview --strictPort` on a free port with `LANGSMITH_ENDPOINT` = the stand-in and `LANGSMITH_API_KEY=bench-key` (the stand-in rejects any other key). Runs are grouped by the run-metadata key `prompt_version` (at most two groups; each session sits in one), so every example appears once per session. One warm-up request per workload builds the stand-in’s grouping and the bytes it replays before sampling. The L scroll is capped at 300 frames per sample (about 100,000 px, the first ~720 of its 10,000 rows) to keep the whole bench under ten minutes; S and M scroll to the bottom. A failed sample is retried once in a fresh browser and listed; a missed budget never fails the run.',
    ].join('\n'),
  );
  lines.push('');
  return lines.join('\n');
}
