/** The word for `count` things: `one` for exactly one, else `many` (`one` + "s" unless given). */
export function pluralWord(count: number, one: string, many = `${one}s`): string {
  return count === 1 ? one : many;
}

/** "1 example", "3 examples": the count and its word. */
export function plural(count: number, one: string, many?: string): string {
  return `${count} ${pluralWord(count, one, many)}`;
}
