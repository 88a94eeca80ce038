import { formatBytes, formatMs, formatPercent, formatRatio } from './report-stats';
import type {
  BudgetResult,
  BundleReport,
  InteractionSummary,
  ScrollSummary,
  WorkloadName,
  WorkloadResult,
} from './results';
import type { InteractionName } from './samples';

/** The budgets, judged on the summaries' medians: missed ones are reported, never fatal. */

// ---------- budgets ----------

/**
 * Reading pace: a twentieth of a screen a frame (three screens a second at 60 Hz), well below
 * the pace at which the app shows cells at a glance (six a second): full cells in every frame.
 */
export const READING_STEP = 1 / 20;

export const BUDGETS = {
  lResponseToMatrixMs: 1_000,
  lScrollP95Ms: 16.7,
  /**
   * rAF timestamps are coarsened to 0.1 ms and vsync jitters: an idle page measures 16.6 to
   * 16.8 ms per frame. A dropped frame shows as >= 33 ms, so this slack hides none.
   */
  scrollJitterMs: 0.5,
  lScrollOver50Share: 0.01,
  lInteractionMs: 150,
  lValidateRatio: 1.5,
  lHeapOverPayload: 3,
  mNavToFirstRowMs: 1_200,
  initialJsGzipBytes: 200_000,
  // Issue 20: the everyday comparison, and a faster first boot.
  sNavToFirstRowMs: 400,
  sResponseToMatrixMs: 100,
  sNavToRequestMs: 150,
  sInteractionMs: 50,
  mNavToFirstRowFastMs: 500,
  lResponseToCompleteMs: 1_500,
  initialJsGzipTargetBytes: 130_000,
} as const;

export const INTERACTION_LABELS: Record<InteractionName, string> = {
  sort: 'sort by a feedback score',
  search: 'text filter (after the 200 ms debounce)',
  searchCleared: 'text filter cleared (after the debounce)',
  regressions: '"Regressions only"',
  baseline: 'change the baseline',
};

/** The interaction's budgeted time: after the URL change when debounced, else from the event. */
export function interactionBudgetValue(
  name: InteractionName,
  s: InteractionSummary,
): number | null {
  return name === 'search' || name === 'searchCleared' ? s.afterUrl.median : s.total.median;
}

/** What the scroll budget's frames drew, and what full cells cost at reading pace. */
function scrollNote(
  fling: ScrollSummary,
  reading: ScrollSummary | null,
  maxFrames: number,
): string | undefined {
  const parts: string[] = [];
  if (fling.capped) parts.push(`first ${maxFrames} frames of the scroll`);
  if (fling.glanceFrames > 0) {
    parts.push(
      `${formatPercent(fling.glanceFrames / Math.max(1, fling.pooled.frames))} of its frames show the cells at a glance (the app's fling mode)`,
    );
  }
  if (reading) {
    const r = reading.pooled;
    parts.push(
      `at reading pace, full cells: p95 ${formatMs(r.p95, 1)}, ${formatPercent(r.overShare)} > 50 ms`,
    );
  }
  return parts.length ? parts.join('; ') : undefined;
}

export function evaluateBudgets(
  workloads: readonly WorkloadResult[],
  bundle: BundleReport | null,
  /** Navigation → request sent on a one-script page (bench/boot-floor.ts), median. */
  bootFloorMs: number | null = null,
): BudgetResult[] {
  const out: BudgetResult[] = [];
  const l = workloads.find((w) => w.name === 'L');
  const m = workloads.find((w) => w.name === 'M');
  const s = workloads.find((w) => w.name === 'S');
  const check = (value: number | null, limit: number, strict = false) =>
    value === null ? null : strict ? value < limit : value <= limit;
  /** A budget on a median in ms. */
  const msBudget = (
    id: string,
    workload: WorkloadName,
    label: string,
    value: number | null,
    limit: number,
    note?: string,
  ): BudgetResult => ({
    id,
    workload,
    label,
    limit: `≤ ${formatMs(limit)}`,
    measured: formatMs(value),
    value,
    met: check(value, limit),
    ...(note ? { note } : {}),
  });
  if (s) {
    const sum = s.summary;
    out.push(
      msBudget(
        's-nav-to-first-row',
        'S',
        'navigation → first row painted, with its scores (median)',
        sum.navToFirstRow.median,
        BUDGETS.sNavToFirstRowMs,
      ),
      msBudget(
        's-response-to-matrix',
        'S',
        'response received → matrix painted (median)',
        sum.responseToMatrix.median,
        BUDGETS.sResponseToMatrixMs,
      ),
      msBudget(
        's-nav-to-request',
        'S',
        'navigation → group/runs request sent (median)',
        sum.request.navToStart.median,
        BUDGETS.sNavToRequestMs,
        bootFloorMs === null
          ? undefined
          : `a page whose one module script sends the same request sends it at ${formatMs(bootFloorMs)} here (best case boot)`,
      ),
    );
    for (const name of ['sort', 'search', 'regressions', 'baseline'] as const) {
      const summary = sum.interactions[name];
      if (!summary) continue;
      const value = interactionBudgetValue(name, summary);
      const budget = msBudget(
        `s-interaction-${name}`,
        'S',
        `${INTERACTION_LABELS[name]} → shown (median)`,
        value,
        BUDGETS.sInteractionMs,
      );
      out.push(summary.errors > 0 ? { ...budget, met: false } : budget);
    }
  }
  if (l) {
    const s = l.summary;
    const rtm = s.responseToMatrix.median;
    out.push({
      id: 'l-response-to-matrix',
      workload: 'L',
      label:
        'response received → matrix painted (median) — the first rows; every example in the matrix: ' +
        formatMs(s.responseToCompleteMatrix.median),
      limit: `≤ ${formatMs(BUDGETS.lResponseToMatrixMs)}`,
      measured: formatMs(rtm),
      value: rtm,
      met: check(rtm, BUDGETS.lResponseToMatrixMs),
    });
    out.push(
      msBudget(
        'l-response-to-complete-matrix',
        'L',
        'response received → every example in the matrix (median)',
        s.responseToCompleteMatrix.median,
        BUDGETS.lResponseToCompleteMs,
      ),
    );
    if (s.scroll) {
      const p95 = s.scroll.pooled.p95;
      const over = s.scroll.pooled.overShare;
      const met =
        p95 === null || over === null
          ? null
          : p95 <= BUDGETS.lScrollP95Ms + BUDGETS.scrollJitterMs &&
            over < BUDGETS.lScrollOver50Share;
      out.push({
        id: 'l-scroll',
        workload: 'L',
        label: 'scroll: frame p95, share of frames > 50 ms',
        limit: `p95 ≤ ${BUDGETS.lScrollP95Ms} ms (± ${BUDGETS.scrollJitterMs} ms timer jitter), < 1 %`,
        measured: `p95 ${formatMs(p95, 1)}, ${formatPercent(over)}`,
        value: p95,
        met,
        note: scrollNote(s.scroll, s.readingScroll, l.scrollMaxFrames),
      });
    }
    for (const [name, summary] of Object.entries(s.interactions) as [
      InteractionName,
      InteractionSummary,
    ][]) {
      if (name === 'searchCleared') continue;
      const value = interactionBudgetValue(name, summary);
      out.push({
        id: `l-interaction-${name}`,
        workload: 'L',
        label: `${INTERACTION_LABELS[name]} → shown (median)`,
        limit: `≤ ${BUDGETS.lInteractionMs} ms`,
        measured: formatMs(value),
        value,
        met:
          value === null ? null : summary.errors > 0 ? false : check(value, BUDGETS.lInteractionMs),
        note:
          name === 'search'
            ? `input → shown ${formatMs(summary.total.median)} including the debounce`
            : undefined,
      });
    }
    const pvn = s.pvnOverJsonParse.median;
    out.push({
      id: 'l-validate-normalise',
      workload: 'L',
      label: 'parse + validate + normalise ÷ JSON.parse (median)',
      limit: `≤ ${BUDGETS.lValidateRatio}×`,
      measured: formatRatio(pvn),
      value: pvn,
      met: check(pvn, BUDGETS.lValidateRatio),
      note: `read strictly, as "the app's whole measure ÷ JSON.parse"; everything the app does besides JSON.parse (locating the examples for the early rows, zod, normalising: measure − JSON.parse) is ${formatRatio(s.validateOverJsonParse.median)} JSON.parse`,
    });
    const heap = s.heapOverPayload.median;
    out.push({
      id: 'l-heap',
      workload: 'L',
      label: 'JS heap after load ÷ payload JSON size (median)',
      limit: `≤ ${BUDGETS.lHeapOverPayload}×`,
      measured: `${formatRatio(heap)} (${formatBytes(s.heapUsed.median)})`,
      value: heap,
      met: check(heap, BUDGETS.lHeapOverPayload),
    });
  }
  if (m) {
    const nav = m.summary.navToFirstRow.median;
    out.push({
      id: 'm-nav-to-first-row',
      workload: 'M',
      label: 'navigation → first matrix row painted (median)',
      limit: `≤ ${formatMs(BUDGETS.mNavToFirstRowMs)}`,
      measured: formatMs(nav),
      value: nav,
      met: check(nav, BUDGETS.mNavToFirstRowMs),
    });
    out.push(
      msBudget(
        'm-nav-to-first-row-fast',
        'M',
        'navigation → first matrix row painted (median), issue 20',
        nav,
        BUDGETS.mNavToFirstRowFastMs,
      ),
    );
  }
  if (bundle) {
    out.push({
      id: 'initial-js',
      workload: 'app',
      label: 'initial JavaScript, gzip',
      limit: `≤ ${formatBytes(BUDGETS.initialJsGzipBytes)}`,
      measured: formatBytes(bundle.initialJsGzipBytes),
      value: bundle.initialJsGzipBytes,
      met: check(bundle.initialJsGzipBytes, BUDGETS.initialJsGzipBytes),
    });
    out.push({
      id: 'initial-js-target',
      workload: 'app',
      label: 'initial JavaScript, gzip (issue 20)',
      limit: `≤ ${formatBytes(BUDGETS.initialJsGzipTargetBytes)}`,
      measured: formatBytes(bundle.initialJsGzipBytes),
      value: bundle.initialJsGzipBytes,
      met: check(bundle.initialJsGzipBytes, BUDGETS.initialJsGzipTargetBytes),
    });
  }
  return out;
}
