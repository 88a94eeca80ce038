/**
 * The width of one line of text, in CSS pixels, at a font size in the page's font. Measured
 * with a canvas once per (text, size); where there is no canvas (tests, old engines) it is a
 * deliberately generous estimate, so that callers asking "does this fit?" err towards "no".
 */
const GENEROUS_EM_PER_CHAR = 0.62;

let context: OffscreenCanvasRenderingContext2D | null | undefined;
let family = 'system-ui, sans-serif';
// Setting a canvas's font parses it: only when it changes.
let currentFont = '';
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

/**
 * Sets up the canvas and its font before anything asks for a width: the first measure pays
 * for reading the page's font and the canvas's first text shaping (~240 ms of S's first
 * paint in the bench's profile); done while the first request is in flight, it costs
 * nothing the user waits for.
 */
export function warmTextWidth(): void {
  textWidth('0', 12);
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
    const font = `${weight} ${fontPx}px ${family}`;
    if (font !== currentFont) {
      ctx.font = font;
      currentFont = font;
    }
    const measured = ctx.measureText(text).width;
    if (Number.isFinite(measured) && measured > 0) width = measured;
  }
  cache.set(id, width);
  return width;
}
