import './snapshot.css';
import { useId, useMemo, useState, useSyncExternalStore } from 'react';
import { formatMegabytes, pickAnswers, type SnapshotScope } from './pick';
import { pageRecorder } from './recorder';
import type { SnapshotFacts } from './take-snapshot';

export interface SnapshotButtonProps {
  scope: SnapshotScope;
  facts: SnapshotFacts;
  /** The view's data failed to load (or to refresh). */
  failed: boolean;
}

/**
 * "Download snapshot": one `.html` file of this view that opens anywhere without a network.
 * Disabled, with the reason beside it, when there is nothing to save or too much.
 */
export function SnapshotButton({ scope, facts, failed }: SnapshotButtonProps) {
  const version = useSyncExternalStore(pageRecorder.subscribe, pageRecorder.version);
  const sessionsKey = scope.sessionIds.join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the recorder's version, the scope's ids
  const pick = useMemo(
    () => pickAnswers(pageRecorder.answers(), scope, { failed }),
    [version, scope.datasetId, sessionsKey, failed],
  );
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const whyId = useId();

  const save = async () => {
    if (!pick.ok) return;
    setBusy(true);
    setStatus('Saving the snapshot…');
    try {
      // The file's making (compression, the viewer template) loads on the first click only.
      const { takeSnapshot } = await import('./take-snapshot');
      const saved = await takeSnapshot(facts, pick.answers);
      setStatus(`Saved ${saved.filename} (${formatMegabytes(saved.size)})`);
    } catch (error) {
      setStatus(`The snapshot failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="snapshot-action">
      <button
        type="button"
        className="button"
        disabled={!pick.ok || busy}
        aria-describedby={pick.ok ? undefined : whyId}
        onClick={save}
      >
        Download snapshot
      </button>
      {pick.ok ? null : (
        <p id={whyId} className="snapshot-action__why">
          {pick.reason}
        </p>
      )}
      <p className="snapshot-action__why" role="status">
        {status}
      </p>
    </div>
  );
}
