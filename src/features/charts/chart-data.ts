import type { Group, GroupSession } from '../../api/grouped-runs/schemas';
import { formatGroupKey, formatPercentChange } from '../../lib/format';
import { sessionColor } from '../../lib/session-colors';
import type { ChartMeasure } from './chart-measures';
import { type CellValue, type ChartUnit, checkValue, NO_VALUE } from './chart-values';

/** How a bar is painted: colour is never the only cue, so secondary series carry a pattern. */
export type BarPattern = 'solid' | 'hatch' | 'dots';

export interface ChartSession {
  id: string;
  name: string;
  /** Position in the display order: the colour index shared with the matrix. */
  colorIndex: number;
  color: string;
  hidden: boolean;
}

export interface ChartGroup {
  index: number;
  /** The key as shown on the axis ("(empty string)" for ""). */
  short: string;
  /** `${metadataKey} = ${key}`, for tooltips and tables. */
  label: string;
}

export interface SeriesSpec {
  id: string;
  label: string;
  pattern: BarPattern;
}

export interface BarSpec {
  dataKey: string;
  sessionId: string;
  colorIndex: number;
  series: SeriesSpec;
  /** Bars of one session share a stack when the measure is split (prompt + completion). */
  stackId: string | undefined;
  /** Data key of the ± spread drawn as an error bar. */
  errorKey: string | null;
}

/** One category on the axis; bar values live under each BarSpec's dataKey. */
export interface ChartDatum {
  slot: string;
  groupIndex: number;
  [dataKey: string]: number | string | null;
}

export interface TableRow {
  id: string;
  groupIndex: number;
  groupLabel: string;
  sessionId: string;
  sessionName: string;
  colorIndex: number;
  /** Aligned with ChartModel.columns. */
  cells: CellValue[];
  /** Nothing arrived for this row (every value missing): the table summarises such rows. */
  empty: boolean;
}

export interface ChartModel {
  measure: ChartMeasure;
  title: string;
  unit: ChartUnit;
  /** The series the legend key explains (only those with something drawn). */
  series: SeriesSpec[];
  bars: BarSpec[];
  data: ChartDatum[];
  groups: ChartGroup[];
  columns: string[];
  rows: TableRow[];
  /** Bar positions per group, for sizing the chart. */
  slotsPerGroup: number;
  /** Why there is nothing to draw, when so. */
  notice: string | null;
  /** A 0–1 score: the value axis runs from 0 to 1 exactly. */
  unitInterval?: boolean;
}

export interface ChartInput {
  groups: Group[];
  sessions: ChartSession[];
  metadataKey: string;
  feedbackKey: string | null;
  /** The experiment latency and cost changes are measured against (null: none). */
  baselineId?: string | null;
}

/** Selected sessions in display order; names from the app, then the response, then the id. */
export function resolveSessions(
  groups: readonly Group[],
  sessionOrder: readonly string[],
  sessionNames: Readonly<Record<string, string>>,
  hiddenSessions: readonly string[],
): ChartSession[] {
  const order =
    sessionOrder.length > 0 ? sessionOrder : groups.flatMap((g) => g.sessions.map((s) => s.id));
  const hidden = new Set(hiddenSessions);
  const seen = new Set<string>();
  const out: ChartSession[] = [];
  order.forEach((id, index) => {
    if (seen.has(id)) return;
    seen.add(id);
    const fromResponse = groups.flatMap((g) => g.sessions).find((s) => s.id === id)?.name;
    out.push({
      id,
      name: sessionNames[id] ?? fromResponse ?? id,
      colorIndex: index,
      color: sessionColor(index),
      hidden: hidden.has(id),
    });
  });
  return out;
}

export function describeGroup(group: Group, index: number, metadataKey: string): ChartGroup {
  const short = formatGroupKey(group.key);
  return { index, short, label: metadataKey ? `${metadataKey} = ${short}` : short };
}

/** Keys with a numeric mean for some selected session; categorical-only keys have none. */
export function feedbackKeyOptions(
  groups: readonly Group[],
  sessionIds: readonly string[],
): string[] {
  const wanted = new Set(sessionIds);
  const keys = new Set<string>();
  for (const group of groups) {
    for (const session of group.sessions) {
      if (!wanted.has(session.id)) continue;
      for (const [key, stats] of Object.entries(session.feedback)) {
        if (stats.mean !== null && Number.isFinite(stats.mean)) keys.add(key);
      }
    }
  }
  return [...keys].sort((a, b) => a.localeCompare(b));
}

export function resolveFeedbackKey(
  options: readonly string[],
  requested: string | null,
): string | null {
  if (requested !== null && options.includes(requested)) return requested;
  return options[0] ?? null;
}

interface Reading {
  cells: CellValue[];
  bars: Record<string, number | null>;
  errors?: Record<string, number | null>;
}

interface MeasureSpec {
  unit: ChartUnit;
  title: (by: string) => string;
  columns: string[];
  series: SeriesSpec[];
  stacked: boolean;
  slotsPerSession: number;
  read: (session: GroupSession | undefined, against: Against) => Reading;
}

/** What a session's latency and cost are compared with: the baseline's, or it is the baseline. */
interface Against {
  baseline: GroupSession | undefined;
  isBaseline: boolean;
}

const ratio = (total: number | null | undefined, count: number | null | undefined) =>
  total === null || total === undefined || !count || count <= 0 ? null : total / count;

const BASELINE_CELL: CellValue = Object.freeze({ value: 0, text: 'baseline', reason: null });

/** "+14%" against the baseline's figure; "baseline" on the baseline's own row. */
function changeCell(
  value: number | null | undefined,
  reference: number | null | undefined,
  against: Against,
): CellValue {
  if (against.isBaseline) return BASELINE_CELL;
  const text = formatPercentChange(value, reference, { difference: false });
  if (!text || value === null || value === undefined || !reference) return NO_VALUE;
  return { value: value / reference - 1, text, reason: null };
}

const P50: SeriesSpec = { id: 'p50', label: 'p50', pattern: 'solid' };
const P99: SeriesSpec = { id: 'p99', label: 'p99', pattern: 'hatch' };
const PROMPT: SeriesSpec = { id: 'prompt', label: 'prompt', pattern: 'solid' };
const COMPLETION: SeriesSpec = { id: 'completion', label: 'completion', pattern: 'hatch' };
const TOTAL: SeriesSpec = { id: 'total', label: 'total (split unknown)', pattern: 'dots' };

/** Prompt + completion stacked when both are known; otherwise the total alone, never a half. */
function readSplit(
  total: number | null,
  prompt: number | null,
  completion: number | null,
  unit: ChartUnit,
): Reading {
  const t = checkValue(total, unit);
  const p = checkValue(prompt, unit);
  const c = checkValue(completion, unit);
  const split = p.value !== null && c.value !== null;
  return {
    cells: [t, p, c],
    bars: split
      ? { prompt: p.value, completion: c.value, total: null }
      : { prompt: null, completion: null, total: t.value },
  };
}

function measureSpec(
  measure: ChartMeasure,
  feedbackKey: string | null,
  withBaseline: boolean,
): MeasureSpec {
  // The change columns only when there is a baseline to compare with.
  const vs = <T>(...items: T[]): T[] => (withBaseline ? items : []);
  switch (measure) {
    case 'latency':
      return {
        unit: 'seconds',
        title: (by) => `Latency by ${by} (seconds, p50 and p99)`,
        columns: ['p50 latency', 'p99 latency', ...vs('p50 vs baseline', 'p99 vs baseline')],
        series: [P50, P99],
        stacked: false,
        slotsPerSession: 2,
        read: (s, against) => {
          const p50 = checkValue(s?.latencyP50, 'seconds');
          const p99 = checkValue(s?.latencyP99, 'seconds');
          const base = against.baseline;
          return {
            cells: [
              p50,
              p99,
              ...vs(
                changeCell(p50.value, base?.latencyP50, against),
                changeCell(p99.value, base?.latencyP99, against),
              ),
            ],
            bars: { p50: p50.value, p99: p99.value },
          };
        },
      };
    case 'cost':
      return {
        unit: 'usd',
        title: (by) => `Cost by ${by} (USD, prompt and completion)`,
        columns: [
          'Total cost',
          'Prompt cost',
          'Completion cost',
          'Runs',
          'Cost per run',
          'Cost per example',
          ...vs('Per run vs baseline'),
        ],
        series: [PROMPT, COMPLETION, TOTAL],
        stacked: true,
        slotsPerSession: 1,
        read: (s, against) => {
          const split = readSplit(
            s?.totalCost ?? null,
            s?.promptCost ?? null,
            s?.completionCost ?? null,
            'usd',
          );
          // Totals add up over different run counts: per run and per example compare.
          const total = split.cells[0]?.value ?? null;
          const perRun = ratio(total, s?.runCount);
          const base = against.baseline;
          return {
            ...split,
            cells: [
              ...split.cells,
              checkValue(s?.runCount, 'count'),
              checkValue(perRun, 'usd'),
              checkValue(ratio(total, s?.exampleCount), 'usd'),
              ...vs(changeCell(perRun, ratio(base?.totalCost, base?.runCount), against)),
            ],
          };
        },
      };
    case 'errors':
      return {
        unit: 'fraction',
        title: (by) => `Error rate by ${by} (percent of runs)`,
        columns: ['Error rate', 'Runs'],
        series: [{ id: 'rate', label: 'error rate', pattern: 'solid' }],
        stacked: false,
        slotsPerSession: 1,
        read: (s) => {
          const rate = checkValue(s?.errorRate, 'fraction');
          return { cells: [rate, checkValue(s?.runCount, 'count')], bars: { rate: rate.value } };
        },
      };
    case 'tokens':
      return {
        unit: 'count',
        title: (by) => `Tokens by ${by} (prompt and completion)`,
        columns: ['Total tokens', 'Prompt tokens', 'Completion tokens'],
        series: [PROMPT, COMPLETION, TOTAL],
        stacked: true,
        slotsPerSession: 1,
        read: (s) =>
          readSplit(
            s?.totalTokens ?? null,
            s?.promptTokens ?? null,
            s?.completionTokens ?? null,
            'count',
          ),
      };
    case 'feedback':
      return {
        unit: 'score',
        title: (by) =>
          feedbackKey === null
            ? `Feedback by ${by} (no numeric feedback scores)`
            : `Feedback "${feedbackKey}" by ${by} (mean score, whiskers ±1 stdev)`,
        columns: ['Mean score', 'Stdev', 'n'],
        series: [{ id: 'mean', label: 'mean score', pattern: 'solid' }],
        stacked: false,
        slotsPerSession: 1,
        read: (s) => readFeedback(s, feedbackKey),
      };
  }
}

function readFeedback(session: GroupSession | undefined, key: string | null): Reading {
  const stats = key === null ? undefined : session?.feedback[key];
  if (!stats) return { cells: [NO_VALUE, NO_VALUE, NO_VALUE], bars: { mean: null } };
  // Scores may legitimately be negative; a spread may not.
  let mean = checkValue(stats.mean, 'score', { allowNegative: true });
  if (stats.mean === null && stats.kind === 'categorical') {
    mean = { ...mean, reason: 'categorical feedback has no mean score' };
  } else if (stats.mean === null && stats.kind === 'comment') {
    mean = { ...mean, reason: 'comments only, no score' };
  }
  const stdev = checkValue(stats.stdev, 'score');
  return {
    cells: [mean, stdev, checkValue(stats.n, 'count')],
    bars: { mean: mean.value },
    errors: { mean: mean.value === null ? null : stdev.value },
  };
}

/** Response -> one measure's bars, data and table rows; hidden sessions are left out of both. */
export function buildChartModel(measure: ChartMeasure, input: ChartInput): ChartModel {
  const baselineId = input.baselineId ?? null;
  const anyBaseline = input.groups.flatMap((g) => g.sessions).find((s) => s.id === baselineId);
  const spec = measureSpec(measure, input.feedbackKey, anyBaseline !== undefined);
  const visible = input.sessions.filter((s) => !s.hidden);
  const groups = input.groups.map((g, i) => describeGroup(g, i, input.metadataKey));
  const used = new Set<string>();
  const data: ChartDatum[] = [];
  const rows: TableRow[] = [];

  input.groups.forEach((group, groupIndex) => {
    const datum: ChartDatum = { slot: String(groupIndex), groupIndex };
    const groupLabel = groups[groupIndex]?.label ?? '';
    // The baseline in this group when it ran there (example metadata), else where it ran.
    const baseline = group.sessions.find((s) => s.id === baselineId) ?? anyBaseline;
    for (const session of visible) {
      const against = { baseline, isBaseline: session.id === baselineId };
      const reading = spec.read(
        group.sessions.find((s) => s.id === session.id),
        against,
      );
      for (const series of spec.series) {
        const value = reading.bars[series.id] ?? null;
        datum[dataKeyOf(session, series)] = value;
        if (value !== null) used.add(series.id);
        const spread = reading.errors?.[series.id];
        if (spread !== undefined) datum[errorKeyOf(session, series)] = spread;
      }
      rows.push({
        id: `${groupIndex}:${session.id}`,
        groupIndex,
        groupLabel,
        sessionId: session.id,
        sessionName: session.name,
        colorIndex: session.colorIndex,
        cells: reading.cells,
        empty: reading.cells.every(
          (c) => c === BASELINE_CELL || (c.value === null && c.reason === null),
        ),
      });
    }
    data.push(datum);
  });

  // Scores on 0–1 keep a 0–1 axis: ±1 stdev whiskers would push it past 1 (to 1.5) for
  // values that cannot be there. Their stdev is in the tooltip and the table instead.
  const unitScores =
    measure === 'feedback' &&
    rows.every((r) => {
      const mean = r.cells[0]?.value;
      return mean === null || mean === undefined || (mean >= 0 && mean <= 1);
    });
  const whiskers = measure === 'feedback' && !unitScores;
  const bars: BarSpec[] = visible.flatMap((session) =>
    spec.series.map((series) => ({
      dataKey: dataKeyOf(session, series),
      sessionId: session.id,
      colorIndex: session.colorIndex,
      series,
      stackId: spec.stacked ? `s${session.colorIndex}` : undefined,
      errorKey: whiskers ? errorKeyOf(session, series) : null,
    })),
  );

  return {
    measure,
    title:
      unitScores && input.feedbackKey !== null
        ? `Feedback "${input.feedbackKey}" by ${input.metadataKey || 'group'} (mean score on 0–1; stdev in the tooltip and table)`
        : spec.title(input.metadataKey || 'group'),
    unit: spec.unit,
    series: spec.series.filter((s) => used.has(s.id)),
    bars,
    data,
    groups,
    columns: spec.columns,
    rows,
    slotsPerGroup: visible.length * spec.slotsPerSession,
    notice: noticeFor(measure, input, visible.length, used.size > 0),
    unitInterval: unitScores,
  };
}

function noticeFor(
  measure: ChartMeasure,
  input: ChartInput,
  visibleCount: number,
  anythingDrawn: boolean,
): string | null {
  if (input.groups.length === 0) return 'No groups to chart.';
  if (input.sessions.length > 0 && visibleCount === 0) {
    return 'Every session is hidden: use the legend to show one.';
  }
  if (measure === 'feedback' && input.feedbackKey === null) {
    return 'No numeric feedback scores in these groups.';
  }
  if (!anythingDrawn) return 'No data for this measure yet: every value is missing.';
  return null;
}

// Keys are built from the colour index, not the id: recharts reads dotted keys as paths.
function dataKeyOf(session: ChartSession, series: SeriesSpec): string {
  return `s${session.colorIndex}_${series.id}`;
}

function errorKeyOf(session: ChartSession, series: SeriesSpec): string {
  return `s${session.colorIndex}_${series.id}_err`;
}
