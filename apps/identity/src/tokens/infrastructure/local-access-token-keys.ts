import type { AccessTokenKeys } from '@passerelle/platform/auth';
import { createLocalJWKSet } from 'jose';
import type { SigningKeyStore } from './signing-key.store';

/**
 * Identity verifies its own tokens from its key table rather than over HTTP
 * to itself: it does not know its own public URL in every setup, and a
 * request to itself could wait on itself. The same keys as the JWKS
 * serves, so both paths accept exactly the same tokens.
 */
export function localAccessTokenKeys(store: SigningKeyStore): AccessTokenKeys {
  return async (protectedHeader, token) => createLocalJWKSet({ keys: await store.publishedKeys() })(protectedHeader, token);
}
