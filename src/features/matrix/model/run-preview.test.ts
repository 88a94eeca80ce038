import { describe, expect, it } from 'vitest';
import { renderBounded } from './run-preview';

describe('renderBounded', () => {
  it('renders compact JSON within the budget', () => {
    expect(renderBounded({ a: [1, 'two', null, false], b: { c: 'd' } }, { maxChars: 100 })).toBe(
      '{"a":[1,"two",null,false],"b":{"c":"d"}}',
    );
    expect(renderBounded([], { maxChars: 10 })).toBe('[]');
    expect(renderBounded({ n: Number.NaN }, { maxChars: 10 })).toBe('{"n":null}');
  });

  it('renders the same text on the fast and the bounded path', () => {
    const numbers = Array.from({ length: 100 }, (_, i) => i * 1.5);
    const value = { numbers, nested: [{ a: 'x"y' }, null, true] };
    expect(renderBounded(value, { maxChars: 10_000 })).toBe(JSON.stringify(value));
    expect(renderBounded(value, { maxChars: 60 })).toBe(`${JSON.stringify(value).slice(0, 59)}…`);
    expect(renderBounded({ a: undefined, b: 1 }, { maxChars: 60 })).toBe('{"a":null,"b":1}');
  });

  it('stops at the budget, ellipsis included', () => {
    const out = renderBounded({ text: 'abcdefghijklmnopqrstuvwxyz' }, { maxChars: 12 });
    expect(out).toBe('{"text":"ab…');
    expect(out).toHaveLength(12);
  });

  it('marks cycles instead of recursing forever', () => {
    const loop: Record<string, unknown> = { name: 'loop' };
    loop.self = loop;
    expect(renderBounded(loop, { maxChars: 100 })).toBe('{"name":"loop","self":"[Circular]"}');
  });
});
