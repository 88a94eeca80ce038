import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { labelsOf, makeInput } from '../../../testing/stats-fixtures';
import { computeSlices } from '../model/slices';
import { ForestPlot, niceTicks, plotDomain } from './forest-plot';

afterEach(cleanup);

describe('forest plot', () => {
  it('picks round ticks inside the range', () => {
    expect(niceTicks(-0.14, 0.36)).toEqual([-0.1, 0, 0.1, 0.2, 0.3]);
    expect(niceTicks(0, 10)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(niceTicks(1, 1)).toEqual([1]);
  });

  it('always shows 0 (no difference) and every interval', () => {
    const s = computeSlices(
      makeInput([1, 1, 1, 1], [[2, 2.5, 3, 3.5]]),
      labelsOf('g', ['a', 'a', 'b', 'b']),
    );
    if (!s) throw new Error('no slices');
    const [low, high] = plotDomain(s);
    expect(low).toBeLessThan(0);
    for (const c of s.cells) {
      expect(c.ciLow ?? 0).toBeGreaterThanOrEqual(low);
      expect(c.ciHigh ?? 0).toBeLessThanOrEqual(high);
    }
  });

  it('is a figure named "Difference by group" with one point per group and session', () => {
    const s = computeSlices(
      makeInput(
        [0, 0, 0, 0],
        [
          [1, 2, -1, -2],
          [0, 1, 0, 1],
        ],
      ),
      labelsOf('g', ['a', 'a', 'b', 'b']),
    );
    if (!s) throw new Error('no slices');
    const { container } = render(<ForestPlot slices={s} colorIndex={() => 0} tableId="t" />);
    expect(screen.getByRole('figure', { name: 'Difference by group' })).toBeInTheDocument();
    expect(container.querySelectorAll('.stats-forest__point')).toHaveLength(4);
    expect(container.querySelectorAll('.stats-forest__group')).toHaveLength(2);
  });
});
