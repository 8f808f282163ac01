/** The placeholder of `SESSION_VIDEO_URL_TEMPLATE` replaced by the room id. */
export const ROOM_PLACEHOLDER = '{room}';

/**
 * A video session's meeting link (issue 6, item 2: "a configurable provider
 * template … with an unguessable room id"). `randomBytes` must give 16
 * cryptographically random bytes: 128 bits, written in lower-case hex so any
 * provider accepts it in a path.
 */
export function meetingLink(template: string, randomBytes: Uint8Array): string {
  if (randomBytes.length < 16) throw new Error('a room id needs at least 128 random bits');
  const room = Buffer.from(randomBytes).toString('hex');
  return template.split(ROOM_PLACEHOLDER).join(room);
}
