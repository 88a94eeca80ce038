/**
 * Seeded randomness for the demo data. Nothing here reads the clock or Math.random, so the
 * same seed always yields the same workspace (tests and screenshots depend on that).
 */
import { mulberry32Uint32 } from '../lib/statistics/prng';

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  float(min: number, max: number): number;
  /** Uniform integer in [min, max], both ends included. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** Gaussian via Box-Muller. */
  normal(mean?: number, sd?: number): number;
  chance(probability: number): boolean;
  /** Lowercase RFC-4122 version-4 UUID drawn from this stream. */
  uuid(): string;
  /** `length` lowercase hex digits. */
  hex(length: number): string;
}

/** FNV-1a over the string, so seeds can be named ("examples", "session:3") as well as numbered. */
export function hashSeed(value: string | number): number {
  const text = String(value);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** An independent stream for one purpose, so adding draws in one place leaves other ids alone. */
export function deriveSeed(seed: number, purpose: string): number {
  return hashSeed(`${seed >>> 0}:${purpose}`);
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const HEX_CODES = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
const DASH = 45;
const uuidCodes: number[] = new Array<number>(36).fill(0);

function byteHex(value: number): string {
  // The table covers every byte, so the fallback never runs; it only satisfies the index check.
  return HEX[value & 0xff] ?? '00';
}

function word32Hex(value: number): string {
  return byteHex(value >>> 24) + byteHex(value >>> 16) + byteHex(value >>> 8) + byteHex(value);
}

function writeWordHex(value: number, from: number, at: number[]): void {
  for (let i = 0; i < 8; i++) {
    uuidCodes[at[from + i] as number] = HEX_CODES[(value >>> (28 - 4 * i)) & 0xf] as number;
  }
}

/** Positions of the 32 hex digits in `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`. */
const UUID_DIGIT_AT = Array.from({ length: 36 }, (_, i) => i).filter(
  (i) => ![8, 13, 18, 23].includes(i),
);

/**
 * Built from char codes in one go: concatenating sixteen pieces would leave a rope of cons
 * strings (about 450 bytes each), and the scale dataset holds 320,000 ids.
 */
function formatUuid(a: number, b: number, c: number, d: number): string {
  uuidCodes[8] = DASH;
  uuidCodes[13] = DASH;
  uuidCodes[18] = DASH;
  uuidCodes[23] = DASH;
  writeWordHex(a, 0, UUID_DIGIT_AT);
  writeWordHex(b, 8, UUID_DIGIT_AT);
  writeWordHex(c, 16, UUID_DIGIT_AT);
  writeWordHex(d, 24, UUID_DIGIT_AT);
  return String.fromCharCode.apply(null, uuidCodes);
}

export function createRng(seed: number | string): Rng {
  const nextUint32 = mulberry32Uint32(typeof seed === 'number' ? seed : hashSeed(seed));
  const next = (): number => nextUint32() / 4294967296;
  let spareNormal: number | null = null;

  return {
    next,
    float: (min, max) => min + next() * (max - min),
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error('pick() needs at least one item');
      return items[Math.floor(next() * items.length)] as T;
    },
    normal(mean = 0, sd = 1) {
      if (spareNormal !== null) {
        const z = spareNormal;
        spareNormal = null;
        return mean + sd * z;
      }
      // 1 - next() keeps the logarithm away from zero.
      const radius = Math.sqrt(-2 * Math.log(1 - next()));
      const angle = 2 * Math.PI * next();
      spareNormal = radius * Math.sin(angle);
      return mean + sd * radius * Math.cos(angle);
    },
    chance: (probability) => next() < probability,
    uuid() {
      const a = nextUint32();
      // Version nibble 4 and variant bits 10xx, as RFC 4122 asks of random UUIDs.
      const b = ((nextUint32() & 0xffff0fff) | 0x00004000) >>> 0;
      const c = ((nextUint32() & 0x3fffffff) | 0x80000000) >>> 0;
      const d = nextUint32();
      return formatUuid(a, b, c, d);
    },
    hex(length) {
      let out = '';
      while (out.length < length) out += word32Hex(nextUint32());
      return out.slice(0, length);
    },
  };
}
