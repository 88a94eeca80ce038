import { describe, expect, it } from 'vitest';
import { setOwn } from './own-keys';

describe('setOwn', () => {
  it.each([
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    'valueOf',
    '__defineGetter__',
    'isPrototypeOf',
    'correctness',
    '',
  ])('adds %j as an own, enumerable, writable field and leaves the prototype alone', (key) => {
    const target: Record<string, number> = {};
    setOwn(target, key, 1);
    expect(Object.getPrototypeOf(target)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(target, key)).toEqual({
      value: 1,
      enumerable: true,
      writable: true,
      configurable: true,
    });
    expect(Object.keys(target)).toEqual([key]);
    setOwn(target, key, 2);
    expect(target[key]).toBe(2);
    expect(JSON.parse(JSON.stringify(target))).toEqual(JSON.parse(`{${JSON.stringify(key)}:2}`));
  });

  it('never touches Object.prototype', () => {
    const target: Record<string, unknown> = {};
    setOwn(target, '__proto__', { polluted: true });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
