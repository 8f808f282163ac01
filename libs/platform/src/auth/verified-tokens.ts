import type { AuthUser } from './auth-user';

/** How long a verified token is taken on trust before its signature is checked again. */
export const VERIFIED_TOKEN_TRUST_MS = 60_000;
const MAX_TOKENS = 10_000;

/**
 * Access tokens whose signature and claims were verified recently, by their
 * exact text. Checking an EdDSA signature is the costliest step of a cheap
 * read, and a client sends the same token with every request until it
 * expires.
 *
 * Only the whole token string finds an entry, so nothing can be forged
 * through it. A hit still goes through the revocation check: a revoked
 * token is refused even while it is remembered here. An entry lasts until the token expires, and at most
 * VERIFIED_TOKEN_TRUST_MS: a key withdrawn from identity's JWKS stops
 * opening doors within that time, as it would after the key cache's refresh.
 * Bounded: the oldest entries go first.
 */
export class VerifiedTokens<T = AuthUser> {
  private readonly entries = new Map<string, { readonly user: T; readonly until: number }>();

  constructor(
    private readonly trustMs = VERIFIED_TOKEN_TRUST_MS,
    private readonly capacity = MAX_TOKENS,
  ) {}

  /** What the token said if it was verified recently and has not expired since. */
  get(token: string, now = Date.now()): T | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (now < entry.until) return entry.user;
    this.entries.delete(token);
    return undefined;
  }

  /** `expiresAt`: the token's `exp` claim, in seconds since the epoch. */
  remember(token: string, user: T, expiresAt: number, now = Date.now()): void {
    const until = Math.min(expiresAt * 1000, now + this.trustMs);
    if (until <= now) return;
    this.entries.delete(token);
    this.entries.set(token, { user, until });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }
}
