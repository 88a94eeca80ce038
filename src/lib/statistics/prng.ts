/**
 * mulberry32: a tiny, fast 32-bit PRNG, and the one seeded generator of the project (the
 * statistics and the demo data both draw from it). Seeded so a bootstrap or a permutation
 * test gives the same answer for the same data in every run and browser (Math.random cannot
 * be seeded). Not for cryptography.
 */

/** Uniform 32-bit unsigned integers. */
export function mulberry32Uint32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** Uniform floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  const next = mulberry32Uint32(seed);
  return () => next() / 4294967296;
}
