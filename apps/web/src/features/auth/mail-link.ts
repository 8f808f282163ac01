import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';

const tokenIn = (hash: string) => new URLSearchParams(hash.replace(/^#/, '')).get('token');

/**
 * The token a mail's link carries in its fragment (`#token=…`), read as the
 * page opens, or as the link is pasted into the tab where the page already
 * is; then the fragment leaves the address bar (a replaced history entry),
 * so that the token is neither kept in the history nor left on screen. A
 * reload after that finds no token: the page asks to open the mail's link
 * again.
 */
export function useMailToken(): string | null {
  const location = useLocation();
  const navigate = useNavigate();
  const [token, setToken] = useState(() => tokenIn(location.hash));
  const arriving = tokenIn(location.hash);
  if (arriving && arriving !== token) setToken(arriving);
  const hasFragment = location.hash !== '';
  useEffect(() => {
    if (hasFragment) void navigate({ pathname: location.pathname, search: location.search }, { replace: true });
  }, [hasFragment, location.pathname, location.search, navigate]);
  return token;
}

/** The links between the public pages carry the network the person already named. */
export function withNetwork(path: string, network: string, extra: Record<string, string> = {}): string {
  const search = new URLSearchParams({ ...(network ? { network } : {}), ...extra }).toString();
  return search ? `${path}?${search}` : path;
}
