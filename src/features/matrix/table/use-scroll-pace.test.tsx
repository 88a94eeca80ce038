import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useRef } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { REST_AFTER_MS, useScrollPace } from './use-scroll-pace';

function Scroller() {
  const ref = useRef<HTMLDivElement>(null);
  const fling = useScrollPace(ref);
  return (
    <div ref={ref} data-testid="scroller" data-pace={fling ? 'fling' : 'normal'}>
      rows
    </div>
  );
}

const VIEWPORT = 600;

describe('useScrollPace', () => {
  let now = 0;
  beforeEach(() => {
    vi.useFakeTimers();
    now = 1_000;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  function scrollTo(el: HTMLElement, top: number, afterMs: number) {
    now += afterMs;
    act(() => {
      vi.advanceTimersByTime(afterMs);
    });
    el.scrollTop = top;
    fireEvent.scroll(el);
  }

  it('turns on during a fling and off once the scroll rests', () => {
    render(<Scroller />);
    const el = screen.getByTestId('scroller');
    Object.defineProperty(el, 'clientHeight', { value: VIEWPORT });
    scrollTo(el, 300, 16);
    expect(el.dataset.pace).toBe('normal');
    scrollTo(el, 600, 16);
    expect(el.dataset.pace).toBe('fling');
    scrollTo(el, 900, 16);
    expect(el.dataset.pace).toBe('fling');
    act(() => {
      vi.advanceTimersByTime(REST_AFTER_MS - 1);
    });
    expect(el.dataset.pace).toBe('fling');
    act(() => {
      vi.advanceTimersByTime(1);
    });
    expect(el.dataset.pace).toBe('normal');
  });

  it('stays off for a slow scroll and for separate jumps', () => {
    render(<Scroller />);
    const el = screen.getByTestId('scroller');
    Object.defineProperty(el, 'clientHeight', { value: VIEWPORT });
    for (let top = 20; top < 1_000; top += 20) {
      scrollTo(el, top, 16);
      expect(el.dataset.pace).toBe('normal');
    }
    for (let page = 1; page < 6; page++) {
      scrollTo(el, 1_000 + page * VIEWPORT, 400);
      expect(el.dataset.pace).toBe('normal');
    }
  });

  it('stops listening when unmounted', () => {
    const { unmount } = render(<Scroller />);
    const el = screen.getByTestId('scroller');
    const remove = vi.spyOn(el, 'removeEventListener');
    unmount();
    expect(remove).toHaveBeenCalledWith('scroll', expect.any(Function));
  });
});
