import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The OpenAPI subset of LangSmith that Versus is written against, kept in the repository
 * (spec/) so that the contract and property tests need nothing outside it.
 */
export const SPEC_PATH = fileURLToPath(
  new URL('../../spec/langsmith-openapi-subset.json', import.meta.url),
);

/** The spec document, parsed afresh (callers may add an `$id` or otherwise change it). */
export function readSpec<T = Record<string, unknown>>(): T {
  return JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as T;
}
