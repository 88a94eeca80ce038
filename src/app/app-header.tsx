import { DisplayControls } from '../components/display-controls';
import { SignOutButton } from '../features/auth/sign-out-button';
import { type DataSource, describeSource } from '../lib/data-source';

export function AppHeader({ source }: { source: DataSource }) {
  return (
    <header className="app-header">
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
