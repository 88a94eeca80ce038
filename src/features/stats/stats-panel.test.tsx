import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { computeKeyStats, type StatsInput } from './paired-stats';
import { StatsMarker } from './stats-marker';
import { StatsPanel, type StatsPanelProps } from './stats-panel';
import { makeInput } from './test-fixtures';

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

function setup(overrides: Partial<StatsPanelProps> = {}) {
  const props: StatsPanelProps = {
    inputs: inputs(),
    loadedExamples: 50,
    totalExamples: 80,
    onLoadAll: vi.fn(),
    open: true,
    onToggle: vi.fn(),
    selectedKey: 'correctness',
    onSelectKey: vi.fn(),
    ...overrides,
  };
  render(<StatsPanel {...props} />);
  return props;
}

function rowFor(name: string): HTMLElement {
  const row = screen.getByRole('row', { name: new RegExp(`^${name}`) });
  return row;
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

  it('shows one row per session with the test, flips and a verdict', () => {
    setup();
    const table = screen.getByRole('table');
    expect(
      within(table).getByRole('columnheader', { name: /Flips pass→fail/ }),
    ).toBeInTheDocument();
    const better = rowFor('Session 1');
    expect(better).toHaveTextContent('20'); // n
    expect(better).toHaveTextContent('20.0%'); // baseline pass rate
    expect(better).toHaveTextContent('100.0%');
    expect(better).toHaveTextContent('+80.0 pp');
    expect(better).toHaveTextContent('p < 0.001');
    expect(better).toHaveTextContent('16 / 0 / 4');
    expect(better).toHaveTextContent('0 / 16');
    expect(within(better).getByText('better')).toHaveClass('stats-verdict--better');
    const none = rowFor('Session 2');
    expect(none).toHaveTextContent('not enough data');
    expect(none).toHaveTextContent(/this session has no value/);
    expect(within(none).getByText('not enough data').className).not.toMatch(/better|worse/);
  });

  it('lets the user choose the key', async () => {
    const props = setup();
    const select = screen.getByRole('combobox', { name: 'Statistic for key' });
    expect(select).toHaveValue('correctness');
    await userEvent.selectOptions(select, 'latency');
    expect(props.onSelectKey).toHaveBeenCalledWith('latency');
  });

  it('says "not enough data" for a key with a single pair', () => {
    setup({ selectedKey: 'latency' });
    expect(screen.getByRole('table')).toHaveTextContent(/lower is better/);
    expect(rowFor('Session 1')).toHaveTextContent(
      /not enough data.*Not enough data: only 1 example/,
    );
  });

  it('shows a distribution with shifts for categorical keys', () => {
    setup({ selectedKey: 'tone' });
    const polite = screen.getByRole('row', { name: /^polite/ });
    expect(polite).toHaveTextContent('60.0% (6)');
    expect(polite).toHaveTextContent('90.0% (9)');
    expect(polite).toHaveTextContent('+30.0 pp');
    expect(screen.getByRole('row', { name: /^neutral/ })).toHaveTextContent('−30.0 pp');
  });

  it('collapses: the toggle reports the new state and the body is hidden', async () => {
    const props = setup({ open: false });
    const toggle = screen.getByRole('button', { name: 'Is the difference real?' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('table')).toBeNull();
    await userEvent.click(toggle);
    expect(props.onToggle).toHaveBeenCalledWith(true);
  });

  it('explains when there is nothing to compare', () => {
    setup({ inputs: [] });
    expect(screen.getByText(/No feedback keys or metrics/)).toBeInTheDocument();
  });

  it('uses results passed in by the app instead of computing again', () => {
    const stats = computeKeyStats(inputs()[0] as StatsInput);
    setup({ stats: { status: 'done', results: [stats] } });
    expect(rowFor('Session 1')).toHaveTextContent('better');
  });

  it('shows progress while the worker runs', () => {
    setup({ stats: { status: 'running', results: null, progress: 0.5 } });
    expect(screen.getByRole('status')).toHaveTextContent('Computing… 50%');
  });
});

describe('StatsMarker', () => {
  it('has a compact look and a full accessible text', () => {
    const result = computeKeyStats(inputs()[0] as StatsInput).comparisons;
    render(
      <>
        <StatsMarker result={result[0] as never} />
        <StatsMarker result={result[1] as never} />
      </>,
    );
    expect(
      screen.getByText('Versus baseline on correctness: better, p < 0.001'),
    ).toBeInTheDocument();
    expect(screen.getByText('▲ better p<0.001')).toHaveAttribute('aria-hidden', 'true');
    expect(screen.getByText('Versus baseline on correctness: not enough data')).toBeInTheDocument();
  });
});
