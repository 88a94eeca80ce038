import type { FeedbackKeyStats } from '../../api/feedback-stats';
import type { Group } from '../../api/grouped-runs/schemas';
import {
  formatCost,
  formatCount,
  formatGroupKey,
  formatPercent,
  formatScore,
  formatSeconds,
} from '../../lib/format';
import { plural } from '../../lib/plural';

export interface SummaryCard {
  id: string;
  title: string;
  metrics: { label: string; value: string }[];
  feedback: { key: string; value: string }[];
}

/** A group's aggregates as the card shows them: the server's numbers, formatted with units. */
export function summariseGroup(group: Group, metadataKey: string, index: number): SummaryCard {
  const s = group.stats;
  return {
    id: `${index}:${String(group.key)}`,
    title: `${metadataKey} = ${formatGroupKey(group.key)}`,
    metrics: [
      { label: 'Examples', value: formatCount(group.exampleCount) },
      { label: 'Runs', value: formatCount(s.runCount) },
      { label: 'Error rate', value: formatPercent(s.errorRate) },
      { label: 'Latency p50', value: formatSeconds(s.latencyP50) },
      { label: 'Latency p99', value: formatSeconds(s.latencyP99) },
      { label: 'Cost', value: formatCost(s.totalCost) },
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
