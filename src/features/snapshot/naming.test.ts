import { describe, expect, it } from 'vitest';
import { formatTakenAt, snapshotTitle } from './snapshot-banner';
import { snapshotFileName } from './take-snapshot';

const TAKEN = new Date(Date.UTC(2026, 11, 6, 14, 5, 59));

describe('a snapshot’s names', () => {
  it('file: versus-<dataset>-<yyyy-mm-dd-hhmm>.html in safe characters', () => {
    expect(snapshotFileName('Support QA', TAKEN)).toBe('versus-support-qa-2026-12-06-1405.html');
    expect(snapshotFileName('Ünïcode / "data": <x>?', TAKEN)).toBe(
      'versus-unicode-data-x-2026-12-06-1405.html',
    );
    expect(snapshotFileName('../..', TAKEN)).toBe('versus-dataset-2026-12-06-1405.html');
  });

  it('banner: the dataset, the experiments, the time and the host', () => {
    const facts = { datasetName: 'Support QA', takenAt: TAKEN.toISOString(), host: 'api.smith' };
    expect(snapshotTitle({ ...facts, experiments: 4 })).toBe(
      'Snapshot of Support QA, 4 experiments, taken 2026-12-06 14:05 UTC from api.smith',
    );
    expect(snapshotTitle({ ...facts, experiments: 1 })).toContain(', 1 experiment, ');
    expect(formatTakenAt('not a time')).toBe('at an unknown time');
  });
});
