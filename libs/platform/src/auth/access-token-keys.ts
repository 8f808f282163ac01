import type { FactoryProvider } from '@nestjs/common';
import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';

/** Where the guard finds the public key of a token's `kid`. */
export const ACCESS_TOKEN_KEYS = Symbol('ACCESS_TOKEN_KEYS');
export type AccessTokenKeys = JWTVerifyGetKey;

/** How a service replaces the default key source (identity reads its own key table). */
export type AccessTokenKeysProvider = Omit<FactoryProvider<AccessTokenKeys>, 'provide'>;

/**
 * The default for every service: identity's JWKS over HTTP, cached. An
 * unknown `kid` makes jose fetch the set again, at most once per cooldown,
 * so a rotated key is picked up without letting garbage `kid`s hammer identity.
 * Identity publishes a new key longer than this cooldown before signing with it.
 */
export const JWKS_REFETCH_COOLDOWN_MS = 30_000;
/** How long a key set is used before it is read again even with no unknown `kid` (a retired key stops being accepted). */
export const JWKS_CACHE_MAX_AGE_MS = 10 * 60_000;

export function remoteAccessTokenKeys(jwksUrl: string): AccessTokenKeys {
  return createRemoteJWKSet(new URL(jwksUrl), {
    cooldownDuration: JWKS_REFETCH_COOLDOWN_MS,
    cacheMaxAge: JWKS_CACHE_MAX_AGE_MS,
    timeoutDuration: 5_000,
  });
}
