import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { JsonView } from './json-view';

afterEach(cleanup);

/** The summary line of each node, outermost first ("{ 2 keys }"). */
function summaries(): string[] {
  return [...document.querySelectorAll('.json-view__meta')].map((el) =>
    (el.textContent ?? '').replace(/\s+/g, ' ').trim(),
  );
}

describe('JsonView', () => {
  it('counts a node’s entries in words that agree with the count', () => {
    render(
      <JsonView
        value={{ question: 'q', tags: ['base'], pair: [1, 2], empty: {}, one: { k: 1 } }}
      />,
    );
    expect(summaries()).toEqual([
      '{ 5 keys }',
      '[ 1 item ]',
      '[ 2 items ]',
      '{ 0 keys }',
      '{ 1 key }',
    ]);
  });

  it('shows a string as text, never as markup', () => {
    render(<JsonView value={{ answer: '<b>bold</b>' }} />);
    expect(screen.getByText('<b>bold</b>')).toBeInTheDocument();
    expect(document.querySelector('.json-view b')).toBeNull();
  });
});
