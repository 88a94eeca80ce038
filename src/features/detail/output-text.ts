/** The text of a run's output as a person reads it: a lone string field as is, else JSON. */
export const DIFF_CHAR_LIMIT = 5_000;

export function outputText(
  outputs: Record<string, unknown> | null,
  preview: string | null,
): string {
  if (!outputs) return preview ?? '';
  const values = Object.values(outputs);
  if (values.length === 1 && typeof values[0] === 'string') return values[0];
  try {
    return JSON.stringify(outputs, null, 2) ?? '';
  } catch {
    return preview ?? '';
  }
}

/** Cuts both sides so that a word diff of megabytes never blocks the page. */
export function diffInputs(
  before: string,
  after: string,
): { before: string; after: string; cut: boolean } {
  const cut = before.length > DIFF_CHAR_LIMIT || after.length > DIFF_CHAR_LIMIT;
  return { before: before.slice(0, DIFF_CHAR_LIMIT), after: after.slice(0, DIFF_CHAR_LIMIT), cut };
}
