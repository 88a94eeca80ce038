import { describe, expect, it } from 'vitest';
import { LOAD_ALL_MAX_PAGE, nextSlice, type PageSlice } from './all-pages';

/** Every slice "Load all" asks for, from the view's page size, for a group of `total`. */
function slices(first: number, total: number): PageSlice[] {
  const out: PageSlice[] = [{ offset: 0, limit: first }];
  for (let next = nextSlice(out[0] as PageSlice, total); next; next = nextSlice(next, total)) {
    out.push(next);
  }
  return out;
}

describe('nextSlice', () => {
  it('covers every example once, in order, with pages doubling up to the cap', () => {
    for (const [first, total] of [
      [100, 10_000],
      [20, 80],
      [100, 100],
      [100, 101],
      [7, 12_345],
    ] as const) {
      const all = slices(first, total);
      let covered = 0;
      for (const s of all) {
        expect(s.offset).toBe(covered);
        expect(s.limit).toBeLessThanOrEqual(Math.max(first, LOAD_ALL_MAX_PAGE));
        covered += s.limit;
      }
      expect(covered).toBeGreaterThanOrEqual(total);
      // The last page is needed: without it the examples are not all covered.
      expect(covered - (all.at(-1)?.limit ?? 0)).toBeLessThan(total);
    }
  });

  it('asks 10,000 examples from a page of 100 in a dozen round trips', () => {
    const all = slices(100, 10_000);
    expect(all.map((s) => s.limit).slice(0, 5)).toEqual([100, 200, 400, 800, 1_000]);
    expect(all).toHaveLength(5 + Math.ceil((10_000 - 2_500) / 1_000));
  });
});
