/**
 * One value per (owner, key), built on first use and kept as long as the owner object lives.
 * For figures derived from a model that never changes once built (a matrix, its columns, its
 * score table), per baseline or per session: a new baseline then costs a lookup, not a walk
 * of every row, and a new model lets the old figures go with it.
 */
export function weakCache<Owner extends object, Key, Value>(): (
  owner: Owner,
  key: Key,
  build: () => Value,
) => Value {
  const byOwner = new WeakMap<Owner, Map<Key, Value>>();
  return (owner, key, build) => {
    let byKey = byOwner.get(owner);
    if (!byKey) {
      byKey = new Map();
      byOwner.set(owner, byKey);
    }
    if (byKey.has(key)) return byKey.get(key) as Value;
    const value = build();
    byKey.set(key, value);
    return value;
  };
}
