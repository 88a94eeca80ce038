import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { type DataSource, DataSourceContext } from '../lib/data-source';
import { ApiError } from './errors';
import { useExplainError } from './explain-error';

const refused = new ApiError({
  kind: 'unauthorized',
  status: 401,
  message: 'Invalid token',
  path: '/api/v1/datasets',
});

function explainFor(source: DataSource, error: unknown = refused) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <DataSourceContext value={source}>{children}</DataSourceContext>
  );
  const { result } = renderHook(() => useExplainError(), { wrapper });
  return result.current(error, 'the datasets');
}

describe('useExplainError for a refused key', () => {
  it('points at the environment with a server key', () => {
    const words = explainFor({ source: 'live', host: 'h' });
    expect(words.hint).toContain('The API key is missing or wrong.');
    expect(words.hint).toContain('LANGSMITH_API_KEY');
    expect(words.onSignIn).toBeUndefined();
  });

  it('offers to sign in again in per-user mode', () => {
    const words = explainFor({ source: 'live', host: 'h', perUser: { signedIn: true } });
    expect(words.hint).toContain('The API key is missing or wrong');
    expect(words.hint).not.toContain('LANGSMITH_API_KEY');
    expect(words.onSignIn).toBeTypeOf('function');
  });

  it('keeps Retry for other failures in per-user mode', () => {
    const words = explainFor(
      { source: 'live', host: 'h', perUser: { signedIn: true } },
      new ApiError({ kind: 'server', status: 500, message: 'boom', path: '/x' }),
    );
    expect(words.onSignIn).toBeUndefined();
    expect(words.title).toContain('server error');
  });
});
