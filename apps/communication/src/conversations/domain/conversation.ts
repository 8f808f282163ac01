/**
 * The private conversation of one accepted match (PRODUCT.md, lifecycle step 4:
 * "An accepted match opens a private conversation"). Only its two
 * participants read it; an ended match closes it to new messages while its
 * history stays readable.
 */
export type ProgramRole = 'mentor' | 'mentee';
export const CONVERSATION_STATUSES = ['open', 'closed'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

export interface ConversationParticipants {
  /** Null once that person erased their account. */
  readonly mentorId: string | null;
  readonly menteeId: string | null;
}

/** The caller's side in the conversation, or null when they are not one of the two. */
export function roleIn(conversation: ConversationParticipants, userId: string): ProgramRole | null {
  if (conversation.mentorId === userId) return 'mentor';
  if (conversation.menteeId === userId) return 'mentee';
  return null;
}

export function otherRole(role: ProgramRole): ProgramRole {
  return role === 'mentor' ? 'mentee' : 'mentor';
}

/** A conversation opens only for a live pair with both people still there. */
export function initialStatus(pairActive: boolean, participants: ConversationParticipants): ConversationStatus {
  return pairActive && participants.mentorId !== null && participants.menteeId !== null ? 'open' : 'closed';
}

/**
 * Read receipts only move forward: marking an older message read (another
 * device catching up late) never makes newer ones unread again. Ids are
 * UUIDv7 in canonical lower case, so text order is creation order.
 */
export function advanceReadPointer(current: string | null, upTo: string): string {
  return current !== null && current >= upTo ? current : upTo;
}
