import type { SessionInfo } from '@contracts/auth.ts';

/**
 * The signed-in inspector as last confirmed by the server, kept so the app opens offline (the server still checks the
 * session cookie on every call). No token is kept here: the CSRF token is fetched again before anything is sent.
 */
export type CachedSession = Pick<SessionInfo, 'account' | 'org'>;

const KEY = 'xf-field-session';

export function readCachedSession(): CachedSession | null {
  try {
    const text = localStorage.getItem(KEY);
    if (!text) return null;
    const value = JSON.parse(text) as CachedSession;
    return typeof value?.account?.id === 'string' ? value : null;
  } catch {
    return null;
  }
}

export function writeCachedSession(session: SessionInfo | null): void {
  try {
    if (session) localStorage.setItem(KEY, JSON.stringify({ account: session.account, org: session.org }));
    else localStorage.removeItem(KEY);
  } catch {
    // Private mode without storage: the app still works while the page is open.
  }
}
