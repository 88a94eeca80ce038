import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { isGuid } from './ids';

const guid = z.guid();

describe('isGuid', () => {
  it('accepts and refuses exactly what z.guid() does', () => {
    const hex = fc.constantFrom(...'0123456789abcdefABCDEFgx-');
    const part = (n: number) => fc.string({ unit: hex, minLength: n - 1, maxLength: n + 1 });
    const candidate = fc.oneof(
      fc.uuid(),
      fc.tuple(part(8), part(4), part(4), part(4), part(12)).map((p) => p.join('-')),
      fc.string(),
    );
    fc.assert(
      fc.property(candidate, (value) => {
        expect(isGuid(value)).toBe(guid.safeParse(value).success);
      }),
      { seed: 19, numRuns: 2000 },
    );
  });

  it('reads ids as LangSmith writes them, of any version and case', () => {
    expect(isGuid('6f9b6d0e-8a55-4c5e-9a3b-1f2a3b4c5d6e')).toBe(true);
    expect(isGuid('6F9B6D0E-8A55-1C5E-0A3B-1F2A3B4C5D6E')).toBe(true);
    expect(isGuid('6f9b6d0e8a554c5e9a3b1f2a3b4c5d6e')).toBe(false);
    expect(isGuid(' 6f9b6d0e-8a55-4c5e-9a3b-1f2a3b4c5d6e')).toBe(false);
    expect(isGuid(42)).toBe(false);
  });
});
