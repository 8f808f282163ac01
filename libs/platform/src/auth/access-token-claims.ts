import type { JWTPayload } from 'jose';
import { ACCOUNT_ROLES, type AccountRole, type AuthUser, TOKEN_CLAIMS } from './auth-user';

/** Every access token is issued for the platform as a whole; each service checks it. */
export const ACCESS_TOKEN_AUDIENCE = 'passerelle';
/**
 * The only algorithm a verifier accepts: pinning it is what refuses `alg: none`
 * and an HS256 token "signed" with the public key (issue 3, item 7).
 */
export const ACCESS_TOKEN_ALGORITHM = 'EdDSA';

/** The private claims identity writes beside `sub`, `iss`, `aud`, `iat`, `exp` and `jti`. */
export function accessTokenClaims(user: Omit<AuthUser, 'userId'>, tokenEpoch: number): JWTPayload {
  return {
    [TOKEN_CLAIMS.networkId]: user.networkId,
    [TOKEN_CLAIMS.roles]: [...user.roles],
    [TOKEN_CLAIMS.kind]: user.kind,
    [TOKEN_CLAIMS.tokenEpoch]: tokenEpoch,
  };
}

/**
 * The account's token epoch the token was issued at. Tokens issued before
 * epochs existed have no claim and count as 0, so a revocation ends them
 * too; a claim that is not a non-negative integer makes the token invalid.
 */
export function tokenEpochOf(payload: JWTPayload): number | undefined {
  const epoch = payload[TOKEN_CLAIMS.tokenEpoch];
  if (epoch === undefined) return 0;
  return Number.isSafeInteger(epoch) && (epoch as number) >= 0 ? (epoch as number) : undefined;
}

/**
 * The caller a verified payload describes, or undefined when a claim is
 * missing or malformed: a token with a good signature but an unexpected
 * shape is still refused rather than half-trusted.
 */
export function authUserFromClaims(payload: JWTPayload): AuthUser | undefined {
  const networkId = payload[TOKEN_CLAIMS.networkId];
  const roles = payload[TOKEN_CLAIMS.roles];
  const kind = payload[TOKEN_CLAIMS.kind];
  if (typeof payload.sub !== 'string' || payload.sub === '') return undefined;
  if (typeof networkId !== 'string' || networkId === '') return undefined;
  if (kind !== 'user' && kind !== 'service') return undefined;
  if (!Array.isArray(roles) || !roles.every(isAccountRole)) return undefined;
  return { userId: payload.sub, networkId, roles, kind };
}

function isAccountRole(value: unknown): value is AccountRole {
  return (ACCOUNT_ROLES as readonly unknown[]).includes(value);
}
