import { type FormEvent, useId, useRef, useState } from 'react';
import { signIn } from '../../lib/versus-session';
import './auth.css';

/**
 * Per-user mode, signed out: the person's own LangSmith key, sent once to the Versus server.
 * The URL is left alone, so a shared link opens its view right after signing in.
 */
export function SignInForm({
  host,
  onSignedIn,
}: {
  host: string;
  /** Called once the server holds the key (the page then reloads into the linked view). */
  onSignedIn: () => void;
}) {
  const id = useId();
  const keyInput = useRef<HTMLInputElement>(null);
  const [apiKey, setApiKey] = useState('');
  const [workspaceId, setWorkspaceId] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    if (!apiKey.trim()) {
      setError('Enter your LangSmith API key.');
      keyInput.current?.focus();
      return;
    }
    setPending(true);
    setError(null);
    const result = await signIn(apiKey.trim(), workspaceId);
    setPending(false);
    if (result.ok) {
      // The page keeps no copy of the key once the server has it.
      setApiKey('');
      onSignedIn();
      return;
    }
    setError(result.message);
    keyInput.current?.focus();
  };

  return (
    <section className="sign-in" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="section-title">
        Sign in
      </h2>
      <p className="sign-in__intro">
        This Versus server reads <strong>{host}</strong> with each person's own LangSmith API key.
        The server keeps yours in memory for this sign-in only (until you sign out, the sign-in
        expires or the server restarts); this page never sees it again.
      </p>
      <form className="sign-in__form" onSubmit={submit} noValidate aria-busy={pending}>
        <div className="field">
          <label htmlFor={`${id}-key`}>LangSmith API key</label>
          <input
            ref={keyInput}
            id={`${id}-key`}
            className="input"
            type="password"
            autoComplete="off"
            spellCheck={false}
            required
            value={apiKey}
            onChange={(e) => setApiKey(e.target.value)}
            aria-invalid={error !== null}
            aria-describedby={error ? `${id}-error` : undefined}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-workspace`}>Workspace ID</label>
          <input
            id={`${id}-workspace`}
            className="input"
            type="text"
            autoComplete="off"
            spellCheck={false}
            value={workspaceId}
            onChange={(e) => setWorkspaceId(e.target.value)}
            aria-describedby={`${id}-workspace-hint`}
          />
          <p id={`${id}-workspace-hint`} className="sign-in__hint">
            Optional: only for a key that covers several workspaces.
          </p>
        </div>
        {error ? (
          <p id={`${id}-error`} role="alert" className="notice notice--error">
            {error}
          </p>
        ) : null}
        <button type="submit" className="button" disabled={pending}>
          Sign in
        </button>
      </form>
    </section>
  );
}
