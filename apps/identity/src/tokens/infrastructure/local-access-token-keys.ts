import { type AccessTokenKeys, JWKS_CACHE_MAX_AGE_MS, JWKS_REFETCH_COOLDOWN_MS } from '@passerelle/platform/auth';
import { createLocalJWKSet, type JWK } from 'jose';
import type { SigningKeyStore } from './signing-key.store';

/**
 * Identity verifies its own tokens from its key table rather than over HTTP
 * to itself: it does not know its own public URL in every setup, and a
 * request to itself could wait on itself. The same keys as the JWKS
 * serves, so both paths accept exactly the same tokens. The key set is kept
 * in memory as the other services keep identity's JWKS, with the same
 * timings: an unknown `kid` reloads it at most once per cooldown, so a new
 * key (published two minutes before it signs) is picked up while made-up
 * `kid`s cannot make every request read the table. A key this process
 * itself signs with is genuine: it reloads at once, once per key.
 */
export function localAccessTokenKeys(store: Pick<SigningKeyStore, 'publishedKeys' | 'hasSignedWith'>): AccessTokenKeys {
  const reloadedFor = new Set<string>();
  let cached: { loadedAt: number; kids: Set<string>; keySet: ReturnType<typeof createLocalJWKSet> } | undefined;
  // Requests arriving together share one read of the table.
  let loading: Promise<NonNullable<typeof cached>> | undefined;
  const load = () => {
    loading ??= store
      .publishedKeys()
      .then((keys: JWK[]) => (cached = { loadedAt: Date.now(), kids: new Set(keys.map((key) => key.kid ?? '')), keySet: createLocalJWKSet({ keys }) }))
      .finally(() => (loading = undefined));
    return loading;
  };
  return async (protectedHeader, token) => {
    let current = cached && Date.now() - cached.loadedAt < JWKS_CACHE_MAX_AGE_MS ? cached : await load();
    const { kid } = protectedHeader;
    if (kid !== undefined && !current.kids.has(kid)) {
      const ownNewKey = store.hasSignedWith(kid) && !reloadedFor.has(kid);
      if (ownNewKey) reloadedFor.add(kid);
      if (ownNewKey || Date.now() - current.loadedAt >= JWKS_REFETCH_COOLDOWN_MS) current = await load();
    }
    return current.keySet(protectedHeader, token);
  };
}
