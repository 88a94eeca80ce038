import { GROUP_BY_VALUES, type GroupBy } from '../api/grouped-runs/request';
import { CHART_MEASURES, type ChartMeasure } from '../features/charts/chart-measures';
import { EMPTY_FILTER } from '../features/matrix/model/sort-filter';
import type { FilterSpec, MatrixSettings } from '../features/matrix/model/types';
import { type BoardSort, columnParam } from '../features/scoreboard/board-columns';
import type { TradeoffAxis } from '../features/scoreboard/tradeoff-axes';
import { isGuid } from '../lib/ids';
import { plural, pluralWord } from '../lib/plural';
import { ADJUST_METHODS, type AdjustMethod } from '../lib/statistics/adjust';
import { truncate } from '../lib/text';
import { readBoard } from './board-params';
import { MAX_KEY_LENGTH, parseRange, parseSort, serializeSort } from './matrix-params';

/**
 * The URL contract: one place that names every parameter, its default and how a bad value
 * falls back. `parseView` never throws; whatever it ignores it says in `notices`.
 * Defaults are left out of the URL; list parameters of free-text keys repeat the parameter
 * (`flip=a&flip=b`) so that keys may contain any character.
 *
 *   ?dataset=<uuid>&sessions=<uuid>,<uuid>&groupBy=run_metadata&key=model
 */
export const PARAMS = {
  dataset: 'dataset',
  sessions: 'sessions',
  groupBy: 'groupBy',
  key: 'key',
  baseline: 'baseline',
  example: 'example',
  sort: 'sort',
  q: 'q',
  only: 'only',
  onlyKey: 'onlyKey',
  onlySession: 'onlySession',
  range: 'range',
  hide: 'hide',
  hideKey: 'hideKey',
  metrics: 'metrics',
  flip: 'flip',
  page: 'page',
  pageSize: 'pageSize',
  chart: 'chart',
  chartKey: 'chartKey',
  group: 'group',
  stats: 'stats',
  statsKey: 'statsKey',
  cluster: 'cluster',
  adjust: 'adjust',
  sliceBy: 'sliceBy',
  all: 'all',
  board: 'board',
  boardGroups: 'boardGroups',
  tradeoff: 'tradeoff',
  live: 'live',
} as const;

export const MAX_SESSIONS = 20;
export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 10_000;
export const MAX_QUERY_LENGTH = 500;
const MAX_LIST = 200;
const ONLY_VALUES = ['regressions', 'improvements', 'errors'] as const;

/** The view a link reproduces. The matrix's own fields (sort, filters, hidden…) are MatrixSettings. */
export interface ViewState extends MatrixSettings {
  dataset: string | null;
  /** Experiment ids in display order; the first is the default baseline. */
  sessions: string[];
  groupBy: GroupBy;
  /** The metadata key to group by; '' until chosen. */
  key: string;
  /** Baseline experiment; null means the first of `sessions`. */
  baseline: string | null;
  /** The example open in the detail panel. */
  example: string | null;
  /** 1-based server page. */
  page: number;
  /** Examples per group and server page. */
  pageSize: number;
  /** Every page is loaded ("Load all", `all=1`), from the first, `pageSize` first. */
  all: boolean;
  /** The chart measure shown. */
  chart: ChartMeasure;
  /** The feedback key of the feedback chart; null means the first numeric key. */
  chartKey: string | null;
  /** Show only this group (its key as text), e.g. after clicking a bar. */
  group: string | null;
  /** The statistics panel is open. */
  statsOpen: boolean;
  /** The key the statistics panel shows; null means the first. */
  statsKey: string | null;
  /** The statistics panel shows slices by an example-metadata value (`stats=slices`). */
  statsSlices: boolean;
  /** Example-metadata key whose values cluster the examples; null = no clustering. */
  cluster: string | null;
  /** How p-values are adjusted across every test in the view. */
  adjust: AdjustMethod;
  /** Example-metadata key the slices split by; null means the first that fits. */
  sliceBy: string | null;
  /** The scoreboard's sort; null keeps the display order. */
  board: BoardSort | null;
  /** The scoreboard shows one block per group. */
  boardGroups: boolean;
  /** The x axis of "Quality vs cost". */
  tradeoff: TradeoffAxis;
  /** Refetch while an experiment is still running (`live=off` turns it off). */
  live: boolean;
}

export const DEFAULT_VIEW: ViewState = {
  dataset: null,
  sessions: [],
  groupBy: 'run_metadata',
  key: '',
  baseline: null,
  example: null,
  sort: null,
  filter: EMPTY_FILTER,
  hidden: [],
  hiddenKeys: [],
  metrics: true,
  flipped: [],
  page: 1,
  pageSize: DEFAULT_PAGE_SIZE,
  all: false,
  chart: 'latency',
  chartKey: null,
  group: null,
  statsOpen: false,
  statsKey: null,
  statsSlices: false,
  cluster: null,
  adjust: 'holm',
  sliceBy: null,
  board: null,
  boardGroups: false,
  tradeoff: 'cost',
  live: true,
};

export interface ParsedView {
  view: ViewState;
  notices: string[];
}

function shorten(value: string, max = 40): string {
  return truncate(value.replace(/\s+/g, ' '), max);
}

export function parseView(search: string): ParsedView {
  const params = new URLSearchParams(search);
  const notices: string[] = [];
  const known = new Set<string>(Object.values(PARAMS));

  // A single-valued parameter given more than once is read from its first value; which one
  // was used (or that it could not be) is said once the whole link is read.
  const repeated = new Map<string, string[]>();
  const unused = new Set<string>();
  const single = (name: string): string | null => {
    const all = params.getAll(name);
    if (all.length > 1) repeated.set(name, all);
    return all[0] ?? null;
  };
  const ignore = (name: string, notice: string) => {
    unused.add(name);
    notices.push(notice);
  };
  const many = (name: string): string[] => {
    const all = params.getAll(name).filter((v) => v !== '');
    if (all.length > MAX_LIST)
      notices.push(`Only the first ${MAX_LIST} "${name}" values were used.`);
    return [...new Set(all.slice(0, MAX_LIST))];
  };

  const view: ViewState = { ...DEFAULT_VIEW, filter: { ...EMPTY_FILTER, ranges: [] } };

  const dataset = single(PARAMS.dataset)?.trim();
  if (dataset) {
    if (isGuid(dataset)) view.dataset = dataset.toLowerCase();
    else ignore(PARAMS.dataset, `Ignored dataset "${shorten(dataset)}": not a valid id.`);
  }

  const sessions = single(PARAMS.sessions);
  view.sessions = readSessions(sessions, view.dataset !== null, notices);
  if (sessions?.trim() && view.sessions.length === 0) unused.add(PARAMS.sessions);

  const groupBy = single(PARAMS.groupBy);
  if (groupBy !== null) {
    if ((GROUP_BY_VALUES as readonly string[]).includes(groupBy)) view.groupBy = groupBy as GroupBy;
    else
      ignore(
        PARAMS.groupBy,
        `Ignored groupBy "${shorten(groupBy)}": use run_metadata or example_metadata.`,
      );
  }

  const key = single(PARAMS.key);
  if (key !== null) {
    const trimmed = key.trim();
    if (trimmed.length > MAX_KEY_LENGTH) {
      ignore(PARAMS.key, `Ignored a metadata key longer than ${MAX_KEY_LENGTH} characters.`);
    } else view.key = trimmed;
  }

  const baseline = single(PARAMS.baseline)?.trim().toLowerCase();
  if (baseline) {
    if (view.sessions.includes(baseline))
      view.baseline = baseline === view.sessions[0] ? null : baseline;
    else
      ignore(PARAMS.baseline, 'Ignored the baseline: it is not one of the compared experiments.');
  }

  const example = single(PARAMS.example)?.trim();
  if (example) {
    if (isGuid(example)) view.example = example.toLowerCase();
    else ignore(PARAMS.example, `Ignored example "${shorten(example)}": not a valid id.`);
  }

  const sort = single(PARAMS.sort);
  if (sort) {
    const parsed = parseSort(sort, view.sessions);
    if (parsed) view.sort = parsed;
    else ignore(PARAMS.sort, `Ignored sort "${shorten(sort)}".`);
  }

  const q = single(PARAMS.q);
  if (q) {
    if (q.length > MAX_QUERY_LENGTH)
      notices.push(`The search text was cut to ${MAX_QUERY_LENGTH} characters.`);
    view.filter.text = q.slice(0, MAX_QUERY_LENGTH);
  }

  const only = single(PARAMS.only);
  if (only) {
    if ((ONLY_VALUES as readonly string[]).includes(only)) {
      view.filter.only = only as FilterSpec['only'];
    } else
      ignore(
        PARAMS.only,
        `Ignored only "${shorten(only)}": use regressions, improvements or errors.`,
      );
  }
  const onlyKey = single(PARAMS.onlyKey);
  if (onlyKey && view.filter.only && view.filter.only !== 'errors') {
    view.filter.onlyKey = onlyKey.slice(0, MAX_KEY_LENGTH);
  } else unused.add(PARAMS.onlyKey);
  const onlySession = single(PARAMS.onlySession)?.trim().toLowerCase();
  if (onlySession) readOnlySession(onlySession, view, notices);
  if (onlySession && !view.filter.onlySession) unused.add(PARAMS.onlySession);

  for (const raw of many(PARAMS.range)) {
    const range = parseRange(raw);
    if (range) view.filter.ranges.push(range);
    else notices.push(`Ignored range "${shorten(raw)}": use min:max:key.`);
  }

  const hide = single(PARAMS.hide);
  if (hide) {
    const ids = hide.split(',').map((s) => s.trim().toLowerCase());
    view.hidden = [...new Set(ids.filter((id) => view.sessions.includes(id)))];
    const ignored = ids.length - view.hidden.length;
    if (view.hidden.length === 0) unused.add(PARAMS.hide);
    if (ignored > 0)
      notices.push(`Ignored ${plural(ignored, 'hidden experiment')} not being compared.`);
  }

  view.hiddenKeys = many(PARAMS.hideKey).map((k) => k.slice(0, MAX_KEY_LENGTH));
  view.flipped = many(PARAMS.flip).map((k) => k.slice(0, MAX_KEY_LENGTH));

  const metrics = single(PARAMS.metrics);
  if (metrics !== null) {
    if (metrics === 'off') view.metrics = false;
    else if (metrics !== 'on')
      ignore(PARAMS.metrics, `Ignored metrics "${shorten(metrics)}": use on or off.`);
  }

  const page = single(PARAMS.page);
  if (page !== null) {
    const n = Number(page);
    if (Number.isInteger(n) && n >= 1 && n <= 1_000_000) view.page = n;
    else ignore(PARAMS.page, `Ignored page "${shorten(page)}": pages are numbered from 1.`);
  }

  const pageSize = single(PARAMS.pageSize);
  if (pageSize !== null) {
    const n = Number(pageSize);
    if (Number.isInteger(n) && n >= 1 && n <= MAX_PAGE_SIZE) view.pageSize = n;
    else
      ignore(
        PARAMS.pageSize,
        `Ignored pageSize "${shorten(pageSize)}": use 1 to ${MAX_PAGE_SIZE}.`,
      );
  }

  const all = single(PARAMS.all);
  if (all !== null) {
    if (all === '1') view.all = true;
    else if (all !== '0')
      ignore(PARAMS.all, `Ignored all "${shorten(all)}": use 1 to load every page.`);
  }

  const chart = single(PARAMS.chart);
  if (chart !== null) {
    if ((CHART_MEASURES as readonly string[]).includes(chart)) view.chart = chart as ChartMeasure;
    else
      ignore(PARAMS.chart, `Ignored chart "${shorten(chart)}": use ${CHART_MEASURES.join(', ')}.`);
  }
  const chartKey = single(PARAMS.chartKey);
  if (chartKey) view.chartKey = chartKey.slice(0, MAX_KEY_LENGTH);
  const group = single(PARAMS.group);
  if (group !== null) view.group = group.slice(0, MAX_KEY_LENGTH);

  const stats = single(PARAMS.stats);
  if (stats !== null) {
    if (stats === 'open' || stats === 'slices') {
      view.statsOpen = true;
      view.statsSlices = stats === 'slices';
    } else if (stats !== 'closed')
      ignore(PARAMS.stats, `Ignored stats "${shorten(stats)}": use open or slices.`);
  }
  const statsKey = single(PARAMS.statsKey);
  if (statsKey) view.statsKey = statsKey.slice(0, MAX_KEY_LENGTH);
  const cluster = single(PARAMS.cluster);
  if (cluster) view.cluster = cluster.slice(0, MAX_KEY_LENGTH);
  const adjust = single(PARAMS.adjust);
  if (adjust !== null) {
    if ((ADJUST_METHODS as readonly string[]).includes(adjust))
      view.adjust = adjust as AdjustMethod;
    else ignore(PARAMS.adjust, `Ignored adjust "${shorten(adjust)}": use holm, bh or none.`);
  }
  const live = single(PARAMS.live);
  if (live !== null) {
    if (live === 'off') view.live = false;
    else if (live !== 'on') ignore(PARAMS.live, `Ignored live "${shorten(live)}": use on or off.`);
  }
  const sliceBy = single(PARAMS.sliceBy);
  if (sliceBy) view.sliceBy = sliceBy.slice(0, MAX_KEY_LENGTH);
  readBoard(single, ignore, view, shorten);

  for (const [name, all] of repeated) notices.push(describeRepeat(name, all, unused.has(name)));

  const unknown = [...new Set([...params.keys()].filter((name) => !known.has(name)))];
  if (unknown.length > 0) {
    const listed = unknown.slice(0, 5).map((name) => `"${shorten(name, 24)}"`);
    notices.push(
      `Ignored unknown ${pluralWord(unknown.length, 'parameter')} ${listed.join(', ')}${unknown.length > 5 ? ` and ${unknown.length - 5} more` : ''}.`,
    );
  }

  return { view, notices };
}

/** Which of a repeated parameter's values was used: the first, or none when it could not be. */
function describeRepeat(name: string, all: string[], unused: boolean): string {
  const given = `"${name}" appeared ${all.length} times`;
  const first = all[0] ?? '';
  if (first.trim() === '') return `${given}; the first was empty, so none was used.`;
  return unused
    ? `${given}; none was used: only the first, "${shorten(first)}", was read, and it could not be used.`
    : `${given}; the first, "${shorten(first)}", was used and the others ignored.`;
}

function readSessions(raw: string | null, hasDataset: boolean, notices: string[]): string[] {
  if (!raw) return [];
  const ids = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = ids.filter((s) => !isGuid(s));
  if (bad.length > 0) {
    notices.push(
      `Ignored ${plural(bad.length, 'experiment id')} that ${pluralWord(bad.length, 'is', 'are')} not valid: ${bad
        .slice(0, 3)
        .map((b) => `"${shorten(b, 24)}"`)
        .join(', ')}${bad.length > 3 ? ', …' : ''}.`,
    );
  }
  const valid = [...new Set(ids.filter(isGuid).map((s) => s.toLowerCase()))];
  if (valid.length < ids.length - bad.length) notices.push('Repeated experiment ids were merged.');
  if (!hasDataset && valid.length > 0) {
    notices.push('Ignored the experiments: choose a dataset first.');
    return [];
  }
  if (valid.length > MAX_SESSIONS) {
    notices.push(`Only the first ${MAX_SESSIONS} of ${valid.length} experiments are compared.`);
  }
  return valid.slice(0, MAX_SESSIONS);
}

/** The one experiment whose regressions or improvements are shown (a column header's ▼N / ▲N). */
function readOnlySession(id: string, view: ViewState, notices: string[]) {
  const ignored = (why: string) => notices.push(`Ignored onlySession: ${why}.`);
  if (!isGuid(id)) ignored(`"${shorten(id, 24)}" is not a valid id`);
  else if (!view.sessions.includes(id)) ignored('it is not one of the compared experiments');
  else if (view.filter.only !== 'regressions' && view.filter.only !== 'improvements')
    ignored('it goes with only=regressions or only=improvements');
  else if (id === effectiveBaseline(view))
    ignored('it is the baseline, which has nothing to be compared with');
  else view.filter.onlySession = id;
}

/** Canonical, readable query string: fixed order, defaults dropped, commas left as commas. */
export function serializeView(view: ViewState): string {
  const parts: string[] = [];
  const add = (name: string, value: string) => parts.push(`${name}=${encodeURIComponent(value)}`);
  if (!view.dataset) return '';
  add(PARAMS.dataset, view.dataset);
  if (view.sessions.length > 0) parts.push(`${PARAMS.sessions}=${view.sessions.join(',')}`);
  add(PARAMS.groupBy, view.groupBy);
  if (view.key) add(PARAMS.key, view.key);
  if (
    view.baseline &&
    view.baseline !== view.sessions[0] &&
    view.sessions.includes(view.baseline)
  ) {
    add(PARAMS.baseline, view.baseline);
  }
  if (view.sort) add(PARAMS.sort, serializeSort(view.sort));
  if (view.filter.text) add(PARAMS.q, view.filter.text);
  if (view.filter.only) {
    add(PARAMS.only, view.filter.only);
    if (view.filter.onlyKey && view.filter.only !== 'errors')
      add(PARAMS.onlyKey, view.filter.onlyKey);
    const candidate = view.filter.onlySession;
    if (candidate && view.filter.only !== 'errors' && view.sessions.includes(candidate))
      add(PARAMS.onlySession, candidate);
  }
  for (const r of view.filter.ranges) add(PARAMS.range, `${r.min ?? ''}:${r.max ?? ''}:${r.key}`);
  const hidden = view.hidden.filter((id) => view.sessions.includes(id));
  if (hidden.length > 0) parts.push(`${PARAMS.hide}=${hidden.join(',')}`);
  for (const k of view.hiddenKeys) add(PARAMS.hideKey, k);
  if (!view.metrics) add(PARAMS.metrics, 'off');
  for (const k of view.flipped) add(PARAMS.flip, k);
  if (view.page > 1 && !view.all) add(PARAMS.page, String(view.page));
  if (view.pageSize !== DEFAULT_PAGE_SIZE) add(PARAMS.pageSize, String(view.pageSize));
  if (view.all) add(PARAMS.all, '1');
  if (view.chart !== DEFAULT_VIEW.chart) add(PARAMS.chart, view.chart);
  if (view.chartKey) add(PARAMS.chartKey, view.chartKey);
  if (view.group !== null) add(PARAMS.group, view.group);
  if (view.statsOpen) add(PARAMS.stats, view.statsSlices ? 'slices' : 'open');
  if (view.statsKey) add(PARAMS.statsKey, view.statsKey);
  if (view.cluster) add(PARAMS.cluster, view.cluster);
  if (view.adjust !== DEFAULT_VIEW.adjust) add(PARAMS.adjust, view.adjust);
  if (view.sliceBy) add(PARAMS.sliceBy, view.sliceBy);
  if (view.board) add(PARAMS.board, columnParam(view.board.column, view.board.dir));
  if (view.boardGroups) add(PARAMS.boardGroups, 'on');
  if (view.tradeoff !== DEFAULT_VIEW.tradeoff) add(PARAMS.tradeoff, view.tradeoff);
  if (!view.live) add(PARAMS.live, 'off');
  if (view.example) add(PARAMS.example, view.example);
  return `?${parts.join('&')}`;
}

/** A complete choice: enough to ask the server for the grouped comparison. */
export function isComplete(view: ViewState): view is ViewState & { dataset: string } {
  return view.dataset !== null && view.sessions.length > 0 && view.key !== '';
}

/** The baseline in effect: the chosen one, else the first experiment. */
export function effectiveBaseline(view: ViewState): string | null {
  return view.baseline ?? view.sessions[0] ?? null;
}
