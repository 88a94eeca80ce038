import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import { type DataSource, DataSourceContext } from '../lib/data-source';
import { ErrorMessage } from './error-message';

afterEach(cleanup);

const refused = new ApiError({
  kind: 'unauthorized',
  status: 401,
  message: 'Invalid token',
  path: '/api/v1/datasets',
});

function show(source: DataSource, error: unknown = refused) {
  render(
    <DataSourceContext value={source}>
      <ErrorMessage error={error} what="the datasets" onRetry={() => {}} />
    </DataSourceContext>,
  );
}

describe('ErrorMessage for a refused key', () => {
  it('points at the environment with a server key', () => {
    show({ source: 'live', host: 'h' });
    expect(screen.getByRole('alert')).toHaveTextContent('The API key is missing or wrong.');
    expect(screen.getByRole('alert')).toHaveTextContent('LANGSMITH_API_KEY');
    expect(screen.queryByRole('button', { name: 'Sign in again' })).toBeNull();
  });

  it('offers to sign in again in per-user mode', () => {
    show({ source: 'live', host: 'h', perUser: { signedIn: true } });
    expect(screen.getByRole('alert')).toHaveTextContent('The API key is missing or wrong');
    expect(screen.getByRole('alert')).not.toHaveTextContent('LANGSMITH_API_KEY');
    expect(screen.getByRole('button', { name: 'Sign in again' })).toBeInTheDocument();
  });

  it('keeps Retry for other failures in per-user mode', () => {
    show(
      { source: 'live', host: 'h', perUser: { signedIn: true } },
      new ApiError({ kind: 'server', status: 500, message: 'boom', path: '/x' }),
    );
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Sign in again' })).toBeNull();
  });
});
