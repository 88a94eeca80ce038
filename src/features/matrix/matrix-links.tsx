import { createContext, type ReactNode, use } from 'react';
import type { MatrixCell } from './model/types';

/**
 * Links out of the matrix (into LangSmith), rendered by the matrix's owner. A context of its
 * own, given once with a stable value, so that the memoised cells and header read it without
 * re-rendering when the rest of the matrix's state changes.
 */
export interface MatrixLinks {
  /** The link of a cell's run (its first, when the example ran more than once). */
  run: (cell: MatrixCell) => ReactNode;
  /** What an experiment's column header shows beside its actions: its link, "running". */
  session: (sessionId: string) => ReactNode;
}

export const MatrixLinksContext = createContext<MatrixLinks | null>(null);

export function CellRunLink({ cell }: { cell: MatrixCell }) {
  return use(MatrixLinksContext)?.run(cell) ?? null;
}

export function useSessionLink(): MatrixLinks['session'] | undefined {
  return use(MatrixLinksContext)?.session;
}
