import { describe, expect, it } from 'vitest';
import { checkDataParams, type DataFacts, type DataParams } from './param-checks';

const none: DataParams = { group: null, chartKey: null, statsKey: null };

const facts: DataFacts = {
  groupKey: 'model',
  groups: ['gpt-4o', 'claude-3-5-sonnet', '42'],
  chartKeys: ['correctness', 'helpfulness'],
  statsKeys: ['correctness', 'helpfulness', 'verdict', 'latency', 'cost'],
};

describe('parameters that name something in the data', () => {
  it('keeps every parameter the data has, and unset ones', () => {
    expect(checkDataParams(none, facts)).toEqual({ patch: {}, notices: [] });
    const named: DataParams = { group: '42', chartKey: 'helpfulness', statsKey: 'latency' };
    expect(checkDataParams(named, facts)).toEqual({ patch: {}, notices: [] });
  });

  it('drops a group no experiment has, saying the matrix shows every group', () => {
    // The other keys wait: the facts were read from a matrix that showed no group.
    const { patch, notices } = checkDataParams(
      { ...none, group: 'gpt-5', statsKey: 'correctness' },
      { ...facts, statsKeys: ['latency', 'cost'] },
    );
    expect(patch).toEqual({ group: null });
    expect(notices).toEqual([
      'Ignored group "gpt-5": no model has that value in these experiments, so the matrix shows every group.',
    ]);
  });

  it('drops keys the data does not have, naming the ones it has', () => {
    const { patch, notices } = checkDataParams(
      { ...none, chartKey: 'verdict', statsKey: 'nope' },
      facts,
    );
    expect(patch).toEqual({ chartKey: null, statsKey: null });
    expect(notices).toEqual([
      'Ignored chartKey "verdict": not a numeric feedback key of these experiments; use correctness, helpfulness.',
      'Ignored statsKey "nope": not a scored feedback key or metric of these experiments; use correctness, helpfulness, verdict, latency, cost.',
    ]);
  });

  it('says so when there is nothing to use instead, and shortens long names and lists', () => {
    const long = 'x'.repeat(60);
    const { notices } = checkDataParams({ ...none, chartKey: long }, { ...facts, chartKeys: [] });
    expect(notices).toEqual([
      `Ignored chartKey "${'x'.repeat(39)}…": these experiments have no numeric feedback key.`,
    ]);
    const many = { ...facts, statsKeys: 'abcdefghij'.split('') };
    expect(checkDataParams({ ...none, statsKey: 'z' }, many).notices[0]).toBe(
      'Ignored statsKey "z": not a scored feedback key or metric of these experiments; use a, b, c, d, e, f, g, h and 2 more.',
    );
  });

  it('does not judge statsKey before the statistics have any key to compare', () => {
    expect(checkDataParams({ ...none, statsKey: 'nope' }, { ...facts, statsKeys: [] })).toEqual({
      patch: {},
      notices: [],
    });
  });
});
