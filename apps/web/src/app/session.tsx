import { createContext, type ReactNode, useContext, useEffect, useSyncExternalStore } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import type { ApiClient } from '../api/client';
import { QueryState } from '../components/QueryState';
import type { SessionKeeper, SessionState } from './session-keeper';

type SessionContextValue = { keeper: SessionKeeper; api: ApiClient };

const SessionContext = createContext<SessionContextValue | null>(null);

/** Gives the pages the session and the API client that sends its token; restores an earlier session on load. */
export function SessionProvider({ keeper, api, children }: SessionContextValue & { children: ReactNode }) {
  useEffect(() => {
    if (keeper.current().status === 'restoring') void keeper.restore();
  }, [keeper]);
  return <SessionContext.Provider value={{ keeper, api }}>{children}</SessionContext.Provider>;
}

function useSessionContext(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The session's state, re-rendering on every change (sign-in, renewal, expiry). */
export function useSession(): { state: SessionState; keeper: SessionKeeper } {
  const { keeper } = useSessionContext();
  const state = useSyncExternalStore(keeper.subscribe, keeper.current);
  return { state, keeper };
}

/** The typed client of the five services, carrying the session's token. */
export function useApi(): ApiClient {
  return useSessionContext().api;
}

/** Where the login page sends a person back to once signed in. */
export function nextPathOf(search: string): string {
  const next = new URLSearchParams(search).get('next');
  // Only a path of this application: never an absolute or protocol-relative URL.
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

/**
 * The pages behind a sign-in. Without a session they send the person to the
 * login page, which brings them back here afterwards; an ended session says so.
 */
export function RequireSession({ children }: { children?: ReactNode }) {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'restoring') return <QueryState status="pending" />;
  if (state.status === 'signed-out') {
    const next = `${location.pathname}${location.search}${location.hash}`;
    const search = new URLSearchParams(next === '/' ? {} : { next });
    if (state.reason === 'expired') search.set('expired', '1');
    const query = search.toString();
    return <Navigate to={`/login${query ? `?${query}` : ''}`} replace />;
  }
  return children ?? <Outlet />;
}
