import { describe, expect, it } from 'vitest';
import { describeChoice } from './choice-summary';

describe('describeChoice', () => {
  it('reads dataset · experiments · key, as in the issue', () => {
    expect(
      describeChoice({
        datasetName: 'Support QA',
        sessionCount: 4,
        groupBy: 'run_metadata',
        key: 'model',
      }),
    ).toBe('Support QA · 4 experiments · by model');
  });

  it('says one experiment in the singular and names example metadata', () => {
    expect(
      describeChoice({
        datasetName: 'Fresh experiment',
        sessionCount: 1,
        groupBy: 'example_metadata',
        key: 'topic',
      }),
    ).toBe('Fresh experiment · 1 experiment · by topic (example metadata)');
  });

  it('stands in for a name still loading', () => {
    expect(
      describeChoice({ datasetName: null, sessionCount: 2, groupBy: 'run_metadata', key: 'm' }),
    ).toBe('Dataset · 2 experiments · by m');
  });
});
