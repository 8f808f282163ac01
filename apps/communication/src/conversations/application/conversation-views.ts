import type { ConversationStatus, ProgramRole } from '../domain/conversation';
import { otherRole, roleIn } from '../domain/conversation';
import { type ConversationEntity, readPointerOf } from '../infrastructure/conversation.entity';
import type { MessageEntity } from '../infrastructure/message.entity';

/** A message as its two participants see it, over HTTP and on the stream alike. */
export interface MessageView {
  readonly id: string;
  readonly conversationId: string;
  readonly senderRole: ProgramRole;
  /** Null once the sender erased their account. */
  readonly senderId: string | null;
  /** Sent by the viewer. */
  readonly mine: boolean;
  /** Null when erased: the thread shows "message removed". */
  readonly text: string | null;
  readonly erased: boolean;
  readonly length: number;
  readonly sentAt: string;
}

export interface ReadPointerView {
  readonly upTo: string | null;
  readonly at: string | null;
}

export interface ConversationView {
  readonly id: string;
  readonly matchId: string;
  readonly programId: string;
  readonly status: ConversationStatus;
  readonly closedReason: string | null;
  readonly openedAt: string;
  readonly closedAt: string | null;
  readonly myRole: ProgramRole;
  readonly counterpart: { readonly userId: string | null; readonly role: ProgramRole; readonly displayName: string | null };
  readonly lastMessageId: string | null;
  readonly lastMessageAt: string | null;
  /** Messages of the other side after the viewer's read receipt. */
  readonly unreadCount: number;
  readonly read: { readonly mine: ReadPointerView; readonly counterpart: ReadPointerView };
}

export type MessageRow = Pick<MessageEntity, 'id' | 'conversationId' | 'senderId' | 'senderRole' | 'text' | 'length' | 'sentAt' | 'erasedAt'>;

export function toMessageView(message: MessageRow, viewerId: string): MessageView {
  return {
    id: message.id,
    conversationId: message.conversationId,
    senderRole: message.senderRole,
    senderId: message.senderId,
    mine: message.senderId !== null && message.senderId === viewerId,
    text: message.erasedAt ? null : message.text,
    erased: message.erasedAt !== null,
    length: message.length,
    sentAt: message.sentAt.toISOString(),
  };
}

/** The viewer must be one of the two (callers check it first). */
export function toConversationView(
  conversation: ConversationEntity,
  viewerId: string,
  unreadCount: number,
  displayNames: ReadonlyMap<string, string>,
): ConversationView {
  const myRole = roleIn(conversation, viewerId);
  if (!myRole) throw new Error('toConversationView: the viewer is not a participant');
  const theirRole = otherRole(myRole);
  const counterpartId = theirRole === 'mentor' ? conversation.mentorId : conversation.menteeId;
  const pointer = (role: ProgramRole): ReadPointerView => {
    const { upTo, at } = readPointerOf(conversation, role);
    return { upTo, at: at?.toISOString() ?? null };
  };
  return {
    id: conversation.id,
    matchId: conversation.matchId,
    programId: conversation.programId,
    status: conversation.status,
    closedReason: conversation.closedReason,
    openedAt: conversation.openedAt.toISOString(),
    closedAt: conversation.closedAt?.toISOString() ?? null,
    myRole,
    counterpart: { userId: counterpartId, role: theirRole, displayName: counterpartId ? (displayNames.get(counterpartId) ?? null) : null },
    lastMessageId: conversation.lastMessageId,
    lastMessageAt: conversation.lastMessageAt?.toISOString() ?? null,
    unreadCount,
    read: { mine: pointer(myRole), counterpart: pointer(theirRole) },
  };
}
