/**
 * Sets an own, enumerable property, whatever the key: `obj[key] = v` with a key from data
 * such as "__proto__" would change the object's prototype instead of adding a field.
 */
export function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}
