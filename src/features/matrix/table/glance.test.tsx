import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { A, B, makeCell } from '../../../testing/matrix-fixtures';
import type { MatrixCell } from '../model/types';
import { type CellDisplay, MatrixCellContent } from './matrix-cell';
import { glanceText, MAX_KEYS_IN_CELL } from './matrix-layout';

const KEYS = ['correctness', 'helpfulness', 'verdict'];

function display(keys: string[], compact: boolean): CellDisplay {
  return { keys, flipped: new Set(), showMetrics: true, compact };
}

/** What the full cell shows: each chip's key and value, in order (the oracle). */
function chipsShown(cell: MatrixCell | undefined, keys: string[], compact: boolean): string[] {
  const { container } = render(
    <MatrixCellContent cell={cell} base={null} display={display(keys, compact)} />,
  );
  const chips = [...container.querySelectorAll<HTMLElement>('[data-feedback-key]')];
  const lines = chips.map((chip) =>
    compact ? (chip.textContent ?? '') : `${chip.dataset.feedbackKey} ${chip.textContent}`,
  );
  if (container.querySelector('.badge--error')) lines.unshift('Error');
  return lines.length ? lines : [container.textContent ?? ''];
}

const labelled = (cell: MatrixCell, key: string, label: string): MatrixCell => {
  const score = cell.scores[key];
  if (score) cell.scores[key] = { ...score, score: null, label };
  return cell;
};

const cells: Array<[string, MatrixCell | undefined, string[]]> = [
  ['numeric scores', makeCell('c', A, { correctness: 0.8, helpfulness: 0.125, verdict: 1 }), KEYS],
  ['a key the cell has no score for', makeCell('c', A, { correctness: 1, verdict: 0 }), KEYS],
  ['a null score', makeCell('c', A, { correctness: null, helpfulness: 0.5 }), KEYS],
  [
    'a category label',
    labelled(makeCell('c', B, { verdict: 0, correctness: 0.5 }), 'verdict', 'pass'),
    KEYS,
  ],
  ['a failed run', makeCell('c', A, { correctness: 0 }, { error: 'Timeout', errorCount: 1 }), KEYS],
  [
    'more keys than a cell shows',
    makeCell('c', A, Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, i / 10]))),
    Array.from({ length: 11 }, (_, i) => `k${i}`),
  ],
  ['no run at all', undefined, KEYS],
];

describe('glanceText (a flung cell)', () => {
  it.each(cells)('shows what the full cell’s chips show: %s', (_, cell, keys) => {
    for (const compact of [false, true]) {
      const glance = glanceText(cell, keys, compact).split('\n');
      expect(glance).toEqual(chipsShown(cell, keys, compact));
    }
  });

  it('is one line per shown key at most, plus the error', () => {
    const keys = Array.from({ length: 20 }, (_, i) => `k${i}`);
    const cell = makeCell('c', A, Object.fromEntries(keys.map((k) => [k, 1])), { error: 'x' });
    expect(glanceText(cell, keys, false).split('\n')).toHaveLength(MAX_KEYS_IN_CELL + 1);
  });
});
