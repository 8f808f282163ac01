import { createHash, randomBytes } from 'crypto';

/** An opaque refresh token: 32 random bytes, base64url. */
export function newRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

export function refreshTokenHash(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/**
 * When a login ends for good: its refresh tokens are refused from then on,
 * however recently each was issued, so a stolen refresh token cannot be
 * kept alive forever by refreshing it.
 */
export function refreshFamilyEnd(familyStartedAt: Date, lifetimeSeconds: number): Date {
  return new Date(familyStartedAt.getTime() + lifetimeSeconds * 1000);
}
