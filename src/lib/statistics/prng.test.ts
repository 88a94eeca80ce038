import { describe, expect, it } from 'vitest';
import { mulberry32, mulberry32Uint32 } from './prng';

describe('mulberry32', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const seqA = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(seqA);
    expect(Array.from({ length: 5 }, c)).not.toEqual(seqA);
  });

  it('matches the reference sequence', () => {
    // First outputs of the public-domain reference implementation for seed 1.
    const r = mulberry32(1);
    expect(r()).toBeCloseTo(0.6270739405881613, 15);
    expect(r()).toBeCloseTo(0.002735721180215478, 15);
  });
});

describe('mulberry32Uint32', () => {
  it('gives the integers behind the floats (one generator for statistics and demo data)', () => {
    const ints = mulberry32Uint32(1);
    // 0.6270739405881613 · 2^32, the reference float above as its 32-bit integer.
    expect(ints()).toBe(Math.round(0.6270739405881613 * 4294967296));
    const floats = mulberry32(99);
    const same = mulberry32Uint32(99);
    for (let i = 0; i < 1000; i++) expect(floats()).toBe(same() / 4294967296);
  });
});
