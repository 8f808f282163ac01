import type { AccessTokenKeys } from '@passerelle/platform/auth';
import { createLocalJWKSet, type JWK } from 'jose';
import type { SigningKeyStore } from './signing-key.store';

/**
 * How long identity trusts its in-memory copy of the published keys. A new
 * key is published two minutes before it signs anything, so a copy this old
 * still knows every key in use; an unknown `kid` reloads at once anyway.
 */
const KEYS_TTL_MS = 30_000;

/**
 * Identity verifies its own tokens from its key table rather than over HTTP
 * to itself: it does not know its own public URL in every setup, and a
 * request to itself could wait on itself. The same keys as the JWKS
 * serves, so both paths accept exactly the same tokens. The key set is kept
 * in memory, so an authenticated request does not read the table.
 */
export function localAccessTokenKeys(store: SigningKeyStore): AccessTokenKeys {
  let cached: { loadedAt: number; kids: Set<string>; keySet: ReturnType<typeof createLocalJWKSet> } | undefined;
  const load = async () => {
    const keys: JWK[] = await store.publishedKeys();
    cached = { loadedAt: Date.now(), kids: new Set(keys.map((key) => key.kid ?? '')), keySet: createLocalJWKSet({ keys }) };
    return cached;
  };
  return async (protectedHeader, token) => {
    let current = cached && Date.now() - cached.loadedAt < KEYS_TTL_MS ? cached : await load();
    if (protectedHeader.kid && !current.kids.has(protectedHeader.kid)) current = await load();
    return current.keySet(protectedHeader, token);
  };
}
