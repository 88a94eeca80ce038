import { describe, expect, it } from 'vitest';
import { sessionColor } from '../../lib/session-colors';
import { categoricalKey, numericKey, S1, S2, S3, sampleGroups } from '../../testing/chart-fixtures';
import { makeGroup, makeSession } from '../../testing/grouped-runs-fixtures';
import {
  buildChartModel,
  type ChartInput,
  describeGroup,
  feedbackKeyOptions,
  resolveFeedbackKey,
  resolveSessions,
} from './chart-data';
import { chartLayout, valueTicks } from './chart-layout';
import { CHART_MEASURES, type ChartMeasure } from './chart-measures';
import { cellText, checkValue } from './chart-values';

function input(overrides: Partial<ChartInput> = {}): ChartInput {
  const groups = overrides.groups ?? sampleGroups();
  return {
    groups,
    sessions: resolveSessions(groups, [S1, S2], {}, []),
    metadataKey: 'model',
    feedbackKey: 'correctness',
    ...overrides,
  };
}

function texts(measure: ChartMeasure, overrides: Partial<ChartInput> = {}): string[][] {
  return buildChartModel(measure, input(overrides)).rows.map((r) => [
    r.groupLabel,
    r.sessionName,
    ...r.cells.map(cellText),
  ]);
}

describe('checkValue', () => {
  it('keeps null as "no data" without a reason, and 0 as a real 0', () => {
    expect(checkValue(null, 'usd')).toEqual({ value: null, text: 'no data', reason: null });
    expect(checkValue(undefined, 'usd').text).toBe('no data');
    expect(checkValue(0, 'usd')).toEqual({ value: 0, text: '$0', reason: null });
    expect(checkValue(0, 'fraction').text).toBe('0%');
  });

  it('refuses NaN, Infinity, negatives and rates above 100% with a reason', () => {
    expect(cellText(checkValue(Number.NaN, 'seconds'))).toBe(
      'no data (not a number (NaN) ignored)',
    );
    expect(checkValue(Number.POSITIVE_INFINITY, 'count').reason).toBe(
      'infinite value Infinity ignored',
    );
    expect(checkValue(Number.NEGATIVE_INFINITY, 'score', { allowNegative: true }).value).toBeNull();
    expect(checkValue(-3, 'seconds')).toEqual({
      value: null,
      text: 'no data',
      reason: 'negative value -3 ignored',
    });
    expect(checkValue(1.5, 'fraction').reason).toBe('rate 1.5 above 100% ignored');
  });

  it('allows negative scores where the measure permits them', () => {
    expect(checkValue(-0.5, 'score', { allowNegative: true })).toEqual({
      value: -0.5,
      text: '-0.5',
      reason: null,
    });
  });
});

describe('resolveSessions', () => {
  it('follows the display order for colours and falls back from app names to response names to ids', () => {
    const sessions = resolveSessions(sampleGroups(), [S2, S1, S3], { [S1]: 'From app' }, [S2]);
    expect(sessions.map((s) => [s.id, s.name, s.colorIndex, s.hidden])).toEqual([
      [S2, 'Beta', 0, true],
      [S1, 'From app', 1, false],
      [S3, S3, 2, false],
    ]);
    expect(sessions[1]?.color).toBe(sessionColor(1));
  });

  it('uses the sessions of the response when no order is given', () => {
    expect(resolveSessions(sampleGroups(), [], {}, []).map((s) => s.id)).toEqual([S1, S2]);
  });
});

describe('describeGroup', () => {
  it('shows 0 and "" faithfully', () => {
    expect(describeGroup(makeGroup(0, []), 0, 'temperature').label).toBe('temperature = 0');
    expect(describeGroup(makeGroup('', []), 1, 'model')).toEqual({
      index: 1,
      short: '(empty string)',
      label: 'model = (empty string)',
    });
    expect(describeGroup(makeGroup(0.5, []), 2, '').label).toBe('0.5');
  });
});

describe('buildChartModel', () => {
  it('puts one row per group and session with the formatted latency aggregates', () => {
    expect(texts('latency')).toEqual([
      ['model = gpt-4o', 'Alpha', '1.20 s', '3.40 s'],
      ['model = gpt-4o', 'Beta', '450 ms', 'no data'],
      ['model = 0', 'Alpha', 'no data', 'no data'],
      ['model = 0', 'Beta', 'no data (negative value -3 ignored)', 'no data'],
    ]);
  });

  it('draws the API numbers and leaves nulls and refused values out (never 0)', () => {
    const model = buildChartModel('latency', input());
    expect(model.data).toEqual([
      { slot: '0', groupIndex: 0, s0_p50: 1.2, s0_p99: 3.4, s1_p50: 0.45, s1_p99: null },
      { slot: '1', groupIndex: 1, s0_p50: null, s0_p99: null, s1_p50: null, s1_p99: null },
    ]);
    expect(model.title).toBe('Latency by model (seconds, p50 and p99)');
    expect(model.series.map((s) => [s.label, s.pattern])).toEqual([
      ['p50', 'solid'],
      ['p99', 'hatch'],
    ]);
    expect(model.slotsPerGroup).toBe(4);
    expect(model.notice).toBeNull();
  });

  it('stacks prompt and completion cost when split, and shows the total when not', () => {
    const model = buildChartModel('cost', input());
    expect(model.data[0]).toMatchObject({
      s0_prompt: 0.2,
      s0_completion: 0.3,
      s0_total: null,
      s1_prompt: null,
      s1_completion: null,
      s1_total: 0.25,
    });
    expect(model.bars.filter((b) => b.sessionId === S1).map((b) => b.stackId)).toEqual([
      's0',
      's0',
      's0',
    ]);
    expect(model.series.map((s) => s.id)).toEqual(['prompt', 'completion', 'total']);
    // Runs, cost per run (0.5 / 10, 0.25 / 10) and per example (no example count sent).
    expect(texts('cost').slice(0, 2)).toEqual([
      ['model = gpt-4o', 'Alpha', '$0.50', '$0.20', '$0.30', '10', '$0.05', 'no data'],
      ['model = gpt-4o', 'Beta', '$0.25', 'no data', 'no data', '10', '$0.03', 'no data'],
    ]);
  });

  it('compares latency and cost per run with the baseline when there is one', () => {
    const latency = buildChartModel('latency', input({ baselineId: S1 }));
    expect(latency.columns.slice(2)).toEqual(['p50 vs baseline', 'p99 vs baseline']);
    // Beta's p50 0.45 s against Alpha's 1.2 s: −62.5 %, written as a whole percent.
    expect(latency.rows.map((r) => r.cells.slice(2).map((c) => c.text))).toEqual([
      ['baseline', 'baseline'],
      [expect.stringMatching(/^−6[23]%$/), 'no data'],
      ['baseline', 'baseline'],
      ['no data', 'no data'],
    ]);
    const cost = buildChartModel('cost', input({ baselineId: S1 }));
    expect(cost.columns.at(-1)).toBe('Per run vs baseline');
    // Per run: Beta 0.025 against Alpha 0.05 in gpt-4o: −50 %. In group 0 neither has a cost.
    expect(cost.rows.map((r) => r.cells.at(-1)?.text)).toEqual([
      'baseline',
      '−50%',
      'baseline',
      'no data',
    ]);
    // No baseline among the sessions: no change columns at all.
    expect(buildChartModel('latency', input({ baselineId: 'gone' })).columns).toEqual([
      'p50 latency',
      'p99 latency',
    ]);
  });

  it('never draws half a split: one known part falls back to the total', () => {
    const groups = [makeGroup('a', [makeSession(S1, 'Alpha', { totalCost: 1, promptCost: 0.4 })])];
    const model = buildChartModel('cost', input({ groups }));
    expect(model.data[0]).toMatchObject({ s0_prompt: null, s0_completion: null, s0_total: 1 });
  });

  it('shows error rates as percent and refuses NaN with its reason', () => {
    expect(texts('errors')).toEqual([
      ['model = gpt-4o', 'Alpha', '10%', '10'],
      ['model = gpt-4o', 'Beta', '0%', '10'],
      ['model = 0', 'Alpha', 'no data', 'no data'],
      ['model = 0', 'Beta', 'no data (not a number (NaN) ignored)', 'no data'],
    ]);
    expect(buildChartModel('errors', input()).data[0]).toMatchObject({ s0_rate: 0.1, s1_rate: 0 });
  });

  it('stacks prompt and completion tokens', () => {
    const model = buildChartModel('tokens', input());
    expect(model.data[0]).toMatchObject({ s0_prompt: 1000, s0_completion: 500, s1_total: 900 });
    expect(texts('tokens')[0]).toEqual(['model = gpt-4o', 'Alpha', '1,500', '1,000', '500']);
  });

  it('shows feedback means with n and stdev; 0–1 scores keep their stdev out of the axis', () => {
    const model = buildChartModel('feedback', input());
    // Both means (0.75, 0.5) lie in 0–1: no whiskers past 1 (0.75 + 0.25 would touch it,
    // a spread of 0.5 would pass it), the stdev stays in the tooltip and the table.
    expect(model.title).toBe(
      'Feedback "correctness" by model (mean score on 0–1; stdev in the tooltip and table)',
    );
    expect(model.unitInterval).toBe(true);
    expect(model.bars.every((b) => b.errorKey === null)).toBe(true);
    expect(valueTicks(model)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(texts('feedback').slice(0, 2)).toEqual([
      ['model = gpt-4o', 'Alpha', '0.75', '0.25', '8'],
      ['model = gpt-4o', 'Beta', '0.5', '0.1', '10'],
    ]);
  });

  it('keeps ±1 stdev whiskers for scores outside 0–1', () => {
    const groups = [
      makeGroup('a', [
        makeSession(S1, 'A', { feedback: { stars: numericKey(3.5, 4, 0.5) } }),
        makeSession(S2, 'B', { feedback: { stars: numericKey(4, 4, 1) } }),
      ]),
    ];
    const model = buildChartModel('feedback', input({ groups, feedbackKey: 'stars' }));
    expect(model.title).toBe('Feedback "stars" by model (mean score, whiskers ±1 stdev)');
    expect(model.data[0]).toMatchObject({
      s0_mean: 3.5,
      s0_mean_err: 0.5,
      s1_mean: 4,
      s1_mean_err: 1,
    });
    expect(model.bars[0]?.errorKey).toBe('s0_mean_err');
    // Whiskers count: the axis reaches 4 + 1 = 5.
    expect(valueTicks(model).at(-1)).toBeGreaterThanOrEqual(5);
  });

  it('lists only keys with a numeric mean; a categorical key shows as no data with a reason', () => {
    const groups = sampleGroups();
    expect(feedbackKeyOptions(groups, [S1, S2])).toEqual(['correctness']);
    expect(feedbackKeyOptions(groups, [S3])).toEqual([]);
    const onlyCategorical = [
      makeGroup('a', [makeSession(S1, 'A', { feedback: { tone: categoricalKey({ calm: 2 }) } })]),
    ];
    expect(feedbackKeyOptions(onlyCategorical, [S1])).toEqual([]);
    const forced = texts('feedback', { feedbackKey: 'label' });
    expect(forced[0]).toEqual([
      'model = gpt-4o',
      'Alpha',
      'no data (categorical feedback has no mean score)',
      'no data',
      '3',
    ]);
  });

  it('resolves the feedback key: the requested one if offered, else the first', () => {
    expect(resolveFeedbackKey(['a', 'b'], 'b')).toBe('b');
    expect(resolveFeedbackKey(['a', 'b'], 'label')).toBe('a');
    expect(resolveFeedbackKey(['a', 'b'], null)).toBe('a');
    expect(resolveFeedbackKey([], null)).toBeNull();
  });

  it('says why there is no feedback chart when no key has scores', () => {
    const model = buildChartModel('feedback', input({ feedbackKey: null }));
    expect(model.notice).toBe('No numeric feedback scores in these groups.');
    expect(model.title.startsWith('Feedback')).toBe(true);
  });

  it('ignores a negative stdev but keeps the mean', () => {
    const groups = [
      makeGroup('a', [makeSession(S1, 'A', { feedback: { q: numericKey(-1, 2, -0.3) } })]),
    ];
    const model = buildChartModel('feedback', input({ groups, feedbackKey: 'q' }));
    expect(model.data[0]).toMatchObject({ s0_mean: -1, s0_mean_err: null });
    expect(model.rows[0]?.cells.map(cellText)).toEqual([
      '-1',
      'no data (negative value -0.3 ignored)',
      '2',
    ]);
  });

  it('treats a fresh experiment (every stat null) as no data everywhere, for every measure', () => {
    const groups = [makeGroup('fresh', [makeSession(S1, 'New')])];
    for (const measure of CHART_MEASURES) {
      const model = buildChartModel(measure, input({ groups, feedbackKey: null }));
      expect(model.rows[0]?.cells.every((c) => c.text === 'no data' && c.value === null)).toBe(
        true,
      );
      expect(model.notice).not.toBeNull();
      expect(model.series).toEqual([]);
    }
  });

  it('shows a selected session missing from a group as no data', () => {
    const groups = [makeGroup('a', [makeSession(S1, 'A', { errorRate: 0.5 })])];
    const sessions = resolveSessions(groups, [S1, S3], { [S3]: 'Gamma' }, []);
    expect(texts('errors', { groups, sessions })).toEqual([
      ['model = a', 'A', '50%', 'no data'],
      ['model = a', 'Gamma', 'no data', 'no data'],
    ]);
  });

  it('leaves hidden sessions out of bars and rows but keeps their colour index', () => {
    const groups = sampleGroups();
    const sessions = resolveSessions(groups, [S1, S2], {}, [S1]);
    const model = buildChartModel('latency', input({ groups, sessions }));
    expect(model.bars.map((b) => b.dataKey)).toEqual(['s1_p50', 's1_p99']);
    expect(model.rows.map((r) => r.sessionName)).toEqual(['Beta', 'Beta']);
    const all = buildChartModel(
      'latency',
      input({ groups, sessions: [...sessions].map((s) => ({ ...s, hidden: true })) }),
    );
    expect(all.notice).toBe('Every session is hidden: use the legend to show one.');
  });

  it('labels groups without a metadata key by the key alone', () => {
    const model = buildChartModel('errors', input({ metadataKey: '' }));
    expect(model.title).toBe('Error rate by group (percent of runs)');
    expect(model.rows[0]?.groupLabel).toBe('gpt-4o');
  });
});

describe('valueTicks', () => {
  it('covers the data with round steps from 0', () => {
    expect(valueTicks(buildChartModel('latency', input()))).toEqual([0, 1, 2, 3, 4]);
    // Stacks are summed: 0.2 + 0.3 = 0.5.
    expect(valueTicks(buildChartModel('cost', input()))).toEqual([0, 0.2, 0.4, 0.6]);
    // A 0–1 score: the axis is 0–1 exactly.
    expect(valueTicks(buildChartModel('feedback', input()))).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });

  it('reaches below 0 for negative scores and has a range when nothing is drawn', () => {
    const groups = [
      makeGroup('a', [makeSession(S1, 'A', { feedback: { q: numericKey(-1, 2, null) } })]),
    ];
    expect(valueTicks(buildChartModel('feedback', input({ groups, feedbackKey: 'q' })))).toEqual([
      -1, -0.75, -0.5, -0.25, 0,
    ]);
    const fresh = [makeGroup('fresh', [makeSession(S1, 'New')])];
    expect(valueTicks(buildChartModel('tokens', input({ groups: fresh })))).toEqual([0, 1]);
  });
});

describe('chartLayout', () => {
  it('grows with the bar count and thins bars as they multiply', () => {
    const small = chartLayout(2, 2);
    const big = chartLayout(50, 40);
    expect(small.width).toBe(480);
    expect(big.barSize).toBeLessThan(small.barSize);
    expect(big.width).toBe(50 * big.groupWidth + 96);
    // The band width sets how much of a key fits: 192px -> 27 characters; 54px -> 7.
    expect(small.labelChars).toBe(27);
    expect(chartLayout(50, 1).labelChars).toBe(7);
    expect(small.height).toBe(320);
    expect(chartLayout(2, 20, 20).height).toBe(560);
  });
});
