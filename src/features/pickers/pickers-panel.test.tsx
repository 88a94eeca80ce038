import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { PickersPanel } from './pickers-panel';

/** The pickers' region, folded, around children that may not be there yet (lazy pickers). */
function Harness({ fieldsShown }: { fieldsShown: boolean }) {
  const [expanded, setExpanded] = useState(false);
  return (
    <PickersPanel
      summary="Support QA · 4 experiments · by model"
      expanded={expanded}
      onToggle={setExpanded}
    >
      {fieldsShown ? <input aria-label="Dataset" /> : null}
    </PickersPanel>
  );
}

afterEach(cleanup);

const summary = () => screen.getByRole('button', { name: /Support QA/ });

describe('PickersPanel', () => {
  it('unfolding moves focus to the first field', () => {
    render(<Harness fieldsShown />);
    summary().focus();
    fireEvent.click(summary());
    expect(summary()).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('textbox', { name: 'Dataset' })).toHaveFocus();
  });

  it('unfolded before the fields have loaded, focus moves to the first one when it appears', async () => {
    const { rerender } = render(<Harness fieldsShown={false} />);
    summary().focus();
    fireEvent.click(summary());
    expect(summary()).toHaveFocus();
    rerender(<Harness fieldsShown />);
    await act(async () => {});
    expect(screen.getByRole('textbox', { name: 'Dataset' })).toHaveFocus();
  });

  it('does not take focus back once it has moved on meanwhile', async () => {
    const { rerender } = render(
      <>
        <Harness fieldsShown={false} />
        <button type="button">Elsewhere</button>
      </>,
    );
    summary().focus();
    fireEvent.click(summary());
    screen.getByRole('button', { name: 'Elsewhere' }).focus();
    rerender(
      <>
        <Harness fieldsShown />
        <button type="button">Elsewhere</button>
      </>,
    );
    await act(async () => {});
    expect(screen.getByRole('button', { name: 'Elsewhere' })).toHaveFocus();
  });
});
