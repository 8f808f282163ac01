import type { ApiClient, ApiError } from '../api/client';
import type { SessionCalls } from './session-keeper';

/** Sent on the routes that read the session cookie: a page of another origin cannot send it without a preflight, which CORS refuses. */
const SESSION_HEADER = { params: { header: { 'X-Passerelle-Session': '1' } } } as const;

/** The browser session on the identity service: the refresh token stays in its HttpOnly cookie. */
export function sessionCalls(api: ApiClient): SessionCalls {
  return {
    async open(credentials) {
      try {
        const { data, error } = await api.POST('/v1/auth/session', { body: credentials });
        if (data) return { kind: 'signed-in', accessToken: data.accessToken, expiresIn: data.expiresIn };
        return { kind: 'rejected', error: error as ApiError };
      } catch {
        return { kind: 'unreachable' };
      }
    },
    async renew() {
      const { data, response } = await api.POST('/v1/auth/session/refresh', SESSION_HEADER);
      if (data) return { accessToken: data.accessToken, expiresIn: data.expiresIn };
      if (response.status === 401 || response.status === 403) return null;
      throw new Error(`session refresh answered ${response.status}`);
    },
    async close() {
      await api.DELETE('/v1/auth/session', SESSION_HEADER);
    },
  };
}
