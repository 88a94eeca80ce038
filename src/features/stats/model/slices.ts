/**
 * Slices: the paired difference of each session against the baseline within each group of
 * an example-metadata value (topic, difficulty, …), with its interval, and a note where a
 * session helps in one group and hurts in another.
 */

import { lazyValue } from '../../../lib/lazy-value';
import { chiSquareSf } from '../../../lib/statistics/distributions';
import { finite, pairedClusterLabels } from './compare-pair';
import { estimateMean } from './mean-estimate';
import { resolveKind } from './paired-stats';
import type { Direction, ExampleLabels, IntervalInfo, StatsInput, StatsOptions } from './types';

/** More groups than this would make the plot unreadable: the largest ones are kept. */
export const MAX_SLICE_GROUPS = 30;
export const NO_VALUE_GROUP = '(no value)';

export interface SliceGroup {
  name: string;
  /** Examples in the group (whatever their scores). */
  examples: number;
}

export interface SliceCell {
  group: string;
  sessionId: string;
  name: string;
  /** Paired examples in the group. */
  n: number;
  meanDiff: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  se: number | null;
  interval: IntervalInfo | null;
}

export interface Heterogeneity {
  sessionId: string;
  name: string;
  /** Groups whose whole interval lies on the improving side, and on the worsening side. */
  helps: string[];
  hurts: string[];
  /** Groups whose point estimates point each way, interval or not. */
  upGroups: string[];
  downGroups: string[];
  /** Cochran's Q across the groups with a standard error, its df and p-value. */
  q: number | null;
  df: number | null;
  qP: number | null;
}

export interface SliceStats {
  key: string;
  sliceKey: string;
  kind: 'numeric' | 'binary' | 'metric';
  direction: Direction;
  baselineName: string;
  groups: SliceGroup[];
  /** Group by group, sessions in input order within each. */
  cells: SliceCell[];
  heterogeneity: Heterogeneity[];
  /** Groups beyond MAX_SLICE_GROUPS, left out. */
  leftOut: number;
}

function groupMembers(slices: ExampleLabels, exampleCount: number): Map<string, number[]> {
  const members = new Map<string, number[]>();
  for (let i = 0; i < exampleCount; i++) {
    const at = slices.index[i] ?? -1;
    const name = at >= 0 ? (slices.names[at] ?? NO_VALUE_GROUP) : NO_VALUE_GROUP;
    let list = members.get(name);
    if (!list) {
      list = [];
      members.set(name, list);
    }
    list.push(i);
  }
  return members;
}

const collator = lazyValue(() => new Intl.Collator('en', { numeric: true }));

function cellFor(
  input: StatsInput,
  session: StatsInput['others'][number],
  group: string,
  members: readonly number[],
  options: StatsOptions,
): SliceCell {
  const base = input.baseline.values;
  const cand = session.values;
  const diffs = new Float64Array(members.length);
  const examples = new Int32Array(members.length);
  let n = 0;
  for (const i of members) {
    const a = base[i];
    const b = cand[i];
    if (!finite(a) || !finite(b)) continue;
    diffs[n] = b - a;
    examples[n++] = i;
  }
  const paired = diffs.subarray(0, n);
  const clusters = options.clusters
    ? pairedClusterLabels(options.clusters, examples.subarray(0, n))
    : null;
  const estimate = estimateMean(paired, clusters, options);
  let meanDiff: number | null = null;
  if (n > 0) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += paired[i] as number;
    meanDiff = Number.isFinite(sum / n) ? sum / n : null;
  }
  return {
    group,
    sessionId: session.sessionId,
    name: session.name,
    n,
    meanDiff,
    ciLow: estimate?.interval?.low ?? null,
    ciHigh: estimate?.interval?.high ?? null,
    se: estimate?.se ?? null,
    interval: estimate?.interval ? estimate.info : null,
  };
}

/** Cochran's Q: do the groups' differences disagree more than their standard errors allow? */
function cochranQ(cells: readonly SliceCell[]): { q: number; df: number; p: number } | null {
  const usable = cells.filter(
    (c): c is SliceCell & { meanDiff: number; se: number } =>
      c.meanDiff !== null && c.se !== null && c.se > 0,
  );
  if (usable.length < 2) return null;
  let wSum = 0;
  let wdSum = 0;
  for (const c of usable) {
    const w = 1 / (c.se * c.se);
    wSum += w;
    wdSum += w * c.meanDiff;
  }
  const pooled = wdSum / wSum;
  let q = 0;
  for (const c of usable) q += (c.meanDiff - pooled) ** 2 / (c.se * c.se);
  const df = usable.length - 1;
  return Number.isFinite(q) ? { q, df, p: chiSquareSf(q, df) } : null;
}

function heterogeneity(
  session: StatsInput['others'][number],
  cells: readonly SliceCell[],
  direction: Direction,
): Heterogeneity {
  const better = (x: number) => (direction === 'higher' ? x > 0 : x < 0);
  const worse = (x: number) => (direction === 'higher' ? x < 0 : x > 0);
  const mine = cells.filter((c) => c.sessionId === session.sessionId);
  const q = cochranQ(mine);
  return {
    sessionId: session.sessionId,
    name: session.name,
    helps: mine
      .filter((c) => c.ciLow !== null && c.ciHigh !== null && better(c.ciLow) && better(c.ciHigh))
      .map((c) => c.group),
    hurts: mine
      .filter((c) => c.ciLow !== null && c.ciHigh !== null && worse(c.ciLow) && worse(c.ciHigh))
      .map((c) => c.group),
    upGroups: mine.filter((c) => c.meanDiff !== null && better(c.meanDiff)).map((c) => c.group),
    downGroups: mine.filter((c) => c.meanDiff !== null && worse(c.meanDiff)).map((c) => c.group),
    q: q?.q ?? null,
    df: q?.df ?? null,
    qP: q?.p ?? null,
  };
}

/** Slices of one key; null for categorical keys (they have no paired difference). */
export function computeSlices(
  input: StatsInput,
  slices: ExampleLabels,
  options: StatsOptions = {},
): SliceStats | null {
  const kind = resolveKind(input);
  if (kind === 'categorical') return null;
  const length = Math.max(
    input.baseline.values.length,
    ...input.others.map((o) => o.values.length),
  );
  const members = groupMembers(slices, length);
  const ordered = [...members.entries()].sort(
    ([a], [b]) =>
      Number(a === NO_VALUE_GROUP) - Number(b === NO_VALUE_GROUP) || collator().compare(a, b),
  );
  const kept = [...ordered]
    .sort((a, b) => b[1].length - a[1].length)
    .slice(0, MAX_SLICE_GROUPS)
    .map(([name]) => name);
  const keptSet = new Set(kept);
  const groups = ordered.filter(([name]) => keptSet.has(name));
  const cells: SliceCell[] = [];
  for (const [name, list] of groups) {
    for (const session of input.others) cells.push(cellFor(input, session, name, list, options));
  }
  return {
    key: input.key,
    sliceKey: slices.key,
    kind,
    direction: input.direction,
    baselineName: input.baseline.name,
    groups: groups.map(([name, list]) => ({ name, examples: list.length })),
    cells,
    heterogeneity: input.others.map((s) => heterogeneity(s, cells, input.direction)),
    leftOut: ordered.length - groups.length,
  };
}
