import { randomBytes } from 'node:crypto';
import type { Credentials } from './proxy-rules.ts';

/**
 * Per-user sign-in (VERSUS_AUTH=per-user): each person's LangSmith key lives in this
 * process's memory only, found through a random id in an httpOnly cookie. Nothing is
 * written anywhere: a restart, sign-out or the expiry forgets it.
 */

export const SESSION_COOKIE = 'versus_session';
/** Sign-ins held at once; the oldest is forgotten first (memory stays bounded). */
const MAX_SESSIONS = 10_000;

interface Session extends Credentials {
  expiresAt: number;
}

export class SessionStore {
  private readonly sessions = new Map<string, Session>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    readonly maxAgeMs: number,
    private readonly now: () => number = Date.now,
  ) {
    // Expired sessions are dropped on use too; the sweep frees the ones never used again.
    this.sweeper = setInterval(() => this.sweep(), Math.min(maxAgeMs, 60_000));
    this.sweeper.unref();
  }

  /** Starts a session for these credentials and returns its id (the cookie value). */
  create(credentials: Credentials): string {
    if (this.sessions.size >= MAX_SESSIONS) {
      const oldest = this.sessions.keys().next().value;
      if (oldest !== undefined) this.sessions.delete(oldest);
    }
    const id = randomBytes(32).toString('base64url');
    this.sessions.set(id, {
      apiKey: credentials.apiKey,
      workspaceId: credentials.workspaceId,
      expiresAt: this.now() + this.maxAgeMs,
    });
    return id;
  }

  /** The credentials of a live session, or null (unknown, expired or signed out). */
  get(id: string | null): Credentials | null {
    if (!id) return null;
    const session = this.sessions.get(id);
    if (!session) return null;
    if (session.expiresAt <= this.now()) {
      this.sessions.delete(id);
      return null;
    }
    return { apiKey: session.apiKey, workspaceId: session.workspaceId };
  }

  delete(id: string | null): void {
    if (id) this.sessions.delete(id);
  }

  get size(): number {
    return this.sessions.size;
  }

  sweep(): void {
    const now = this.now();
    for (const [id, session] of this.sessions) {
      if (session.expiresAt <= now) this.sessions.delete(id);
    }
  }

  close(): void {
    clearInterval(this.sweeper);
    this.sessions.clear();
  }
}

/** The session id from a Cookie header; only our cookie's value, in its own shape. */
export function sessionIdFrom(cookieHeader: string | undefined): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== SESSION_COOKIE) continue;
    const value = part.slice(eq + 1).trim();
    if (/^[A-Za-z0-9_-]{43}$/.test(value)) return value;
  }
  return null;
}

/**
 * The cookie: httpOnly (page script never reads it), SameSite=Strict (no other site's page
 * or link sends it), Secure when the page was reached over https.
 */
export function sessionCookie(id: string, maxAgeMs: number, secure: boolean): string {
  const parts = [
    `${SESSION_COOKIE}=${id}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${Math.floor(maxAgeMs / 1000)}`,
  ];
  if (secure) parts.push('Secure');
  return parts.join('; ');
}

export function clearedSessionCookie(secure: boolean): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${secure ? '; Secure' : ''}`;
}
