const INPUT_PREVIEW_CHARS = 160;

/** A short, bounded rendering of an example's inputs (matrix first column, exports). */
export function inputPreview(inputs: Record<string, unknown>): string {
  const values = Object.values(inputs);
  const first = values.length === 1 ? values[0] : undefined;
  if (typeof first === 'string') return first.slice(0, INPUT_PREVIEW_CHARS);
  let text = '';
  for (const [k, v] of Object.entries(inputs)) {
    const part =
      typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '…';
    text += `${text ? ' · ' : ''}${k}: ${part}`;
    if (text.length > INPUT_PREVIEW_CHARS) break;
  }
  return text.slice(0, INPUT_PREVIEW_CHARS);
}
