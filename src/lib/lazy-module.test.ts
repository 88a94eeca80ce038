import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lazyModule, useLazyModule } from './lazy-module';

afterEach(cleanup);

describe('lazyModule', () => {
  it('imports nothing until asked, then once, however many ask', async () => {
    const module = { answer: 42 };
    const importer = vi.fn(() => Promise.resolve(module));
    const lazy = lazyModule(importer);
    expect(importer).not.toHaveBeenCalled();
    expect(lazy.current()).toBeUndefined();
    const [a, b] = await Promise.all([lazy.load(), lazy.load()]);
    expect(a).toBe(module);
    expect(b).toBe(module);
    expect(lazy.current()).toBe(module);
    await lazy.load();
    expect(importer).toHaveBeenCalledTimes(1);
  });

  it('forgets a failed load: the next demand imports again', async () => {
    const importer = vi
      .fn<() => Promise<{ ok: boolean }>>()
      .mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module'))
      .mockResolvedValueOnce({ ok: true });
    const lazy = lazyModule(importer);
    await expect(lazy.load()).rejects.toThrow('Failed to fetch');
    expect(lazy.current()).toBeUndefined();
    await expect(lazy.load()).resolves.toEqual({ ok: true });
    expect(importer).toHaveBeenCalledTimes(2);
  });
});

describe('useLazyModule', () => {
  it('starts the load at mount and gives the module once it has arrived', async () => {
    let arrive: (value: { name: string }) => void = () => {};
    const lazy = lazyModule(() => new Promise<{ name: string }>((resolve) => (arrive = resolve)));
    const { result } = renderHook(() => useLazyModule(lazy));
    expect(result.current).toBeUndefined();
    act(() => arrive({ name: 'marker' }));
    await waitFor(() => expect(result.current).toEqual({ name: 'marker' }));
    // A later component has it from its first render.
    const later = renderHook(() => useLazyModule(lazy));
    expect(later.result.current).toEqual({ name: 'marker' });
  });

  it('stays without the module when the load fails, and does not throw', async () => {
    const importer = vi.fn(() => Promise.reject(new TypeError('Failed to fetch')));
    const lazy = lazyModule(importer);
    const { result } = renderHook(() => useLazyModule(lazy));
    await waitFor(() => expect(importer).toHaveBeenCalled());
    expect(result.current).toBeUndefined();
  });
});
