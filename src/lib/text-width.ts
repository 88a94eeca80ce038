/**
 * The width of one line of text, in CSS pixels, at a font size in the page's font. Measured
 * with a canvas once per (text, size); where there is no canvas (tests, old engines) it is a
 * deliberately generous estimate, so that callers asking "does this fit?" err towards "no".
 */
const GENEROUS_EM_PER_CHAR = 0.62;

let context: OffscreenCanvasRenderingContext2D | null | undefined;
let family = 'system-ui, sans-serif';
const cache = new Map<string, number>();

function canvas(): OffscreenCanvasRenderingContext2D | null {
  if (context !== undefined) return context;
  context = null;
  try {
    if (typeof OffscreenCanvas === 'undefined' || typeof document === 'undefined') return context;
    const probe = new OffscreenCanvas(1, 1).getContext('2d');
    if (probe && typeof probe.measureText === 'function') context = probe;
    const bodyFont = getComputedStyle(document.body).fontFamily;
    if (bodyFont) family = bodyFont;
  } catch {
    context = null;
  }
  return context;
}

export function estimateTextWidth(text: string, fontPx: number): number {
  return text.length * fontPx * GENEROUS_EM_PER_CHAR;
}

export function textWidth(text: string, fontPx: number, weight = 400): number {
  const id = `${weight}|${fontPx}|${text}`;
  const known = cache.get(id);
  if (known !== undefined) return known;
  const ctx = canvas();
  let width = estimateTextWidth(text, fontPx);
  if (ctx) {
    ctx.font = `${weight} ${fontPx}px ${family}`;
    const measured = ctx.measureText(text).width;
    if (Number.isFinite(measured) && measured > 0) width = measured;
  }
  cache.set(id, width);
  return width;
}
