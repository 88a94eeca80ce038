import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useAfterPaint } from './use-after-paint';

/** Lets `ms` of fake time pass, React's updates included. */
async function advance(ms: number) {
  await act(async () => {
    vi.advanceTimersByTime(ms);
  });
}

/** Runs the two animation frames and the task after them that the hook waits for. */
async function drawTwoFrames() {
  await advance(17);
  await advance(17);
  await advance(1);
}

/** The hook, first given 'a'. */
const renderFromA = () => renderHook(({ v }) => useAfterPaint(v), { initialProps: { v: 'a' } });

describe('useAfterPaint', () => {
  beforeEach(() => {
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame'],
    });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('gives the first value at once', () => {
    const { result } = renderFromA();
    expect(result.current).toBe('a');
  });

  it('gives a first value that follows none at once', () => {
    const { result, rerender } = renderHook(({ v }) => useAfterPaint<string | null>(v), {
      initialProps: { v: null as string | null },
    });
    expect(result.current).toBeNull();
    rerender({ v: 'a' });
    expect(result.current).toBe('a');
  });

  it('keeps the previous value until two frames have been drawn, then gives the new one', async () => {
    const { result, rerender } = renderFromA();
    rerender({ v: 'b' });
    expect(result.current).toBe('a');
    await advance(17);
    expect(result.current).toBe('a');
    await drawTwoFrames();
    expect(result.current).toBe('b');
  });

  it('hands on the latest of values that come faster than frames, without waiting longer', async () => {
    const { result, rerender } = renderFromA();
    rerender({ v: 'b' });
    await advance(17);
    // A newer value one frame in: it keeps the schedule the first one started.
    rerender({ v: 'c' });
    await advance(17);
    await advance(1);
    expect(result.current).toBe('c');
  });

  it('catches up again after a value that came while the last one was handed on', async () => {
    const { result, rerender } = renderFromA();
    rerender({ v: 'b' });
    await drawTwoFrames();
    expect(result.current).toBe('b');
    rerender({ v: 'c' });
    expect(result.current).toBe('b');
    await drawTwoFrames();
    expect(result.current).toBe('c');
  });

  it('schedules nothing after unmount', async () => {
    const { rerender, unmount } = renderFromA();
    rerender({ v: 'b' });
    unmount();
    expect(vi.getTimerCount()).toBe(0);
  });
});
