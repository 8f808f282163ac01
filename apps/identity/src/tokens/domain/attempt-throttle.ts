import { createHash } from 'crypto';

/**
 * Throttles (docs/operations.md, configuration of identity): every route that takes a secret or
 * sends a mail without a token is limited per account and per client
 * address (IP). Attempts are counted in a sliding window, under one of two
 * rules:
 * - `backoff`: a few free failures, then each further attempt must wait
 *   twice as long as the previous one since the last failure (logins);
 * - `count`: at most `max` attempts in the window, then wait until the
 *   oldest leaves it.
 */
export type AttemptLimit =
  | { readonly kind: 'backoff'; readonly windowMs: number; readonly freeFailures: number; readonly firstDelayMs: number; readonly maxDelayMs: number }
  | { readonly kind: 'count'; readonly windowMs: number; readonly max: number };

/** What is throttled; each action counts apart. */
export type ThrottledAction = 'login' | 'register' | 'verify_email' | 'password_reset' | 'password_reset_confirm' | 'change_password';

export interface ThrottlePolicy {
  readonly action: ThrottledAction;
  readonly perAccount: AttemptLimit;
  /** An address gets more than an account, so a campus behind one NAT can still get through. */
  readonly perClient: AttemptLimit;
}

export const ACCOUNT_THROTTLE = {
  kind: 'backoff',
  windowMs: 15 * 60_000,
  freeFailures: 5,
  firstDelayMs: 30_000,
  maxDelayMs: 15 * 60_000,
} as const satisfies AttemptLimit;

export const ADDRESS_THROTTLE = { kind: 'count', windowMs: 15 * 60_000, max: 100 } as const satisfies AttemptLimit;

/** Logins and the client-credentials grant: failures only, enough for a campus, too few to try passwords across accounts. */
export const LOGIN_THROTTLE: ThrottlePolicy = { action: 'login', perAccount: ACCOUNT_THROTTLE, perClient: ADDRESS_THROTTLE };

/** How long the next attempt must wait under `limit`; 0 when it may go now. */
export function waitMs(limit: AttemptLimit, attempts: readonly Date[], now: Date): number {
  const recent = attempts
    .map((at) => at.getTime())
    .filter((at) => now.getTime() - at < limit.windowMs)
    .sort((a, b) => a - b);
  if (limit.kind === 'backoff') {
    if (recent.length < limit.freeFailures) return 0;
    const delay = Math.min(limit.firstDelayMs * 2 ** (recent.length - limit.freeFailures), limit.maxDelayMs);
    return Math.max(0, recent[recent.length - 1] + delay - now.getTime());
  }
  if (recent.length < limit.max) return 0;
  const mustExpire = recent[recent.length - limit.max];
  return Math.max(0, mustExpire + limit.windowMs - now.getTime());
}

const digest = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * The throttle's name for the account of an address in a network: a digest,
 * not the address, so the attempts table never holds an e-mail (an attempt
 * after an erasure writes nothing personal). Only kept for the throttle window.
 */
export function accountThrottleKey(networkSlug: string, email: string): string {
  return `user:${digest(`${networkSlug}\n${email.trim().toLowerCase()}`)}`;
}

/** The throttle's name for a signed-in person, by id (their address may change). */
export function userThrottleKey(userId: string): string {
  return `id:${digest(userId)}`;
}
