import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AdjustMethod } from '../../../lib/statistics/adjust';
import { labelsOf, makeInput } from '../../../testing/stats-fixtures';
import { adjustStats } from '../model/adjust-results';
import { computeAllStats } from '../model/paired-stats';
import { computeSlices } from '../model/slices';
import type { ExampleLabels, StatsInput } from '../model/types';
import { StatsMarker } from './stats-marker';
import { StatsPanel, type StatsPanelProps, type StatsSettings } from './stats-panel';

afterEach(cleanup);

// 20 examples: 16 fail→pass, 4 pass→pass. McNemar p = 2 / 2^16.
const passBase = [...Array(16).fill(0), 1, 1, 1, 1];
const passCand = Array(20).fill(1);
const noOverlap = [...Array(20).fill(null)];

function inputs(): StatsInput[] {
  const correctness = makeInput(passBase, [passCand, noOverlap], { key: 'correctness', total: 80 });
  const latency = makeInput([1, null], [[1.5, 2.5]], {
    key: 'latency',
    kind: 'metric',
    direction: 'lower',
  });
  const tone: StatsInput = {
    ...makeInput([], [[]], { key: 'tone', kind: 'categorical' }),
    categories: [
      { sessionId: 'base', counts: { polite: 6, neutral: 4 } },
      { sessionId: 's1', counts: { polite: 9, neutral: 1 } },
    ],
  };
  return [correctness, latency, tone];
}

const SETTINGS: StatsSettings = {
  open: true,
  slices: false,
  key: 'correctness',
  cluster: null,
  adjust: 'holm',
  sliceBy: null,
};

function computed(list: StatsInput[], method: AdjustMethod, clusters?: ExampleLabels) {
  const adjustment = adjustStats(computeAllStats(list, { clusters }), method);
  return { stats: { status: 'done' as const, results: adjustment.results }, adjustment };
}

function setup(overrides: Partial<StatsPanelProps> = {}, settings: Partial<StatsSettings> = {}) {
  const list = overrides.inputs ?? inputs();
  const all = { ...SETTINGS, ...settings };
  const props: StatsPanelProps = {
    inputs: list,
    ...computed(list, all.adjust),
    sliceKey: null,
    metadataKeys: ['document', 'topic'],
    sessionOrder: ['base', 's1', 's2'],
    loadedExamples: 50,
    totalExamples: 80,
    onLoadAll: vi.fn(),
    settings: all,
    onSettings: vi.fn(),
    ...overrides,
  };
  render(<StatsPanel {...props} />);
  return props;
}

function rowFor(name: string): HTMLElement {
  return screen.getByRole('row', { name: new RegExp(`^${name}`) });
}

describe('StatsPanel', () => {
  it('is a labelled region that says how many examples it used', async () => {
    const props = setup();
    expect(screen.getByRole('region', { name: 'Is the difference real?' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Is the difference real?' })).toBeInTheDocument();
    expect(screen.getByText(/Computed over 50 of 80 examples/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Load all' }));
    expect(props.onLoadAll).toHaveBeenCalledTimes(1);
  });

  it('has no Load all button once everything is loaded', () => {
    setup({ loadedExamples: 80 });
    expect(screen.getByText('Computed over all 80 examples.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load all' })).toBeNull();
  });

  it('shows one row per session with the test, raw and adjusted p, flips and a verdict', () => {
    setup();
    const table = screen.getByRole('table');
    expect(
      within(table).getByRole('columnheader', { name: /Flips pass→fail/ }),
    ).toBeInTheDocument();
    expect(
      within(table).getByRole('columnheader', { name: 'Adjusted p (Holm)' }),
    ).toBeInTheDocument();
    const better = rowFor('Session 1');
    expect(better).toHaveTextContent('20'); // n
    expect(better).toHaveTextContent('20.0%'); // baseline pass rate
    expect(better).toHaveTextContent('100.0%');
    expect(better).toHaveTextContent('+80.0 pp');
    expect(better).toHaveTextContent('exact McNemar test');
    expect(better).toHaveTextContent('p < 0.001');
    expect(better).toHaveTextContent('16 / 0 / 4');
    expect(better).toHaveTextContent('0 / 16');
    expect(within(better).getByText('better')).toHaveClass('stats-verdict--better');
    const none = rowFor('Session 2');
    expect(none).toHaveTextContent('not enough data');
    expect(none).toHaveTextContent(/this session has no value/);
    expect(within(none).getByText('not enough data').className).not.toMatch(/better|worse/);
  });

  it('says how many tests were adjusted over, and warns when none are adjusted', () => {
    setup();
    // correctness: 1 test (session 2 has no pairs); latency: 1 pair, no test; tone: none.
    expect(
      screen.getByText(/^Adjusted over 1 test \(1 session × 1 key\) with Holm/),
    ).toBeInTheDocument();
    cleanup();
    setup({}, { adjust: 'none' });
    expect(
      screen.getByText(/p-values are not adjusted: this view runs 1 test/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('columnheader', { name: /Adjusted p/ })).toBeNull();
  });

  it('lets the user choose the key, the cluster key, the adjustment and the view', async () => {
    const props = setup();
    const key = screen.getByRole('combobox', { name: 'Statistic for key' });
    expect(key).toHaveValue('correctness');
    await userEvent.selectOptions(key, 'latency');
    expect(props.onSettings).toHaveBeenLastCalledWith({ key: 'latency' });
    const cluster = screen.getByRole('combobox', { name: 'Cluster by' });
    expect(
      within(cluster)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['No clustering', 'document', 'topic']);
    expect(
      screen.getByText(/^No clustering: each example counts as independent/),
    ).toBeInTheDocument();
    await userEvent.selectOptions(cluster, 'topic');
    expect(props.onSettings).toHaveBeenLastCalledWith({ cluster: 'topic' });
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Adjust p-values' }), 'bh');
    expect(props.onSettings).toHaveBeenLastCalledWith({ adjust: 'bh' });
    await userEvent.click(screen.getByRole('button', { name: 'Slices by group' }));
    expect(props.onSettings).toHaveBeenLastCalledWith({ slices: true });
    expect(screen.getByRole('button', { name: 'By experiment' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });

  it('says when a cluster key is not on the loaded examples', () => {
    setup({}, { cluster: 'customer' });
    expect(
      screen.getByText(/No loaded example has the metadata key “customer”/),
    ).toBeInTheDocument();
  });

  it('shows the clustering and its design effect', () => {
    const list = [
      makeInput(
        new Array(12).fill(0),
        [[3.1, 2.4, 2.9, 4.0, 5.2, 4.8, 1.1, 0.7, 1.9, 1.4, 6.0, 2.2]],
        { key: 'score' },
      ),
    ];
    const clusters = labelsOf('document', [
      'a',
      'a',
      'a',
      'b',
      'b',
      'b',
      'c',
      'c',
      'd',
      'd',
      'd',
      'e',
    ]);
    setup(
      { inputs: list, ...computed(list, 'holm', clusters) },
      { key: 'score', cluster: 'document' },
    );
    expect(
      screen.getByText(/^Clustered by “document”: 5 clusters, the largest of 3 examples/),
    ).toBeInTheDocument();
    // statsmodels 0.13.5 design effect 1.5871 (see clustered.test.ts); √1.5871 = 1.26.
    expect(rowFor('Session 1')).toHaveTextContent('design effect 1.59 (standard error ×1.26');
    expect(rowFor('Session 1')).toHaveTextContent('clustered t interval, 4 df');
  });

  it('says "not enough data" for a key with a single pair', () => {
    setup({}, { key: 'latency' });
    expect(screen.getByRole('table')).toHaveTextContent(/lower is better/);
    expect(rowFor('Session 1')).toHaveTextContent(
      /not enough data.*Not enough data: only 1 example/,
    );
  });

  it('shows a distribution with shifts for categorical keys', () => {
    setup({}, { key: 'tone' });
    const polite = screen.getByRole('row', { name: /^polite/ });
    expect(polite).toHaveTextContent('60.0% (6)');
    expect(polite).toHaveTextContent('90.0% (9)');
    expect(polite).toHaveTextContent('+30.0 pp');
    expect(screen.getByRole('row', { name: /^neutral/ })).toHaveTextContent('−30.0 pp');
  });

  it('a categorical key names no direction, and its n counts runs', () => {
    setup({}, { key: 'tone' });
    const table = screen.getByRole('table');
    expect(table).not.toHaveTextContent(/higher is better|lower is better/);
    // The fixture's counts: 6 + 4 labels for the baseline, 9 + 1 for the session.
    expect(screen.getByRole('columnheader', { name: /baseline, n = 10 runs/ })).toBeInTheDocument();
    expect(table).toHaveTextContent(/n counts runs/);
  });

  it('a metric reads in its units with the % change, and says n counts examples', () => {
    setup({}, { key: 'latency' });
    expect(screen.getByRole('columnheader', { name: 'n (paired examples)' })).toBeInTheDocument();
    // The fixture pairs one example: baseline 1 s, session 1.5 s: 0.5 s more (in ms below 1 s), +50 %.
    const row = rowFor('Session 1');
    expect(row).toHaveTextContent('1 s');
    expect(row).toHaveTextContent('1.5 s');
    expect(row).toHaveTextContent('+500 ms (+50% vs baseline)');
    expect(screen.getByRole('table')).toHaveTextContent('latency: metric in seconds');
  });

  it('collapses: the toggle reports the new state and the body is hidden', async () => {
    const props = setup({}, { open: false });
    const toggle = screen.getByRole('button', { name: 'Is the difference real?' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('table')).toBeNull();
    await userEvent.click(toggle);
    expect(props.onSettings).toHaveBeenCalledWith({ open: true });
  });

  it('explains when there is nothing to compare', () => {
    setup({ inputs: [] });
    expect(screen.getByText(/No feedback keys or metrics/)).toBeInTheDocument();
  });

  it('shows progress while the worker runs', () => {
    setup({ stats: { status: 'running', results: null, progress: 0.5 } });
    expect(screen.getByRole('status')).toHaveTextContent('Computing… 50%');
  });

  it('keeps the last results, dimmed and busy, while new ones are computed', () => {
    const { stats } = computed(inputs(), 'holm');
    setup({ stats: { ...stats, status: 'running', progress: 0 } });
    expect(screen.getByRole('status')).toHaveTextContent('Computing… 0%');
    expect(rowFor('Session 1')).toHaveTextContent('better');
    expect(screen.getByRole('table').closest('[aria-busy]')).toHaveAttribute('aria-busy', 'true');
  });

  it('answers "how many examples to detect d?" for the difference typed', async () => {
    setup();
    const input = screen.getByRole('textbox', {
      name: 'Difference you care about (percentage points)',
    });
    await userEvent.type(input, '5');
    // Differences: 16 of 20 are +1, 4 are 0: sd² = (16·0.2² + 4·0.8²)/19 = 3.2/19.
    // n = ⌈(2.8015852181129683 · √(3.2/19) / 0.05)²⌉ = ⌈528.8⌉ (scipy 1.10.1 quantiles).
    expect(
      screen.getByText(/Session 1: 529 examples; Session 2: not enough data to detect 5.0 pp/),
    ).toBeInTheDocument();
    await userEvent.clear(input);
    await userEvent.type(input, '-2');
    expect(screen.getByText(/Type a positive number/)).toBeInTheDocument();
  });
});

describe('slices', () => {
  const list = [
    makeInput([0, 0, 0, 0, 0, 0, 0, 0], [[0.9, 1.1, 1.0, 1.0, -0.9, -1.1, -1.0, -1.0]], {
      key: 'score',
    }),
  ];
  const groups = labelsOf('difficulty', [
    'easy',
    'easy',
    'easy',
    'easy',
    'hard',
    'hard',
    'hard',
    'hard',
  ]);

  it('draws the figure "Difference by group" with its table and a heterogeneity note', async () => {
    const slices = computeSlices(list[0] as StatsInput, groups);
    const props = setup(
      {
        inputs: list,
        ...computed(list, 'holm'),
        slices: { status: 'done', results: slices ? [slices] : null },
        sliceKey: 'difficulty',
        metadataKeys: ['difficulty', 'topic'],
      },
      { key: 'score', slices: true },
    );
    expect(screen.getByRole('figure', { name: 'Difference by group' })).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Difference by group: data table' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent?.slice(0, 20))).toHaveLength(2);
    expect(rows[0]).toHaveTextContent(/easy.*Session 1.*4.*\+1/);
    expect(rows[1]).toHaveTextContent(/hard.*Session 1.*4.*−1/);
    expect(
      screen.getByText(/Session 1 helps in “easy” but hurts in “hard”: both intervals exclude 0/),
    ).toBeInTheDocument();
    expect(screen.getByText(/Cochran’s Q = 1200.0 on 1 df, p < 0.001/)).toBeInTheDocument();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Slice by' }), 'topic');
    expect(props.onSettings).toHaveBeenLastCalledWith({ sliceBy: 'topic' });
  });

  it('categorical keys cannot be sliced, and say so', () => {
    setup({}, { key: 'tone', slices: true });
    expect(screen.getByText(/“tone” has categories, not scores/)).toBeInTheDocument();
  });
});

describe('StatsMarker', () => {
  it('has a compact look and a full accessible text, with the adjusted p', () => {
    const { stats } = computed(inputs(), 'holm');
    const result = stats.results[0]?.comparisons ?? [];
    render(
      <>
        <StatsMarker result={result[0] as never} context={{ method: 'holm', tests: 1 }} />
        <StatsMarker result={result[1] as never} />
      </>,
    );
    expect(
      screen.getByText('Versus baseline on correctness: better, adjusted p < 0.001'),
    ).toBeInTheDocument();
    expect(screen.getByText('▲ better p<0.001')).toHaveAttribute('aria-hidden', 'true');
    expect(screen.getByText('Versus baseline on correctness: not enough data')).toBeInTheDocument();
  });
});
