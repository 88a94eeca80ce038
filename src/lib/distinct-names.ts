/**
 * Names that differ in one part ("support-qa-gpt-4o-v1-a49d8715", "support-qa-gpt-4o-v2-49aaacf8")
 * are read by that part: what every name shares at its start and end is elided, and a part still
 * too long for its place loses its middle. Cuts fall between code points, never inside a
 * surrogate pair. Experiment headers and the scoreboard use it; the full name stays in their
 * tooltips and accessible names.
 */

const ELLIPSIS = '…';
const SEPARATOR = /[\s\-_./:|,·]/u;

/** Code points, so that a cut never splits a surrogate pair. */
const points = (text: string): string[] => Array.from(text);

/**
 * A name's segments, each with the separators that follow it:
 * "support-qa-gpt" → ["support-", "qa-", "gpt"]. Joined, they are the name again.
 */
function segments(name: string): string[] {
  const out: string[] = [];
  let current = '';
  let inSeparators = false;
  for (const ch of points(name)) {
    const separator = SEPARATOR.test(ch);
    if (!separator && inSeparators) {
      out.push(current);
      current = '';
    }
    inSeparators = separator;
    current += ch;
  }
  if (current !== '') out.push(current);
  return out;
}

function trimSeparators(text: string, start: boolean, end: boolean): string {
  const chars = points(text);
  let from = 0;
  let to = chars.length;
  while (start && from < to - 1 && SEPARATOR.test(chars[from] as string)) from++;
  while (end && to > from + 1 && SEPARATOR.test(chars[to - 1] as string)) to--;
  return chars.slice(from, to).join('');
}

/**
 * Each name without the whole segments every name starts (and ends) with, an ellipsis marking
 * each cut: ["support-qa-gpt-4o-v1", "support-qa-claude-v1"] → ["…gpt-4o…", "…claude…"].
 * Every name keeps at least one segment of its own. A single name, or names all alike, are
 * returned whole: there is nothing to tell apart.
 */
export function distinctNames(names: readonly string[]): string[] {
  if (names.length < 2 || names.every((n) => n === names[0])) return names.slice();
  const split = names.map(segments);
  const first = split[0] as string[];
  const shortest = Math.min(...split.map((s) => s.length));
  let lead = 0;
  while (lead < shortest - 1 && split.every((s) => s[lead] === first[lead])) lead++;
  let trail = 0;
  const at = (s: string[], fromEnd: number) => s[s.length - 1 - fromEnd];
  while (trail < shortest - 1 - lead && split.every((s) => at(s, trail) === at(first, trail))) {
    trail++;
  }
  const parts = split.map((s) => {
    const middle = trimSeparators(s.slice(lead, s.length - trail).join(''), lead > 0, trail > 0);
    return `${lead > 0 ? ELLIPSIS : ''}${middle}${trail > 0 ? ELLIPSIS : ''}`;
  });
  // Names told apart only by their separators ("a-b", "a--b") would read alike: keep them whole.
  return new Set(parts).size === new Set(names).size ? parts : names.slice();
}

/**
 * The text with its middle replaced by an ellipsis, at most `max` code points long (the
 * ellipsis counted); the start keeps a little more than the end, where names tend to say what
 * they are. Adjacent ellipses merge.
 */
export function elideMiddle(text: string, max: number): string {
  const chars = points(text);
  if (chars.length <= max) return text;
  if (max <= 1) return max === 1 ? ELLIPSIS : '';
  const keep = max - 1;
  const head = Math.ceil(keep * 0.6);
  const tail = keep - head;
  const joined = `${chars.slice(0, head).join('')}${ELLIPSIS}${tail > 0 ? chars.slice(-tail).join('') : ''}`;
  return joined.replace(/…{2,}/gu, ELLIPSIS);
}

/**
 * The longest middle elision of `text` that `fits` accepts (the text itself when it fits);
 * a lone ellipsis when nothing else does.
 */
export function elideToFit(text: string, fits: (candidate: string) => boolean): string {
  if (fits(text)) return text;
  let low = 1;
  let high = points(text).length - 1;
  let best = ELLIPSIS;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const candidate = elideMiddle(text, mid);
    if (fits(candidate)) {
      best = candidate;
      low = mid + 1;
    } else high = mid - 1;
  }
  return best;
}
