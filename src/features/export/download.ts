/** Browser helpers to name saved files and copy text (saving itself: lib/download.ts). */

const FORBIDDEN = new Set('\\/:*?"<>|');

/** Characters that are invalid in file names on common systems (and controls) become "-". */
export function safeFileName(name: string): string {
  const replaced = Array.from(name, (ch) =>
    ch.charCodeAt(0) < 32 || FORBIDDEN.has(ch) ? '-' : ch,
  );
  const cleaned = replaced.join('').replace(/\s+/g, ' ').trim().replace(/^\.+/, '');
  return cleaned.slice(0, 120) || 'export';
}

/** Fallback for insecure contexts and older browsers without the async clipboard API. */
function copyWithTextarea(text: string): boolean {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  area.style.pointerEvents = 'none';
  document.body.append(area);
  const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  area.focus();
  area.select();
  try {
    return typeof document.execCommand === 'function' && document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
    previous?.focus();
  }
}

/** Copies text to the clipboard; true when it (probably) worked. */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (typeof navigator !== 'undefined' && navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Denied permission or not focused: fall through to the older way.
  }
  return copyWithTextarea(text);
}
