import { type MouseEvent, useMemo } from 'react';
import { DisplayControls } from '../components/display-controls';
import { SignOutButton } from '../features/auth/sign-out-button';
import { type DataSource, describeSource } from '../lib/data-source';
import { useUrlSearch } from '../lib/use-url-search';
import { isComplete, parseView } from './view-params';

/**
 * Puts focus on the matrix's current cell (its roving tab stop), so that its arrow keys work
 * at once. Before the matrix is drawn the link just goes to the comparison.
 */
function skipToMatrix(event: MouseEvent<HTMLAnchorElement>) {
  const grid = document.querySelector('[role="grid"][aria-label="Comparison matrix"]');
  const cell =
    grid?.querySelector<HTMLElement>('tbody [tabindex="0"]') ??
    grid?.querySelector<HTMLElement>('tbody [tabindex]');
  if (!cell) return;
  event.preventDefault();
  cell.focus();
}

export function AppHeader({ source }: { source: DataSource }) {
  const [search] = useUrlSearch();
  const comparing = useMemo(() => isComplete(parseView(search).view), [search]);
  return (
    <header className="app-header">
      {/* The first Tab stop once there is a comparison: the matrix is otherwise dozens away. */}
      {comparing ? (
        // biome-ignore lint/a11y/useValidAnchor: page navigation (to #comparison) that also puts focus in the grid
        <a className="skip-link" href="#comparison" onClick={skipToMatrix}>
          Skip to matrix
        </a>
      ) : null}
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <h1 className="app-title">
        <span aria-hidden="true" className="app-logo">
          V
        </span>
        Versus
      </h1>
      <p className="app-tagline">Compare LangSmith experiments, example by example.</p>
      <output
        className={`source-badge source-badge--${source.source}`}
        data-source={source.source}
        aria-label={`Data source: ${describeSource(source)}`}
      >
        {describeSource(source)}
      </output>
      {source.source === 'live' && source.perUser?.signedIn ? <SignOutButton /> : null}
      <DisplayControls />
    </header>
  );
}
