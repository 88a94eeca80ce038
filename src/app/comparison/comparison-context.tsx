import { createContext, type ReactNode, use } from 'react';
import type { Group, GroupedRuns } from '../../api/grouped-runs/schemas';
import type { SessionInfo } from '../../features/matrix/matrix-context';
import type { MatrixModel } from '../../features/matrix/model/use-matrix-model';
import type { ViewState } from '../view-params';
import type { GroupedData } from './use-grouped-data';
import type { LiveInfo } from './use-live-refresh';
import type { ViewInsights } from './use-view-insights';

export type ComparisonView = ViewState & { dataset: string };
export type SetView = (patch: Partial<ViewState>, mode?: 'push' | 'replace') => void;

/**
 * The comparison as every panel sees it: the view (from the URL) and its setter, the data,
 * the matrix model and the statistics. One provider (comparison.tsx); each panel reads what
 * it needs and hands its feature plain props, so features never see the app.
 */
export interface ComparisonState {
  view: ComparisonView;
  setView: SetView;
  data: GroupedData;
  /** The result on screen: the page, or every page after "Load all". */
  result: GroupedRuns;
  /** The groups the matrix shows: all, or the one a bar click chose (`group`). */
  shownGroups: Group[];
  /**
   * The result's groups for what shows only their aggregates (summary, charts): the same
   * object while "Load all" adds pages, since every page carries the same aggregates.
   */
  aggregateGroups: Group[];
  /** The baseline in effect (the chosen one, else the first experiment). */
  baseline: string;
  /** The compared experiments in display order, with their names. */
  sessions: SessionInfo[];
  sessionNames: Readonly<Record<string, string>>;
  /** The compared experiments not hidden. */
  visibleSessions: string[];
  model: MatrixModel;
  insights: ViewInsights;
  /** Live refresh while an experiment runs: its status, the running ones, changed rows. */
  live: LiveInfo;
}

const ComparisonContext = createContext<ComparisonState | null>(null);

export function ComparisonProvider({
  value,
  children,
}: {
  value: ComparisonState;
  children: ReactNode;
}) {
  return <ComparisonContext value={value}>{children}</ComparisonContext>;
}

export function useComparison(): ComparisonState {
  const state = use(ComparisonContext);
  if (!state) throw new Error('useComparison is called outside a ComparisonProvider');
  return state;
}
