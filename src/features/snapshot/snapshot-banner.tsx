import './snapshot.css';
import { plural } from '../../lib/plural';

export interface SnapshotFacts {
  datasetName: string;
  experiments: number;
  /** ISO time it was taken. */
  takenAt: string;
  host: string;
}

/** "2026-12-06 14:05 UTC": the same words wherever the file is opened. */
export function formatTakenAt(iso: string): string {
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) return 'at an unknown time';
  return `${time.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function snapshotTitle(facts: SnapshotFacts): string {
  return `Snapshot of ${facts.datasetName}, ${plural(facts.experiments, 'experiment')}, taken ${formatTakenAt(facts.takenAt)} from ${facts.host}`;
}

/** What the file is, above everything else in it. */
export function SnapshotBanner({ facts }: { facts: SnapshotFacts }) {
  return (
    <section className="snapshot-banner" aria-label="Snapshot">
      <p>
        <strong>{snapshotTitle(facts)}.</strong> Read-only: it holds only this view’s data, which
        cannot be refreshed; sorting, filters, the baseline and the statistics work on it.
      </p>
    </section>
  );
}
