import type { DataIssue, Group, GroupedRuns } from './schemas';

/**
 * Server pages of the grouped endpoint page each group's examples by the same
 * offset/limit; the groups' aggregates are the same on every page. Merging keeps the first
 * page's aggregates and concatenates examples per group key, without duplicates.
 */
export function mergeGroupPages(pages: readonly GroupedRuns[]): GroupedRuns {
  if (pages.length === 1 && pages[0]) return pages[0];
  const byKey = new Map<string, { group: Group; seen: Set<string> }>();
  const order: string[] = [];
  const issues: DataIssue[] = [];
  for (const page of pages) {
    issues.push(...page.issues);
    for (const group of page.groups) {
      const id = groupIdentity(group.key);
      let entry = byKey.get(id);
      if (!entry) {
        entry = { group: { ...group, examples: [] }, seen: new Set() };
        byKey.set(id, entry);
        order.push(id);
      }
      for (const example of group.examples) {
        if (entry.seen.has(example.id)) continue;
        entry.seen.add(example.id);
        entry.group.examples.push(example);
      }
    }
  }
  return { groups: order.map((id) => (byKey.get(id) as { group: Group }).group), issues };
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
