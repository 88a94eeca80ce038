import { describe, expect, it, vi } from 'vitest';
import { lazyValue } from './lazy-value';

describe('lazyValue', () => {
  it('builds nothing until asked, then builds once and keeps the value', () => {
    const build = vi.fn(() => ({ built: true }));
    const get = lazyValue(build);
    expect(build).not.toHaveBeenCalled();
    const first = get();
    expect(get()).toBe(first);
    expect(build).toHaveBeenCalledTimes(1);
  });

  it('keeps a value that is falsy', () => {
    const build = vi.fn(() => 0);
    const get = lazyValue(build);
    get();
    get();
    expect(build).toHaveBeenCalledTimes(1);
  });
});
