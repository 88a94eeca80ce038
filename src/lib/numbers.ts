/** Costs arrive as JSON numbers, decimal strings or null: the app sees a finite number or null. */
export function toFiniteNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (trimmed === '') return null;
    const n = Number(trimmed);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

/**
 * Significant digits every decimal of up to this many digits keeps through a double
 * (DBL_DIG): digits past it in a computed value are the binary noise of the arithmetic.
 */
const DECIMAL_DIGITS = 15;

/**
 * A computed value without binary noise, for files people read: 0.7 − 1 gives
 * −0.30000000000000004 in floating point, written as −0.3. Rounds at the 15th significant
 * digit only, so no value the app shows (at most a few digits) changes; non-finite stays.
 */
export function withoutFloatNoise(value: number): number {
  if (!Number.isFinite(value) || value === 0) return value === 0 ? 0 : value;
  return Number(value.toPrecision(DECIMAL_DIGITS));
}

/** Digits after the point in the shortest round-trip form of `value` ("1.5e-7": 8). */
function fractionDigits(value: number): number {
  const match = /^-?\d+(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value));
  if (!match) return 0;
  return Math.max(0, (match[1]?.length ?? 0) - Number(match[2] ?? 0));
}

/**
 * `a − b` as decimal arithmetic gives it on the numbers as written (their shortest
 * round-trip forms): 0.7 − 1 is −0.3 and 1000000.1 − 1000000 is 0.1, where floating point
 * leaves noise in the last digits. Operands with more digits than a double holds fall
 * back to `withoutFloatNoise`.
 */
export function decimalDifference(a: number, b: number): number {
  const raw = a - b;
  if (!Number.isFinite(raw)) return raw;
  const digits = Math.max(fractionDigits(a), fractionDigits(b));
  const whole = Math.max(Math.abs(a), Math.abs(b));
  const integerDigits = whole >= 1 ? Math.floor(Math.log10(whole)) + 1 : 0;
  if (digits + integerDigits > DECIMAL_DIGITS || digits > 100) return withoutFloatNoise(raw);
  return withoutFloatNoise(Number(raw.toFixed(digits)));
}
