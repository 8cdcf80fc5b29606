/**
 * Who is signed in: loaded once from the server, updated at login and logout; a 401 anywhere sends the
 * user back to the login page, a refusal for a handed-out password opens the password dialog.
 * @module
 */
import { type ReactNode, createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { setPasswordChangeHandler, setUnauthorizedHandler } from './api/client.ts';
import { currentUser, login as apiLogin, logout as apiLogout } from './api/endpoints.ts';
import type { User } from './api/types.ts';
import { navigate } from './routing/router.tsx';

type SessionState = {
  readonly user: User | null;
  readonly loading: boolean;
  /** Set when the server could not be reached while loading the session. */
  readonly error: unknown;
  login(username: string, password: string): Promise<User>;
  logout(): Promise<void>;
  reload(): void;
};

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setLoading(true);
    currentUser()
      .then((u) => { if (live) { setUser(u); setError(null); } })
      .catch((e: unknown) => { if (live) setError(e); })
      .finally(() => { if (live) setLoading(false); });
    return () => { live = false; };
  }, [attempt]);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      setUser(null);
      const here = window.location.pathname + window.location.search;
      if (!here.startsWith('/login')) void navigate(`/login?next=${encodeURIComponent(here)}`, { force: true });
    });
    // The server refuses everything until a handed-out password is changed: reload who is signed in, so the
    // password dialog opens (user.mustChangePassword).
    setPasswordChangeHandler(() => setUser((u) => (u ? { ...u, mustChangePassword: true } : u)));
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const u = await apiLogin(username, password);
    setUser(u);
    setError(null);
    return u;
  }, []);
  const logout = useCallback(async () => {
    try {
      await apiLogout();
    } finally {
      setUser(null);
    }
  }, []);
  const value = useMemo(() => ({ user, loading, error, login, logout, reload: () => setAttempt((n) => n + 1) }), [user, loading, error, login, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession 须在 SessionProvider 内使用');
  return s;
}

/** Where a user starts: preparers at their unit's evaluations, reviewers at the inbox. */
export const homeOf = (user: User): string => (user.role === 'preparer' || user.role === 'unitHead' ? '/evaluations' : user.role === 'admin' ? '/dashboard' : '/inbox');
