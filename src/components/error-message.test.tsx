import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErrorMessage } from './error-message';

afterEach(cleanup);

describe('ErrorMessage', () => {
  it('offers Retry', () => {
    const retry = vi.fn();
    render(<ErrorMessage title="Could not load." hint="Try again." onRetry={retry} />);
    screen.getByRole('button', { name: 'Retry' }).click();
    expect(retry).toHaveBeenCalledOnce();
    expect(screen.getByRole('alert')).toHaveTextContent('Could not load.Try again.');
  });

  it('offers "Sign in again" instead of Retry where signing in is the way out', () => {
    const signIn = vi.fn();
    render(<ErrorMessage title="Refused." hint="Sign in." onRetry={vi.fn()} onSignIn={signIn} />);
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
    screen.getByRole('button', { name: 'Sign in again' }).click();
    expect(signIn).toHaveBeenCalledOnce();
  });
});
