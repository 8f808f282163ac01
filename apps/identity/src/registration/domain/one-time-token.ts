import { createHash, randomBytes } from 'crypto';

/** What a one-time token lets its holder do, once. */
export type TokenPurpose = 'verify_email' | 'reset_password' | 'invitation';

/**
 * 32 random bytes, base64url (43 characters). The token travels only in the
 * mail to its owner; the database keeps its SHA-256 (a leaked table grants
 * nothing), and it never goes to Kafka or the logs.
 */
export function generateToken(): string {
  return randomBytes(32).toString('base64url');
}

/** SHA-256 of the token, hex. Enough against a table leak: the token has 256 bits of entropy, so no salt or slow hash is needed. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A string that could be a token we issued; anything else is refused before a lookup. */
export function isWellFormedToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}
