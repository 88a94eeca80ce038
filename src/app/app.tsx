import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { createQueryClient } from '../api/query-client';
import { OfflineBanner } from '../components/offline-banner';
import { PanelBoundary } from '../components/panel-boundary';
import { SignInForm } from '../features/auth/sign-in-form';
import { type DataSource, needsSignIn } from '../lib/data-source';
import { AppHeader } from './app-header';
import { Dashboard } from './dashboard';

export function App({
  source,
  demoProblem = null,
  client,
}: {
  source: DataSource;
  demoProblem?: string | null;
  /** The page's query client, when boot already started requests with it. */
  client?: QueryClient;
}) {
  const [queryClient] = useState(() => client ?? createQueryClient());
  return (
    <QueryClientProvider client={queryClient}>
      <AppHeader source={source} />
      <main id="main" className="page">
        {/* A snapshot never fetches: being offline changes nothing in it. */}
        {source.source === 'snapshot' ? null : <OfflineBanner />}
        {demoProblem ? (
          <div role="alert" className="notice notice--error">
            <p>
              <strong>The demo data could not start.</strong> Demo mode serves its data from a
              service worker, which this browser refused ({demoProblem}). Open the page over
              http://localhost or https, or connect a LangSmith workspace with
              <code> LANGSMITH_ENDPOINT</code> and <code>LANGSMITH_API_KEY</code>.
            </p>
          </div>
        ) : null}
        {source.source === 'live' && needsSignIn(source) ? (
          <SignInForm host={source.host} onSignedIn={() => window.location.reload()} />
        ) : (
          // Anything a panel's own boundary did not catch: said here, the header and the
          // URL (the view) kept.
          <PanelBoundary name="the dashboard">
            <Dashboard source={source} />
          </PanelBoundary>
        )}
      </main>
    </QueryClientProvider>
  );
}
