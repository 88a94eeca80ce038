import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildBoard } from './board-model';
import type { BoardSessionInput } from './board-types';
import { ScoreboardPanel, type ScoreboardPanelProps } from './scoreboard-panel';

afterEach(cleanup);

function session(i: number, cost: number | null): BoardSessionInput {
  return {
    sessionId: `s${i}`,
    name: `support-qa-model-${i}-v1`,
    colorIndex: i,
    examples: 3,
    runs: 3,
    errors: 0,
    latencies: [1 + i / 10, 2, 3],
    cost,
    tokens: 300,
    values: new Map([['score', [0.5, 0.6 + i / 100, 0.7]]]),
    categories: new Map(),
  };
}

function setup(
  count: number,
  cost: (i: number) => number | null,
  more: Partial<ScoreboardPanelProps> = {},
) {
  const sessions = Array.from({ length: count }, (_, i) => session(i, cost(i)));
  const board = buildBoard({
    sessions,
    keys: [{ key: 'score', kind: 'numeric', direction: 'higher' }],
    baseline: 's0',
    comparisons: new Map(),
  });
  const props: ScoreboardPanelProps = {
    board,
    sort: null,
    onSort: vi.fn(),
    pending: false,
    axis: 'cost',
    onAxis: vi.fn(),
    qualityKey: null,
    onQualityKey: vi.fn(),
    onPick: vi.fn(),
    groups: null,
    showGroups: false,
    onShowGroups: vi.fn(),
    ...more,
  };
  render(<ScoreboardPanel {...props} />);
  return props;
}

// Each test renders the board and a recharts figure: seconds on a loaded machine.
describe('ScoreboardPanel', { timeout: 20_000 }, () => {
  it('lists the experiments in display order with their ids, the baseline marked', () => {
    setup(3, (i) => 0.01 * (i + 1));
    const table = screen.getByRole('table', { name: 'Scoreboard' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.getAttribute('data-session-id'))).toEqual(['s0', 's1', 's2']);
    expect(within(rows[0] as HTMLElement).getByRole('rowheader').textContent).toMatch(/baseline$/);
    expect(within(rows[1] as HTMLElement).getByRole('rowheader').textContent).not.toMatch(
      /baseline/,
    );
    // Names are told apart by what differs; the whole name is what a screen reader hears.
    expect(within(rows[1] as HTMLElement).getByRole('rowheader').textContent).toContain('…1…');
  });

  it('sorts by a header, best first, then the other way', async () => {
    const props = setup(2, (i) => 0.01 * (i + 1));
    await userEvent.click(screen.getByRole('button', { name: 'Cost per example' }));
    expect(props.onSort).toHaveBeenLastCalledWith({ column: 'cost', dir: 'asc' });
    cleanup();
    const sorted = setup(2, () => 0.01, { sort: { column: 'key:score', dir: 'desc' } });
    const header = screen.getByRole('columnheader', { name: /score \(mean\)/ });
    expect(header.getAttribute('aria-sort')).toBe('descending');
    await userEvent.click(within(header).getByRole('button'));
    expect(sorted.onSort).toHaveBeenLastCalledWith({ column: 'key:score', dir: 'asc' });
  });

  it('says "no cost data" when no run has a cost, and offers latency', async () => {
    const props = setup(2, () => null);
    const figure = screen.getByRole('figure', { name: 'Quality vs cost' });
    expect(figure.textContent).toMatch(/No cost data/);
    await userEvent.click(
      within(figure).getByRole('button', { name: 'Plot against latency instead' }),
    );
    expect(props.onAxis).toHaveBeenCalledWith('latency');
  });

  it('plots 20 experiments, one button each, and a click picks that experiment', async () => {
    const props = setup(20, (i) => 0.001 * (i + 1));
    const figure = screen.getByRole('figure', { name: 'Quality vs cost' });
    const points = within(figure).getAllByRole('button', { name: /the matrix$/ });
    expect(points).toHaveLength(20);
    await userEvent.click(points[5] as HTMLElement);
    expect(props.onPick).toHaveBeenCalledWith('s5');
  });

  it('shows one board per group when asked, without differences', async () => {
    const props = setup(2, () => 0.01);
    await userEvent.click(screen.getByRole('button', { name: 'One board per group' }));
    expect(props.onShowGroups).toHaveBeenCalledWith(true);
    cleanup();
    const whole = props.board;
    setup(2, () => 0.01, {
      showGroups: true,
      groups: [
        { label: 'model = a', board: whole },
        { label: 'model = b', board: whole },
      ],
    });
    expect(
      screen.getByRole('button', { name: 'One board per group' }).getAttribute('aria-pressed'),
    ).toBe('true');
    const a = screen.getByRole('table', { name: 'model = a' });
    expect(within(a).getAllByRole('row')).toHaveLength(3);
    expect(within(a).queryByRole('columnheader', { name: /vs baseline/ })).toBeNull();
    expect(screen.getByRole('table', { name: 'model = b' })).toBeTruthy();
  });

  it('has no differences to show for one experiment only', () => {
    setup(1, () => 0.01);
    expect(screen.getByText(/One experiment only: nothing to compare it with/)).toBeTruthy();
  });
});
