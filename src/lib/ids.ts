/**
 * LangSmith ids: any 8-4-4-4-12 hex string (it mixes uuid versions), in either case. The same
 * rule as zod's `z.guid()`, which the response schemas use; ids.test.ts holds them together.
 */
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export function isGuid(value: unknown): value is string {
  return typeof value === 'string' && GUID.test(value);
}
