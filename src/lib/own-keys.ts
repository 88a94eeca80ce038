/**
 * Sets an own, enumerable property, whatever the key: `obj[key] = v` with the key
 * "__proto__" would change the object's prototype instead of adding a field. Every other key
 * is a plain assignment (Object.prototype's other properties are writable data properties, so
 * assigning one shadows it with an own property), which keeps the hot path of a large
 * response fast: a defined property costs many times an assignment.
 */
export function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    target[key] = value;
  }
}
