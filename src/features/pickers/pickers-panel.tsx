import './pickers.css';
import { type ReactNode, type RefObject, useEffect, useId, useRef } from 'react';

const FIELDS = 'input, select, textarea, button, [tabindex]:not([tabindex="-1"])';

/**
 * The pickers' region ("What to compare"). With a complete choice, a one-line summary button
 * folds and unfolds them: a disclosure (aria-expanded, aria-controls). Unfolding it moves
 * focus to the first field, ready to edit; folding leaves focus on the button. Folded, the
 * pickers stay mounted (their text and filters are kept) but hidden.
 */
export function PickersPanel({
  summary,
  expanded,
  onToggle,
  regionRef,
  children,
}: {
  /** The choice in one line; null when there is no complete choice to fold. */
  summary: string | null;
  expanded: boolean;
  onToggle: (expanded: boolean) => void;
  regionRef?: RefObject<HTMLElement | null>;
  children: ReactNode;
}) {
  const bodyId = useId();
  const bodyRef = useRef<HTMLDivElement | null>(null);
  const focusFirstField = useRef(false);
  const open = summary === null || expanded;

  useEffect(() => {
    const body = bodyRef.current;
    if (!open || !focusFirstField.current || !body) return;
    focusFirstField.current = false;
    const focusFirst = (): boolean => {
      const fields = body.querySelectorAll<HTMLElement>(FIELDS);
      const first = [...fields].find((field) => !field.matches(':disabled'));
      first?.focus();
      return first !== undefined;
    };
    if (focusFirst()) return;
    // The pickers load lazily: unfolded before their code has arrived, the first field gets
    // focus when it appears, unless focus has moved on meanwhile.
    const from = document.activeElement;
    const observer = new MutationObserver(() => {
      if (document.activeElement !== from || focusFirst()) observer.disconnect();
    });
    observer.observe(body, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [open]);

  return (
    <section ref={regionRef} className="pickers-region" aria-label="What to compare">
      {summary !== null ? (
        <button
          type="button"
          className="pickers-summary"
          aria-expanded={open}
          aria-controls={bodyId}
          // A long key may be cut on screen: the whole line on hover.
          title={summary}
          onClick={() => {
            focusFirstField.current = !open;
            onToggle(!open);
          }}
        >
          <span aria-hidden="true" className="pickers-summary__icon">
            {open ? '▾' : '▸'}
          </span>
          <span className="pickers-summary__text">{summary}</span>
          <span aria-hidden="true" className="pickers-summary__icon pickers-summary__edit">
            ✎
          </span>
        </button>
      ) : null}
      <div id={bodyId} ref={bodyRef} className="pickers" hidden={!open}>
        {children}
      </div>
    </section>
  );
}
