import { formatCount } from '../../../lib/format';
import { plural } from '../../../lib/plural';
import type { AdjustedStats } from '../model/adjust-results';
import type { KeyStats } from '../model/types';

/** One line on clustering: none (the default), what was clustered, or why it could not be. */
export function ClusteringLine({
  cluster,
  metadataKeys,
  stats,
}: {
  cluster: string | null;
  metadataKeys: readonly string[];
  stats: KeyStats | null;
}) {
  if (cluster === null) {
    return (
      <p className="stats__line">
        No clustering: each example counts as independent. If several examples share a document,
        topic or customer, pick it under “Cluster by”.
      </p>
    );
  }
  if (!metadataKeys.includes(cluster)) {
    return (
      <p className="stats__line stats__line--warning">
        No loaded example has the metadata key “{cluster}”, so nothing is clustered.
      </p>
    );
  }
  const c = stats?.comparisons.find((r) => r.clustering)?.clustering ?? null;
  if (!c) return <p className="stats__line">Clustered by “{cluster}”.</p>;
  if (c.problem === 'one-cluster') {
    return (
      <p className="stats__line stats__line--warning">
        Not enough data for clustered intervals: every paired example shares one “{cluster}” value,
        so there is a single cluster. Choose another cluster key, or none.
      </p>
    );
  }
  if (c.problem === 'singletons') {
    return (
      <p className="stats__line stats__line--warning">
        Not enough data to measure clustering: every “{cluster}” value holds a single example, so
        the intervals are the unclustered ones (design effect 1).
      </p>
    );
  }
  return (
    <p className="stats__line">
      Clustered by “{cluster}”: {plural(c.clusters, 'cluster')}, the largest of{' '}
      {plural(c.largest, 'example')}
      {c.missing > 0 ? `; ${plural(c.missing, 'example')} without a value count as their own` : ''}.
      Intervals and tests resample and flip whole clusters; the design effect says how much the
      clustering widens them.
      {c.clusters < 30
        ? ` With fewer than 30 clusters the interval is a t interval on ${formatCount(c.clusters - 1)} degrees of freedom (a bootstrap of few clusters would be too narrow).`
        : ''}
    </p>
  );
}

const METHOD_TEXT = {
  holm: 'Holm’s method (it keeps the chance of any false “better” or “worse” under 5%)',
  bh: 'Benjamini–Hochberg (it keeps the share of false discoveries under 5%)',
} as const;

/** One line on multiple comparisons: how many tests, and how they were adjusted. */
export function AdjustmentLine({ adjustment }: { adjustment: AdjustedStats | null }) {
  if (!adjustment || adjustment.tests === 0) return null;
  const { tests, keys, sessions, method } = adjustment;
  const span = `${plural(sessions, 'session')} × ${plural(keys, 'key')}`;
  if (method === 'none') {
    return (
      <p className="stats__line stats__line--warning">
        p-values are not adjusted: this view runs {plural(tests, 'test')} ({span}), so about{' '}
        {(tests * 0.05).toFixed(1)} could reach p {'<'} 0.05 by chance alone.
      </p>
    );
  }
  return (
    <p className="stats__line">
      Adjusted over {plural(tests, 'test')} ({span}) with {METHOD_TEXT[method]}. Verdicts and column
      markers use the adjusted p; the raw p stands beside it.
    </p>
  );
}
