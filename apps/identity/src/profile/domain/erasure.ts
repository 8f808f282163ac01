/**
 * What an erased account keeps. The users row stays (other tables and other
 * services reference the id, and aggregates count it) but nothing in it
 * names the person: the address becomes a placeholder that is unique per
 * user (so the per-network uniqueness of e-mails holds) and can never
 * receive mail (`.invalid` is reserved, RFC 2606).
 */
export const ERASED_DISPLAY_NAME = 'Erased user';

export function erasedEmail(userId: string): string {
  return `erased+${userId}@invalid`;
}
