import './langsmith-link.css';
import type { MouseEvent, ReactNode } from 'react';
import type { LinkTarget } from '../lib/langsmith-links';

const stop = (event: MouseEvent) => event.stopPropagation();

/**
 * "Open in LangSmith: …": a new tab on the web app, or, where there is no link (demo data,
 * no workspace), the same link disabled with the reason as its description and tooltip.
 * A working link's click never reaches the cell it sits in (which would open the detail).
 */
export function LangSmithLink({
  target,
  what,
  children,
  className = '',
  focusable = true,
  showReason = false,
}: {
  target: LinkTarget;
  /** What it opens: "trace of gpt-4o's run" (the name says "Open in LangSmith: " first). */
  what: string;
  /** The visible text; the accessible name is always "Open in LangSmith: <what>". */
  children: ReactNode;
  className?: string;
  /** False inside the matrix's cells: the grid's arrow keys move, the detail panel links. */
  focusable?: boolean;
  /** Say a disabled link's reason in words beside it too (not just as its tooltip). */
  showReason?: boolean;
}) {
  const label = `Open in LangSmith: ${what}`;
  if (target.href === null) {
    const link = (
      // biome-ignore lint/a11y/useValidAnchor: no href on purpose: a disabled link (aria-disabled), its reason as description
      <a
        role="link"
        aria-disabled="true"
        aria-label={label}
        title={target.reason}
        className={`langsmith-link is-disabled ${className}`}
        tabIndex={focusable ? 0 : -1}
      >
        {children}
      </a>
    );
    if (!showReason) return link;
    return (
      <span className="langsmith-link__disabled">
        {link} <span className="langsmith-link__reason">{target.reason}</span>
      </span>
    );
  }
  return (
    <a
      href={target.href}
      target="_blank"
      rel="noopener noreferrer"
      aria-label={`${label} (new tab)`}
      title={`${label} (new tab)`}
      className={`langsmith-link ${className}`}
      tabIndex={focusable ? undefined : -1}
      onClick={stop}
    >
      {children}
    </a>
  );
}
