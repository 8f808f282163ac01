import type { ApiClient, ApiError } from '../../api/client';
import type { components } from '../../api/types/identity';

export type Credentials = components['schemas']['LoginRequest'];
export type Member = components['schemas']['MemberProfileResponse'];

/** What a login attempt came to: a token, the server's error, or no answer at all. */
export type LoginOutcome = { kind: 'signed-in'; accessToken: string } | { kind: 'rejected'; error: ApiError } | { kind: 'unreachable' };

/** The calls the sign-in screens make; the application passes the real client, a test its own. */
export interface AuthApi {
  logIn(credentials: Credentials): Promise<LoginOutcome>;
  me(accessToken: string): Promise<Member>;
}

export function authApi(api: ApiClient): AuthApi {
  return {
    async logIn(credentials) {
      try {
        const { data, error } = await api.POST('/v1/auth/login', { body: credentials });
        if (data) return { kind: 'signed-in', accessToken: data.accessToken };
        return { kind: 'rejected', error: error as ApiError };
      } catch {
        return { kind: 'unreachable' };
      }
    },
    async me(accessToken) {
      const { data, error } = await api.GET('/v1/users/me', { headers: { authorization: `Bearer ${accessToken}` } });
      if (!data) throw new Error(error?.message ?? 'no profile');
      return data;
    },
  };
}
