// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createRng, deriveSeed, hashSeed } from './random';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('createRng', () => {
  it('repeats the same sequence for the same seed', () => {
    const draw = (seed: number | string) => {
      const rng = createRng(seed);
      return [
        rng.next(),
        rng.int(1, 6),
        rng.normal(),
        rng.uuid(),
        rng.hex(10),
        rng.pick(['a', 'b', 'c']),
      ];
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw('named')).toEqual(draw('named'));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('draws uniform floats in [0, 1) and integers within inclusive bounds', () => {
    const rng = createRng(7);
    const floats: number[] = [];
    const ints = new Set<number>();
    const ranged: number[] = [];
    for (let i = 0; i < 5000; i++) {
      floats.push(rng.next());
      ints.add(rng.int(3, 5));
      ranged.push(rng.float(-2, 2));
    }
    expect(Math.min(...floats)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...floats)).toBeLessThan(1);
    expect([...ints].sort()).toEqual([3, 4, 5]);
    expect(Math.min(...ranged)).toBeGreaterThanOrEqual(-2);
    expect(Math.max(...ranged)).toBeLessThan(2);
  });

  it('draws normals with about the asked mean and spread', () => {
    const rng = createRng(11);
    const xs = Array.from({ length: 20000 }, () => rng.normal(10, 2));
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
    expect(mean).toBeCloseTo(10, 1);
    expect(sd).toBeCloseTo(2, 1);
  });

  it('makes lowercase RFC 4122 version-4 uuids without repeats', () => {
    const rng = createRng(1);
    const ids = Array.from({ length: 2000 }, () => rng.uuid());
    expect(ids.filter((id) => !UUID_V4.test(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('chance() follows its probability', () => {
    const rng = createRng(5);
    let hits = 0;
    for (let i = 0; i < 10000; i++) if (rng.chance(0.3)) hits++;
    expect(hits / 10000).toBeCloseTo(0.3, 1);
    expect(createRng(5).chance(0)).toBe(false);
  });

  it('derives independent, stable seeds per purpose', () => {
    expect(deriveSeed(1, 'a')).toBe(deriveSeed(1, 'a'));
    expect(deriveSeed(1, 'a')).not.toBe(deriveSeed(1, 'b'));
    expect(hashSeed('x')).toBe(hashSeed('x'));
  });
});
