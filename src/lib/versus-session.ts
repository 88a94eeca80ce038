/**
 * Sign-in and sign-out against the Versus server (per-user mode). The key goes to the server
 * once, in the body of a same-origin POST; the server answers with an httpOnly cookie that
 * page script cannot read, and never sends the key back.
 */
export const SESSION_PATH = '/__versus/session';

export type SignInResult = { ok: true } | { ok: false; message: string };

export async function signIn(apiKey: string, workspaceId: string): Promise<SignInResult> {
  let response: Response;
  try {
    response = await fetch(SESSION_PATH, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify({ apiKey, workspaceId: workspaceId.trim() || undefined }),
      credentials: 'same-origin',
    });
  } catch {
    return { ok: false, message: 'The Versus server could not be reached. Try again.' };
  }
  if (response.ok) return { ok: true };
  return { ok: false, message: await detailOf(response) };
}

export async function signOut(): Promise<void> {
  try {
    await fetch(SESSION_PATH, { method: 'DELETE', credentials: 'same-origin' });
  } catch {
    // The page reloads either way; a server that cannot be reached has no session to end.
  }
}

/** Ends the session and shows the sign-in form, keeping the URL (the view comes back after). */
export async function signInAgain(): Promise<void> {
  await signOut();
  window.location.reload();
}

async function detailOf(response: Response): Promise<string> {
  try {
    const body: unknown = await response.json();
    const detail = (body as { detail?: unknown } | null)?.detail;
    if (typeof detail === 'string' && detail.trim()) return detail;
  } catch {
    // Not JSON: say what we know.
  }
  return `Sign-in failed (${response.status}).`;
}
