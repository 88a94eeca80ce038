import type { DataIssue, Example, Group, GroupedRuns } from './schemas';

/**
 * Server pages of the grouped endpoint page each group's examples by the same
 * offset/limit; the groups' aggregates are the same on every page. Merging keeps the first
 * page's aggregates and concatenates examples per group key, without duplicates.
 */
export function mergeGroupPages(pages: readonly GroupedRuns[]): GroupedRuns {
  return createPageMerger()(pages) ?? { groups: [], issues: [] };
}

/**
 * A merge that grows with "Load all": called with the pages so far, it adds only the pages it
 * has not merged yet, so a page's work is proportional to that page (plus copying the lists
 * of references), not to every page before it. Pages that do not extend the ones merged
 * last (a refetch, another comparison) are merged again from the first. One page is returned
 * as it is, so that the view's own page and "Load all"'s first are the same object.
 * Each result is new (new groups, new example lists); the earlier results are never changed.
 */
export function createPageMerger(): (pages: readonly GroupedRuns[]) => GroupedRuns | undefined {
  let merged: GroupedRuns[] = [];
  let byKey = new Map<string, { group: Group; examples: Example[]; seen: Set<string> }>();
  let issues: DataIssue[] = [];
  let last: GroupedRuns | undefined;

  const add = (page: GroupedRuns) => {
    merged.push(page);
    for (const issue of page.issues) issues.push(issue);
    for (const group of page.groups) {
      const id = groupIdentity(group.key);
      let entry = byKey.get(id);
      if (!entry) {
        entry = { group, examples: [], seen: new Set() };
        byKey.set(id, entry);
      }
      for (const example of group.examples) {
        if (entry.seen.has(example.id)) continue;
        entry.seen.add(example.id);
        entry.examples.push(example);
      }
    }
  };

  return (pages) => {
    const extends_ =
      merged.length > 0 &&
      merged.length <= pages.length &&
      merged.every((page, i) => pages[i] === page);
    if (extends_ && merged.length === pages.length) return last;
    if (!extends_) {
      merged = [];
      byKey = new Map();
      issues = [];
    }
    for (let i = merged.length; i < pages.length; i++) add(pages[i] as GroupedRuns);
    if (pages.length === 1) last = pages[0];
    else if (pages.length === 0) last = undefined;
    else {
      last = {
        // Map order is insertion order: the groups in the order they first appear.
        groups: [...byKey.values()].map(({ group, examples }) => ({
          ...group,
          examples: examples.slice(),
        })),
        issues: issues.slice(),
      };
    }
    return last;
  };
}

/** `1` and `"1"` are different group keys; so are `0` and `""`. */
function groupIdentity(key: string | number): string {
  return `${typeof key}:${String(key)}`;
}

/** The number of examples the largest group has: what "all loaded" means. */
export function totalExamples(result: GroupedRuns | undefined): number {
  if (!result) return 0;
  return result.groups.reduce((max, g) => Math.max(max, g.exampleCount), 0);
}

/**
 * Whether two lists of groups carry the same aggregates (the same keys, stats and sessions,
 * as objects): "Load all"'s merged pages keep the first page's, so what shows only the
 * aggregates (summary cards, charts) need not be drawn again for each page.
 */
export function sameAggregates(a: readonly Group[], b: readonly Group[]): boolean {
  return (
    a.length === b.length &&
    a.every((group, i) => {
      const other = b[i];
      return (
        other !== undefined &&
        group.key === other.key &&
        group.stats === other.stats &&
        group.sessions === other.sessions &&
        group.exampleCount === other.exampleCount &&
        group.filter === other.filter
      );
    })
  );
}
