import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StillWaiting } from './still-waiting';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('StillWaiting', () => {
  it('says nothing for ten seconds, then the time waited and a Cancel button', () => {
    const onCancel = vi.fn();
    render(<StillWaiting active what="the grouped runs" onCancel={onCancel} />);
    act(() => vi.advanceTimersByTime(9_000));
    expect(screen.queryByRole('status')).toBeNull();
    act(() => vi.advanceTimersByTime(1_000));
    expect(screen.getByRole('status')).toHaveTextContent(
      'Still waiting for the grouped runs: 10 s so far',
    );
    act(() => vi.advanceTimersByTime(3_000));
    expect(screen.getByRole('status')).toHaveTextContent('13 s so far');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it('goes away when the answer arrives, and counts again from zero for the next wait', () => {
    const { rerender } = render(<StillWaiting active what="x" onCancel={() => {}} />);
    act(() => vi.advanceTimersByTime(12_000));
    expect(screen.getByRole('status')).toBeInTheDocument();
    rerender(<StillWaiting active={false} what="x" onCancel={() => {}} />);
    expect(screen.queryByRole('status')).toBeNull();
    rerender(<StillWaiting active what="x" onCancel={() => {}} />);
    act(() => vi.advanceTimersByTime(5_000));
    expect(screen.queryByRole('status')).toBeNull();
  });
});
