import { createContext, type ReactNode, use } from 'react';
import type { Group, Reading } from '../../api/grouped-runs/schemas';
import type { MatrixLinks } from './matrix-links';
import type { MatrixSettings } from './model/types';
import type { MatrixModel } from './model/use-matrix-model';

/**
 * Everything the matrix's parts (toolbar, status, pager, table, header, rows) share, given
 * once by whoever shows the matrix (app/comparison) rather than passed down level by level.
 */
export interface MatrixState {
  model: MatrixModel;
  /** The groups the matrix is built from (after the chart's group filter). */
  groups: Group[];
  /** The compared experiments, in display order. */
  sessions: SessionInfo[];
  baseline: string;
  /** What the URL says the matrix shows; `actions.change` writes it back. */
  settings: MatrixSettings;
  /** The example open in the detail panel. */
  openExample: string | null;
  /** While a large response is read: how many of its examples are in the matrix so far. */
  reading: Reading | null;
  paging: PagingInfo;
  actions: MatrixActions;
  /** Extra content for a session's column header (e.g. a statistics marker). */
  headerMarker?: (sessionId: string) => ReactNode;
  /** Links out of the matrix; give a stable value (the cells read it without re-rendering). */
  links?: MatrixLinks | null;
  /** Examples whose runs or scores changed at the last refresh (live refresh): they flash. */
  changedRows?: ReadonlySet<string>;
  /** A section's aggregates line, for example_metadata grouping. */
  sectionSummary?: (sectionIndex: number) => string;
}

export interface SessionInfo {
  id: string;
  name: string;
}

/** What the matrix asks of its owner. Stable identities keep the header from rebuilding. */
export interface MatrixActions {
  change: (patch: Partial<MatrixSettings>, mode?: 'push' | 'replace') => void;
  setBaseline: (sessionId: string) => void;
  /** Moves a session one place in the display order (reorders its columns). */
  moveSession: (sessionId: string, delta: -1 | 1) => void;
  open: (exampleId: string) => void;
}

export interface PagingInfo {
  page: number;
  pageCount: number;
  /** Examples in the largest group, as the server counts them. */
  total: number;
  allLoaded: boolean;
  /** "Load all" under way, or stopped (cancelled, failed) with the examples it loaded. */
  loadingAll: { loaded: number; total: number; stopped: boolean } | null;
  onPage: (page: number) => void;
  /** Starts "Load all", or continues it once stopped. */
  onLoadAll: () => void;
  onCancel: () => void;
  /** Back to one page at a time. */
  onShowPages: () => void;
}

const MatrixContext = createContext<MatrixState | null>(null);

export function MatrixProvider({ value, children }: { value: MatrixState; children: ReactNode }) {
  return <MatrixContext value={value}>{children}</MatrixContext>;
}

export function useMatrix(): MatrixState {
  const state = use(MatrixContext);
  if (!state) throw new Error('useMatrix is called outside a MatrixProvider');
  return state;
}
