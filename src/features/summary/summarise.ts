import type { FeedbackKeyStats } from '../../api/feedback-stats';
import type { Group } from '../../api/grouped-runs/schemas';
import {
  formatCost,
  formatCount,
  formatGroupKey,
  formatPercent,
  formatPercentChange,
  formatScore,
  formatSeconds,
} from '../../lib/format';
import { plural } from '../../lib/plural';

export interface SummaryMetric {
  label: string;
  value: string;
  /** The change against the baseline experiment ("+14% vs baseline"), or null. */
  change: string | null;
}

export interface SummaryCard {
  id: string;
  title: string;
  /** The group holds the baseline experiment and nothing else: its figures are the reference. */
  baseline: boolean;
  metrics: SummaryMetric[];
  feedback: { key: string; value: string }[];
}

/** What a card's latency and per-run / per-example cost are compared with. */
interface Reference {
  latencyP50: number | null;
  latencyP99: number | null;
  costPerRun: number | null;
  costPerExample: number | null;
}

function ratio(total: number | null, count: number | null): number | null {
  return total === null || count === null || count <= 0 ? null : total / count;
}

/**
 * The baseline experiment's own figures: in this group when it ran there (example-metadata
 * groups each hold every experiment), else in the first group that has it.
 */
export function baselineReference(
  groups: readonly Group[],
  group: Group,
  baselineId: string | null,
): Reference | null {
  if (baselineId === null) return null;
  const session =
    group.sessions.find((s) => s.id === baselineId) ??
    groups.flatMap((g) => g.sessions).find((s) => s.id === baselineId);
  if (!session) return null;
  return {
    latencyP50: session.latencyP50,
    latencyP99: session.latencyP99,
    costPerRun: ratio(session.totalCost, session.runCount),
    costPerExample: ratio(session.totalCost, session.exampleCount),
  };
}

function versus(value: number | null, reference: number | null | undefined): string | null {
  const change = formatPercentChange(value, reference, { difference: false });
  return change ? `${change} vs baseline` : null;
}

/**
 * A group's aggregates as the card shows them: the server's numbers, formatted with units.
 * Totals add up over different run counts (two experiments in a group run twice as often),
 * so cost also reads per run and per example, and latency and those costs say how they
 * compare with the baseline experiment's.
 */
export function summariseGroup(
  group: Group,
  metadataKey: string,
  index: number,
  context: { groups?: readonly Group[]; baselineId?: string | null } = {},
): SummaryCard {
  const s = group.stats;
  const baselineId = context.baselineId ?? null;
  const baseline =
    baselineId !== null && group.sessions.length === 1 && group.sessions[0]?.id === baselineId;
  const reference = baseline
    ? null
    : baselineReference(context.groups ?? [group], group, baselineId);
  const perRun = ratio(s.totalCost, s.runCount);
  const perExample = ratio(s.totalCost, group.exampleCount);
  const metric = (label: string, value: string, change: string | null = null) => ({
    label,
    value,
    change,
  });
  return {
    id: `${index}:${String(group.key)}`,
    title: `${metadataKey} = ${formatGroupKey(group.key)}`,
    baseline,
    metrics: [
      metric('Examples', formatCount(group.exampleCount)),
      metric('Runs', formatCount(s.runCount)),
      metric('Error rate', formatPercent(s.errorRate)),
      metric(
        'Latency p50',
        formatSeconds(s.latencyP50),
        versus(s.latencyP50, reference?.latencyP50),
      ),
      metric(
        'Latency p99',
        formatSeconds(s.latencyP99),
        versus(s.latencyP99, reference?.latencyP99),
      ),
      metric('Cost (total)', formatCost(s.totalCost)),
      metric('Cost per run', formatCost(perRun), versus(perRun, reference?.costPerRun)),
      metric(
        'Cost per example',
        formatCost(perExample),
        versus(perExample, reference?.costPerExample),
      ),
    ],
    feedback: Object.entries(s.feedback)
      .map(([key, stats]) => ({ key, value: describeFeedback(stats) }))
      .sort((a, b) => a.key.localeCompare(b.key)),
  };
}

export function describeFeedback(stats: FeedbackKeyStats): string {
  if (stats.kind === 'categorical') {
    const total = Object.values(stats.categories).reduce((a, b) => a + b, 0);
    return Object.entries(stats.categories)
      .sort((a, b) => b[1] - a[1])
      .map(([label, n]) => `${label} ${Math.round((n / total) * 100)}%`)
      .join(', ');
  }
  if (stats.mean !== null) return `${formatScore(stats.mean)} (n=${formatCount(stats.n)})`;
  if (stats.kind === 'comment') {
    return plural(stats.comments.length, 'comment');
  }
  return 'no data';
}
