import { type ReactNode, useCallback, useDeferredValue, useMemo } from 'react';
import { buildExportTable } from '../../features/export/export-rows';
import { toCsv } from '../../features/export/to-csv';
import { toJson } from '../../features/export/to-json';
import type { Matrix, MatrixRow } from '../../features/matrix/model/types';
import { StatsMarker } from '../../features/stats/stats-marker';
import { usePairedStats } from '../../features/stats/use-paired-stats';
import { type AdapterContext, exportExamples, statsInputs } from './view-adapters';

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
  reading = false,
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
  /** Only the first rows of a large response are in: statistics wait for all of them. */
  reading?: boolean;
}) {
  const ctx: AdapterContext = useMemo(
    () => ({ matrix, sessions, baseline, flipped }),
    [matrix, sessions, baseline, flipped],
  );
  // Deferred: a new baseline or data shows in the matrix first; statistics follow.
  const deferredCtx = useDeferredValue(ctx);
  const inputs = useMemo(
    () => (reading ? [] : statsInputs(deferredCtx, totalExamples)),
    [deferredCtx, totalExamples, reading],
  );
  const stats = usePairedStats(inputs.length > 0 ? inputs : null);
  const markerKey = statsKey ?? inputs[0]?.key ?? null;

  const marker = useCallback(
    (sessionId: string): ReactNode => {
      const result = stats.results
        ?.find((k) => k.key === markerKey)
        ?.comparisons.find((c) => c.sessionId === sessionId);
      return result ? <StatsMarker result={result} /> : null;
    },
    [stats.results, markerKey],
  );

  const table = useCallback(
    () => buildExportTable(exportExamples(ctx, rows, visibleSessions, keys), keys),
    [ctx, rows, visibleSessions, keys],
  );
  const buildCsv = useCallback(() => toCsv(table()), [table]);
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
      }),
    [table, baseline, sessions, keys, stats.results],
  );

  return { inputs, stats, marker, buildCsv, buildJson };
}

export type ViewInsights = ReturnType<typeof useViewInsights>;
