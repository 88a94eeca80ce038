import { describe, expect, it } from 'vitest';
import { weakCache } from './weak-cache';

describe('weakCache', () => {
  it('builds once per owner and key, and apart for another owner or key', () => {
    const cached = weakCache<object, string, { n: number }>();
    let builds = 0;
    const build = () => ({ n: ++builds });
    const a = {};
    const b = {};
    const first = cached(a, 'x', build);
    expect(cached(a, 'x', build)).toBe(first);
    expect(cached(a, 'y', build)).not.toBe(first);
    expect(cached(b, 'x', build)).not.toBe(first);
    expect(builds).toBe(3);
  });

  it('keeps a value that is undefined rather than building it again', () => {
    const cached = weakCache<object, string, undefined>();
    let builds = 0;
    const owner = {};
    cached(owner, 'k', () => void builds++);
    cached(owner, 'k', () => void builds++);
    expect(builds).toBe(1);
  });
});
