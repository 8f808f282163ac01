import { createHash } from 'crypto';

/**
 * Login and token endpoints are throttled per account and per client
 * address (PRODUCT.md, Security; issue 3, item 8). Failures are counted in
 * a sliding window. An account gets a few free failures, then each further
 * attempt must wait twice as long as the previous one since the last
 * failure; an address gets many more, so a campus behind one NAT can still
 * log in, but not enough to try passwords across accounts.
 */
export const ACCOUNT_THROTTLE = {
  windowMs: 15 * 60_000,
  freeFailures: 5,
  firstDelayMs: 30_000,
  maxDelayMs: 15 * 60_000,
} as const;

export const ADDRESS_THROTTLE = {
  windowMs: 15 * 60_000,
  maxFailures: 100,
} as const;

/** How long the account must wait before its next attempt; 0 when it may try now. */
export function accountWaitMs(failures: readonly Date[], now: Date): number {
  const recent = failures.filter((at) => now.getTime() - at.getTime() < ACCOUNT_THROTTLE.windowMs);
  if (recent.length < ACCOUNT_THROTTLE.freeFailures) return 0;
  const delay = Math.min(
    ACCOUNT_THROTTLE.firstDelayMs * 2 ** (recent.length - ACCOUNT_THROTTLE.freeFailures),
    ACCOUNT_THROTTLE.maxDelayMs,
  );
  const last = Math.max(...recent.map((at) => at.getTime()));
  return Math.max(0, last + delay - now.getTime());
}

/** How long the address must wait until enough of its failures leave the window; 0 when it may try now. */
export function addressWaitMs(failures: readonly Date[], now: Date): number {
  const recent = failures
    .map((at) => at.getTime())
    .filter((at) => now.getTime() - at < ADDRESS_THROTTLE.windowMs)
    .sort((a, b) => a - b);
  if (recent.length < ADDRESS_THROTTLE.maxFailures) return 0;
  const mustExpire = recent[recent.length - ADDRESS_THROTTLE.maxFailures];
  return Math.max(0, mustExpire + ADDRESS_THROTTLE.windowMs - now.getTime());
}

/**
 * The throttle's name for an account: a digest, not the address, so the
 * attempts table never holds an e-mail (a login tried after an erasure
 * writes nothing personal). Only kept for the throttle window.
 */
export function loginAccountKey(networkSlug: string, email: string): string {
  return `user:${createHash('sha256').update(`${networkSlug}\n${email.trim().toLowerCase()}`).digest('hex')}`;
}
