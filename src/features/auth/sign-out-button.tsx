import { useState } from 'react';
import { signInAgain } from '../../lib/versus-session';

/** Per-user mode, signed in: ends the session on the server, back to the sign-in form. */
export function SignOutButton() {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      className="button"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signInAgain();
      }}
    >
      Sign out
    </button>
  );
}
