/**
 * When a signing key is created, used and published (issue 3, item 3:
 * "old key kept until its tokens expire"). Keys are listed newest first.
 */
export interface ScheduledKey {
  readonly kid: string;
  readonly createdAt: Date;
}

/**
 * A new key is published this long before it signs anything, longer than
 * the JWKS refetch cooldown of the other services' guards, so none of them
 * meets a `kid` it cannot fetch yet.
 */
export const KEY_PUBLICATION_LEAD_MS = 2 * 60_000;
/** Tolerance for clocks of replicas and services that disagree slightly. */
export const CLOCK_SKEW_MS = 60_000;

export function shouldRotate(newest: ScheduledKey | undefined, now: Date, rotationDays: number): boolean {
  return !newest || now.getTime() - newest.createdAt.getTime() >= rotationDays * 86_400_000;
}

/** The newest key that has been published for the lead time; on a first start, the only one. */
export function signingKeyOf<K extends ScheduledKey>(newestFirst: readonly K[], now: Date): K | undefined {
  const ripe = newestFirst.find((key) => now.getTime() - key.createdAt.getTime() >= KEY_PUBLICATION_LEAD_MS);
  return ripe ?? newestFirst.at(-1);
}

/**
 * The keys verifiers must still know: every key a token that has not expired
 * may be signed with. A key signs until its successor is past the lead
 * time, and its last token lives one access-token lifetime after that.
 */
export function publishedKeysOf<K extends ScheduledKey>(newestFirst: readonly K[], now: Date, accessTokenTtlSeconds: number): K[] {
  const retentionMs = KEY_PUBLICATION_LEAD_MS + accessTokenTtlSeconds * 1000 + CLOCK_SKEW_MS;
  return newestFirst.filter((_key, index) => {
    if (index === 0) return true;
    const successor = newestFirst[index - 1];
    return now.getTime() < successor.createdAt.getTime() + retentionMs;
  });
}
