import { type ReactNode, useCallback, useDeferredValue, useMemo } from 'react';
import { buildExportTable } from '../../features/export/export-rows';
import { toJson } from '../../features/export/to-json';
import type { Matrix, MatrixRow } from '../../features/matrix/model/types';
import { adjustStats } from '../../features/stats/model/adjust-results';
import { defaultSliceKey, exampleLabels, metadataKeys } from '../../features/stats/model/labels';
import { usePairedStats, useSliceStats } from '../../features/stats/worker/use-paired-stats';
import { lazyModule, useLazyModule } from '../../lib/lazy-module';
import type { AdjustMethod } from '../../lib/statistics/adjust';
import { useHeld } from '../../lib/use-held';
import {
  type AdapterContext,
  commentOnlyKeys,
  exampleMetadata,
  exportExamples,
  statsInputs,
} from './view-adapters';

// The markers follow the statistics, which follow the first rows: their code (the verdict,
// the p-value wording) loads beside the first render, not in the entry chunk.
const statsMarker = lazyModule(() => import('../../features/stats/panel/stats-marker'));

/**
 * Statistics over every loaded example (in a worker when large), the column-header
 * markers they give, and the export of what the view shows.
 */
export function useViewInsights({
  matrix,
  rows,
  sessions,
  visibleSessions,
  baseline,
  flipped,
  keys,
  totalExamples,
  statsKey,
  cluster = null,
  adjust = 'holm',
  slicesOpen = false,
  sliceBy = null,
  reading = false,
  hold = false,
}: {
  matrix: Matrix;
  rows: MatrixRow[];
  sessions: { id: string; name: string }[];
  visibleSessions: string[];
  baseline: string;
  flipped: ReadonlySet<string>;
  keys: string[];
  totalExamples: number;
  statsKey: string | null;
  /** Example-metadata key to cluster by (null: none). */
  cluster?: string | null;
  adjust?: AdjustMethod;
  /** The slices view is open: compute slices by `sliceBy` (null: the default key). */
  slicesOpen?: boolean;
  sliceBy?: string | null;
  /** Only the first rows of a large response are in: statistics wait for all of them. */
  reading?: boolean;
  /** "Load all" is under way: statistics keep the rows they had until every page is in. */
  hold?: boolean;
}) {
  const ctx: AdapterContext = useMemo(
    () => ({ matrix, sessions, baseline, flipped }),
    [matrix, sessions, baseline, flipped],
  );
  // Deferred: a new baseline or data shows in the matrix first; statistics follow.
  const deferredCtx = useDeferredValue(useHeld(ctx, hold));
  const inputs = useMemo(
    () => (reading ? [] : statsInputs(deferredCtx, totalExamples)),
    [deferredCtx, totalExamples, reading],
  );
  const metadata = useMemo(() => exampleMetadata(deferredCtx.matrix), [deferredCtx.matrix]);
  const exampleKeys = useMemo(() => metadataKeys(metadata), [metadata]);
  const clusters = useMemo(
    () => (cluster && exampleKeys.includes(cluster) ? exampleLabels(metadata, cluster) : null),
    [metadata, exampleKeys, cluster],
  );
  const rawStats = usePairedStats(inputs.length > 0 ? inputs : null, { clusters });
  // Adjusting is cheap and done here, so switching the method never recomputes the tests.
  const adjustment = useMemo(
    () => (rawStats.results ? adjustStats(rawStats.results, adjust) : null),
    [rawStats.results, adjust],
  );
  const stats = useMemo(
    () => (adjustment ? { ...rawStats, results: adjustment.results } : rawStats),
    [rawStats, adjustment],
  );
  // The default slice key is looked for only once the slices are open.
  const sliceKey = useMemo(
    () => sliceBy ?? (slicesOpen ? defaultSliceKey(metadata) : null),
    [sliceBy, slicesOpen, metadata],
  );
  const sliceLabels = useMemo(
    () => (slicesOpen && sliceKey ? exampleLabels(metadata, sliceKey) : null),
    [slicesOpen, sliceKey, metadata],
  );
  const sliceStats = useSliceStats(slicesOpen && inputs.length > 0 ? inputs : null, sliceLabels, {
    clusters,
  });
  const markerKey = statsKey ?? inputs[0]?.key ?? null;
  const StatsMarker = useLazyModule(statsMarker)?.StatsMarker;

  const marker = useCallback(
    (sessionId: string): ReactNode => {
      const result = stats.results
        ?.find((k) => k.key === markerKey)
        ?.comparisons.find((c) => c.sessionId === sessionId);
      return result && StatsMarker ? (
        <StatsMarker
          result={result}
          context={{ method: adjustment?.method, tests: adjustment?.tests }}
        />
      ) : null;
    },
    [stats.results, markerKey, adjustment?.method, adjustment?.tests, StatsMarker],
  );

  const table = useCallback(
    () =>
      buildExportTable(exportExamples(ctx, rows, visibleSessions, keys), keys, {
        commentOnly: commentOnlyKeys(ctx.matrix),
      }),
    [ctx, rows, visibleSessions, keys],
  );
  // The CSV writer (papaparse) loads on the first CSV export, not with the page.
  const buildCsv = useCallback(async () => {
    const { toCsv } = await import('../../features/export/to-csv');
    return toCsv(table());
  }, [table]);
  const buildJson = useCallback(
    () =>
      toJson({
        view: window.location.href,
        baseline: {
          sessionId: baseline,
          name: sessions.find((s) => s.id === baseline)?.name ?? baseline,
        },
        keys,
        table: table(),
        statistics: stats.results ?? undefined,
        statisticsSettings: adjustment
          ? {
              adjust: adjustment.method,
              testsAdjusted: adjustment.tests,
              cluster: clusters ? clusters.key : null,
            }
          : null,
      }),
    [table, baseline, sessions, keys, stats.results, adjustment, clusters],
  );

  return {
    inputs,
    /** The matrix the inputs were read from (deferred behind the one on screen). */
    inputsMatrix: deferredCtx.matrix,
    stats,
    adjustment,
    slices: sliceStats,
    sliceKey,
    metadataKeys: exampleKeys,
    marker,
    buildCsv,
    buildJson,
  };
}

export type ViewInsights = ReturnType<typeof useViewInsights>;
