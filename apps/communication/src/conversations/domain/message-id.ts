/**
 * Message ids are UUIDv7, so the keyset cursor of a conversation's messages is
 * also their time order. Ids of one conversation are made strictly
 * increasing in commit order (each send holds the conversation's row lock),
 * even when replicas' clocks disagree by a few milliseconds: a message never
 * lands behind a page or a `Last-Event-ID` a client has already passed.
 */
export function timestampOf(uuidV7: string): number {
  return parseInt(uuidV7.replace(/-/g, '').slice(0, 12), 16);
}

/** The smallest UUIDv7 of a millisecond: every id created at or after `ms` is greater. */
export function uuidV7Floor(ms: number): string {
  const hex = Math.max(0, Math.floor(ms)).toString(16).padStart(12, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7000-8000-000000000000`;
}

/**
 * A fresh id from `generate`, unless it would not sort after `previous`; then
 * one from the millisecond after `previous` (`generate` takes that instant).
 */
export function nextMessageId(previous: string | null, generate: (msecs?: number) => string): string {
  const id = generate();
  if (previous === null || id > previous) return id;
  return generate(timestampOf(previous) + 1);
}
