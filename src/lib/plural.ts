import { formatCount, NO_DATA } from './format';

/** The word for `count` things: `one` for exactly one, else `many` (`one` + "s" unless given). */
export function pluralWord(count: number, one: string, many = `${one}s`): string {
  return count === 1 ? one : many;
}

/**
 * A count with its noun, in the singular for exactly one: "1 experiment", "0 experiments",
 * "1,200 runs". The one place counts are worded, so that no view says "1 experiments".
 * An unknown count says so ("runs: no data") rather than passing for a number.
 */
export function plural(count: number | null | undefined, one: string, many = `${one}s`): string {
  if (count === null || count === undefined || !Number.isFinite(count))
    return `${many}: ${NO_DATA}`;
  return `${formatCount(count)} ${pluralWord(count, one, many)}`;
}
