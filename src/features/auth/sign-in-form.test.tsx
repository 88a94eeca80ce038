import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { serveDemoData, TEST_ORIGIN } from '../../testing/demo-server';
import { SignInForm } from './sign-in-form';

const server = serveDemoData();
afterEach(cleanup);

const GOOD_KEY = 'lsv2_pt_good_0123456789';
const sent: unknown[] = [];

function answerSignIn() {
  sent.length = 0;
  server.use(
    http.post(`${TEST_ORIGIN}/__versus/session`, async ({ request }) => {
      const body = (await request.json()) as { apiKey: string };
      sent.push(body);
      return body.apiKey === GOOD_KEY
        ? HttpResponse.json({ signedIn: true })
        : HttpResponse.json(
            { detail: 'LangSmith did not accept this API key (401).' },
            { status: 401 },
          );
    }),
  );
}

function setup() {
  const onSignedIn = vi.fn();
  const user = userEvent.setup();
  render(<SignInForm host="api.smith.langchain.com" onSignedIn={onSignedIn} />);
  return { user, onSignedIn };
}

describe('SignInForm', () => {
  it('names its fields and button exactly', () => {
    setup();
    expect(screen.getByLabelText('LangSmith API key', { exact: true })).toHaveAttribute(
      'type',
      'password',
    );
    expect(screen.getByLabelText('Workspace ID', { exact: true })).not.toBeRequired();
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  });

  it('answers a wrong key in the form, and keeps the person there', async () => {
    answerSignIn();
    const { user, onSignedIn } = setup();
    await user.type(screen.getByLabelText('LangSmith API key'), 'lsv2_pt_wrong');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('did not accept this API key');
    expect(onSignedIn).not.toHaveBeenCalled();
    expect(screen.getByLabelText('LangSmith API key')).toHaveAttribute('aria-invalid', 'true');
  });

  it('sends the key and workspace once, then lets the page go on without a copy', async () => {
    answerSignIn();
    const { user, onSignedIn } = setup();
    await user.type(screen.getByLabelText('LangSmith API key'), ` ${GOOD_KEY} `);
    await user.type(screen.getByLabelText('Workspace ID'), '11111111-2222-4333-8444-555555555555');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await vi.waitFor(() => expect(onSignedIn).toHaveBeenCalledTimes(1));
    expect(sent).toEqual([
      { apiKey: GOOD_KEY, workspaceId: '11111111-2222-4333-8444-555555555555' },
    ]);
    expect(screen.getByLabelText('LangSmith API key')).toHaveValue('');
  });

  it('asks for a key before sending anything', async () => {
    answerSignIn();
    const { user, onSignedIn } = setup();
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Enter your LangSmith API key.');
    expect(sent).toEqual([]);
    expect(onSignedIn).not.toHaveBeenCalled();
  });

  it('says so when the server cannot be reached', async () => {
    server.use(http.post(`${TEST_ORIGIN}/__versus/session`, () => HttpResponse.error()));
    const { user } = setup();
    await user.type(screen.getByLabelText('LangSmith API key'), GOOD_KEY);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('could not be reached');
  });
});
