import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Group } from '../../api/grouped-runs/schemas';
import { S1, S2, sampleGroups } from '../../testing/chart-fixtures';
import { makeGroup, makeSession } from '../../testing/grouped-runs-fixtures';
import { CHART_MEASURES, type ChartMeasure } from './chart-measures';
import { ChartsPanel, type ChartsPanelProps, DEFAULT_GROUP_LIMIT } from './charts-panel';

// Vitest runs without globals here, so Testing Library cannot register its own cleanup.
afterEach(cleanup);

function setup(overrides: Partial<ChartsPanelProps> = {}) {
  const props: ChartsPanelProps = {
    groups: sampleGroups(),
    sessionOrder: [S1, S2],
    sessionNames: {},
    metadataKey: 'model',
    measure: 'latency',
    onMeasureChange: vi.fn(),
    feedbackKey: null,
    onFeedbackKeyChange: vi.fn(),
    hiddenSessions: [],
    onToggleSession: vi.fn(),
    onBarClick: vi.fn(),
    ...overrides,
  };
  const view = render(<ChartsPanel {...props} />);
  return { props, view };
}

function bodyRows(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => [...row.querySelectorAll('th, td')].map((c) => c.textContent ?? ''));
}

const NAMES: Record<ChartMeasure, RegExp> = {
  latency: /^Latency/,
  cost: /^Cost/,
  errors: /^Error rate/,
  tokens: /^Tokens/,
  feedback: /^Feedback/,
};

describe('ChartsPanel', () => {
  it.each(CHART_MEASURES)('names the %s figure by its measure first', (measure) => {
    setup({ measure });
    expect(screen.getByRole('figure', { name: NAMES[measure] })).toBeInTheDocument();
    expect(screen.getAllByRole('figure')).toHaveLength(1);
  });

  it('reveals a table whose cells equal the formatted aggregates, "no data" for nulls', async () => {
    const user = userEvent.setup();
    setup({ measure: 'latency' });
    const toggle = screen.getByRole('button', { name: 'Show as table' });
    expect(screen.queryByRole('table')).not.toBeInTheDocument();

    await user.click(toggle);
    // The toggle says what it will show next; the table takes the chart's place.
    expect(toggle).toHaveAccessibleName('Show as chart');
    const table = screen.getByRole('table', { name: /^Latency by model/ });
    // Alpha in group 0 has no data at all: left out and counted, not listed.
    expect(bodyRows(table)).toEqual([
      ['model = gpt-4o', 'Alpha', '1.20 s', '3.40 s', 'Show in matrix'],
      ['model = gpt-4o', 'Beta', '450 ms', 'no data', 'Show in matrix'],
      ['model = 0', 'Beta', 'no data (negative value -3 ignored)', 'no data', 'Show in matrix'],
    ]);
    expect(screen.getByText('1 more session row has no data: not listed.')).toBeVisible();

    await user.click(toggle);
    expect(toggle).toHaveAccessibleName('Show as table');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('summarises groups where nothing arrived instead of listing them', async () => {
    const user = userEvent.setup();
    const groups: Group[] = [
      makeGroup('a', [makeSession(S1, 'Alpha', { latencyP50: 1 })]),
      ...['b', 'c', 'd'].map((key) => makeGroup(key, [makeSession(S1, 'Alpha')])),
    ];
    setup({ groups, sessionOrder: [S1], measure: 'latency' });
    await user.click(screen.getByRole('button', { name: 'Show as table' }));
    expect(bodyRows(screen.getByRole('table')).map((r) => r[0])).toEqual(['model = a']);
    expect(screen.getByText('3 groups have no data: not listed.')).toBeVisible();
  });

  it('shows cost split and unsplit in the table, with units', async () => {
    const user = userEvent.setup();
    setup({ measure: 'cost' });
    await user.click(screen.getByRole('button', { name: 'Show as table' }));
    const rows = bodyRows(screen.getByRole('table'));
    expect(rows[0]).toEqual([
      'model = gpt-4o',
      'Alpha',
      '$0.50',
      '$0.20',
      '$0.30',
      '10',
      '$0.05',
      'no data',
      'Show in matrix',
    ]);
    expect(rows[1]).toEqual([
      'model = gpt-4o',
      'Beta',
      '$0.25',
      'no data',
      'no data',
      '10',
      '$0.03',
      'no data',
      'Show in matrix',
    ]);
  });

  it('filters the matrix from a table row by keyboard-reachable button', async () => {
    const user = userEvent.setup();
    const { props } = setup({ measure: 'errors' });
    await user.click(screen.getByRole('button', { name: 'Show as table' }));
    // Named for what it does: the group, in the matrix (no experiment is hidden).
    // Group 0's Alpha row has no data and is not listed: the one left is Beta's.
    const buttons = screen.getAllByRole('button', { name: 'Show only model = 0 in the matrix' });
    expect(buttons).toHaveLength(1);
    await user.click(buttons[0] as HTMLElement);
    expect(props.onBarClick).toHaveBeenCalledWith(1, S2);
  });

  it('toggles sessions from the legend buttons', async () => {
    const user = userEvent.setup();
    const { props } = setup({ hiddenSessions: [S2] });
    const alpha = screen.getByRole('button', { name: 'Alpha' });
    const beta = screen.getByRole('button', { name: 'Beta' });
    expect(alpha).toHaveAttribute('aria-pressed', 'true');
    expect(beta).toHaveAttribute('aria-pressed', 'false');
    await user.click(beta);
    expect(props.onToggleSession).toHaveBeenCalledWith(S2);
  });

  it('leaves hidden sessions out of the table', async () => {
    const user = userEvent.setup();
    setup({ hiddenSessions: [S1] });
    await user.click(screen.getByRole('button', { name: 'Show as table' }));
    expect(bodyRows(screen.getByRole('table')).map((r) => r[1])).toEqual(['Beta', 'Beta']);
  });

  it('changes the measure by click and by arrow keys', async () => {
    const user = userEvent.setup();
    const { props } = setup({ measure: 'latency' });
    const latency = screen.getByRole('tab', { name: 'Latency' });
    expect(latency).toHaveAttribute('aria-selected', 'true');
    await user.click(screen.getByRole('tab', { name: 'Cost' }));
    expect(props.onMeasureChange).toHaveBeenLastCalledWith('cost');
    fireEvent.keyDown(latency, { key: 'ArrowLeft' });
    expect(props.onMeasureChange).toHaveBeenLastCalledWith('feedback');
    expect(screen.getByRole('tabpanel')).toHaveAccessibleName('Latency');
  });

  it('offers a feedback key chooser with numeric keys only', async () => {
    const user = userEvent.setup();
    const { props } = setup({ measure: 'feedback', feedbackKey: null });
    const select = screen.getByRole('combobox', { name: 'Feedback key' });
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['correctness']);
    await user.click(screen.getByRole('button', { name: 'Show as table' }));
    expect(bodyRows(screen.getByRole('table'))[0]).toEqual([
      'model = gpt-4o',
      'Alpha',
      '0.75',
      '0.25',
      '8',
      'Show in matrix',
    ]);
    await user.selectOptions(select, 'correctness');
    expect(props.onFeedbackKeyChange).toHaveBeenCalledWith('correctness');
  });

  it('draws a chart with group labels as buttons that filter the matrix', () => {
    const { props } = setup({ measure: 'latency' });
    const label = screen.getByRole('button', { name: 'Filter matrix to model = 0' });
    fireEvent.keyDown(label, { key: 'Enter' });
    expect(props.onBarClick).toHaveBeenCalledWith(1, null);
  });

  it('draws only the bars that have data, p99 with a pattern rather than colour alone', () => {
    const { view } = setup({ measure: 'latency' });
    const fills = [...view.container.querySelectorAll('.recharts-bar-rectangle path')].map((p) =>
      p.getAttribute('fill'),
    );
    // Alpha p50, Alpha p99 and Beta p50 in the first group; every other value is null or refused.
    expect(fills).toHaveLength(3);
    expect(fills[0]).toBe('#0072B2');
    expect(fills[1]).toMatch(/^url\(#.+-hatch-0\)$/);
    const patternId = fills[1]?.slice(5, -1) ?? '';
    expect(view.container.querySelector(`pattern[id="${patternId}"]`)).not.toBeNull();
    expect(screen.getByRole('list', { name: 'Bar patterns' })).toHaveTextContent('hatched = p99');
  });

  it('stacks split costs, draws an unsplit total dotted, and nothing for nulls', () => {
    const { view } = setup({ measure: 'cost' });
    const fills = [...view.container.querySelectorAll('.recharts-bar-rectangle path')].map((p) =>
      p.getAttribute('fill'),
    );
    expect(fills).toHaveLength(3);
    expect(fills[0]).toBe('#0072B2');
    expect(fills[1]).toMatch(/-hatch-0\)$/);
    expect(fills[2]).toMatch(/-dots-1\)$/);
  });

  it('filters the matrix to a group and session when a bar is clicked', () => {
    const { view, props } = setup({ measure: 'errors' });
    const bars = view.container.querySelectorAll('.recharts-bar-rectangle path');
    // Beta's 0% is drawn as a sliver; group 0's null and NaN draw nothing.
    expect(bars).toHaveLength(2);
    const beta = bars[1];
    if (!beta) throw new Error('no bar');
    fireEvent.click(beta);
    expect(props.onBarClick).toHaveBeenCalledWith(0, S2);
  });

  it('shows every session of a group in the tooltip, "no data" with its reason', () => {
    const { view } = setup({ measure: 'latency' });
    const svg = view.container.querySelector('svg.recharts-surface');
    if (!svg) throw new Error('no chart');
    fireEvent.focus(svg);
    fireEvent.keyDown(svg, { key: 'ArrowRight' });
    const tooltip = view.container.querySelector('.charts-tooltip');
    expect(tooltip).toHaveTextContent('model = 0');
    expect(tooltip).toHaveTextContent('Beta: p50 latency no data (negative value -3 ignored)');
  });

  it('cuts long group keys on the axis, with the full key on hover and focus', () => {
    const long = `model-${'x'.repeat(200)}`;
    const groups = [
      makeGroup(long, [makeSession(S1, 'Alpha', { errorRate: 0.2 })]),
      makeGroup('', []),
    ];
    setup({ groups, sessionOrder: [S1], measure: 'errors' });
    const label = screen.getByRole('button', { name: `Filter matrix to model = ${long}` });
    expect(label.textContent?.endsWith('…')).toBe(true);
    expect(label.querySelector('title')?.textContent).toBe(`model = ${long}`);
    fireEvent.focus(label);
    expect(label).toHaveTextContent(`model = ${long}${long}`);
    expect(
      screen.getByRole('button', { name: 'Filter matrix to model = (empty string)' }),
    ).toBeVisible();
  });

  it('shows the first groups and offers to show all of them', async () => {
    const user = userEvent.setup();
    const groups: Group[] = Array.from({ length: DEFAULT_GROUP_LIMIT + 3 }, (_, i) =>
      makeGroup(`key-${i}`, [makeSession(S1, 'Alpha', { errorRate: i / 100 })]),
    );
    setup({ groups, sessionOrder: [S1], measure: 'errors' });
    await user.click(screen.getByRole('button', { name: 'Show as table' }));
    expect(bodyRows(screen.getByRole('table'))).toHaveLength(DEFAULT_GROUP_LIMIT);
    await user.click(screen.getByRole('button', { name: `Show all ${groups.length} groups` }));
    expect(bodyRows(screen.getByRole('table'))).toHaveLength(groups.length);
  });

  it('says there is no data for a fresh experiment instead of drawing zeros', () => {
    setup({ groups: [makeGroup('fresh', [makeSession(S1, 'New')])], sessionOrder: [S1] });
    expect(screen.getByText('No data for this measure yet: every value is missing.')).toBeVisible();
  });
});
