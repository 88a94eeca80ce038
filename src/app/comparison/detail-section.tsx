import { useCallback, useMemo } from 'react';
import { DetailPanel, type DetailSession } from '../../features/detail/detail-panel';
import { sessionColor } from '../../lib/session-colors';
import { useComparison } from './comparison-context';
import { useLangSmithLinks } from './langsmith-links';

/**
 * The example open in the detail panel (`example`), stepped through in the matrix's order
 * (j/k). Loaded lazily with the panel, once an example is open (example-detail.tsx).
 */
export function DetailSection() {
  const { view, setView, model, baseline, sessionNames } = useComparison();
  const links = useLangSmithLinks();
  const openIndex = view.example ? model.rows.findIndex((r) => r.exampleId === view.example) : -1;
  const openRow =
    openIndex >= 0
      ? model.rows[openIndex]
      : model.matrix.rows.find((r) => r.exampleId === view.example);

  const step = useCallback(
    (delta: -1 | 1) => {
      if (model.rows.length === 0) return;
      const from = openIndex >= 0 ? openIndex : delta > 0 ? -1 : model.rows.length;
      const next = model.rows[Math.max(0, Math.min(model.rows.length - 1, from + delta))];
      if (next) setView({ example: next.exampleId }, 'replace');
    },
    [model.rows, openIndex, setView],
  );
  const close = useCallback(() => setView({ example: null }), [setView]);

  const sessions = useMemo<DetailSession[]>(() => {
    if (!openRow) return [];
    return view.sessions
      .filter((id) => !view.hidden.includes(id))
      .map((id, i) => ({
        id,
        name: sessionNames[id] ?? id,
        color: sessionColor(view.sessions.indexOf(id) >= 0 ? view.sessions.indexOf(id) : i),
        isBaseline: id === baseline,
        runs: Object.values(openRow.cells)
          .filter((c) => c.sessionId === id)
          .flatMap((c) => c.runs),
      }));
  }, [openRow, view.sessions, view.hidden, sessionNames, baseline]);

  if (!openRow) return null;
  return (
    <DetailPanel
      example={openRow.example}
      sessions={sessions}
      position={openIndex >= 0 ? { index: openIndex, count: model.rows.length } : null}
      onClose={close}
      onStep={step}
      runLink={(run, session) => links.run(run, session.name)}
    />
  );
}
