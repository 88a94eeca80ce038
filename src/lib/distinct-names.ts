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
 * Each name as short as its place needs (`fits` says whether a label fits name `index`'s
 * place): the part that tells it apart (`distinctNames`); if that is too long, its first
 * segment (what it is) and what follows the segments it shares with the name most like it
 * ("…claude-3-5-sonnet-v1-5de8ae07" beside "…claude-3-5-sonnet-v2-…" → "…claude…v1-5de8ae07");
 * if still too long, the longest middle elision that fits.
 */
export function shortNames(
  names: readonly string[],
  fits: (label: string, index: number) => boolean,
): string[] {
  const parts = distinctNames(names);
  const own = parts.map((part) => segments(part.replace(/^…/u, '').replace(/…$/u, '')));
  return parts.map((part, i) => {
    if (fits(part, i)) return part;
    const mine = own[i] as string[];
    let shared = 0;
    own.forEach((other, j) => {
      if (j !== i) shared = Math.max(shared, sharedLead(mine, other));
    });
    let label = part;
    if (shared >= 2 && shared < mine.length) {
      const first = trimSeparators(mine[0] as string, false, true);
      const rest = mine.slice(shared).join('');
      label = `${part.startsWith(ELLIPSIS) ? ELLIPSIS : ''}${first}${ELLIPSIS}${rest}${part.endsWith(ELLIPSIS) ? ELLIPSIS : ''}`;
      label = label.replace(/…{2,}/gu, ELLIPSIS);
      if (fits(label, i)) return label;
      // What differs comes right after the cut: keep it, and cut the end instead.
      return elideToFit(label, (candidate) => fits(candidate, i), elideEnd);
    }
    return elideToFit(label, (candidate) => fits(candidate, i), elideMiddle);
  });
}

/**
 * The text's first code points (without the separators they end on) and an ellipsis, at most
 * `max` long; adjacent ellipses merge.
 */
function elideEnd(text: string, max: number): string {
  const chars = points(text);
  if (chars.length <= max) return text;
  if (max <= 1) return max === 1 ? ELLIPSIS : '';
  const head = trimSeparators(chars.slice(0, max - 1).join(''), false, true);
  return `${head}${ELLIPSIS}`.replace(/…{2,}/gu, ELLIPSIS);
}

function sharedLead(a: readonly string[], b: readonly string[]): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * The longest elision of `text` (in the middle, or at the end) that `fits` accepts (the text
 * itself when it fits); a lone ellipsis when nothing else does.
 */
function elideToFit(
  text: string,
  fits: (candidate: string) => boolean,
  elide: (text: string, max: number) => string,
): string {
  if (fits(text)) return text;
  let low = 1;
  let high = points(text).length - 1;
  let best = ELLIPSIS;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const candidate = elide(text, mid);
    if (fits(candidate)) {
      best = candidate;
      low = mid + 1;
    } else high = mid - 1;
  }
  return best;
}
