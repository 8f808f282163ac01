import type { QueryClient } from '@tanstack/react-query';
import type { components } from '../../api/types/communication';

export type Message = components['schemas']['MessageResponse'];
export type Conversation = components['schemas']['ConversationResponse'];
export type ConversationPage = components['schemas']['ConversationPageResponse'];

/** A message on its way: shown at once, replaced by the server's copy when it is known. */
export interface PendingMessage {
  readonly key: string;
  readonly text: string;
  readonly failed: boolean;
}

/** One conversation's thread as the page shows it: the messages known, oldest first. */
export interface Thread {
  readonly messages: readonly Message[];
  /** Where the older history continues (null: the first message is here). */
  readonly olderCursor: string | null;
}

export const conversationKeys = {
  all: ['conversations'] as const,
  list: ['conversations', 'list'] as const,
  one: (id: string) => ['conversations', 'one', id] as const,
  thread: (id: string) => ['conversations', 'thread', id] as const,
  /** Kept apart from the thread: a refetch of the thread must never bring back or lose a message on its way. */
  pending: (id: string) => ['conversations', 'pending', id] as const,
};

/**
 * The messages of both lists, once each, in the order they were sent. A
 * message's id grows with every message of its conversation (the server
 * orders them so), so the id is both the identity and the order: a message
 * that came by the live stream and again in a page is kept once.
 */
export function mergeMessages(known: readonly Message[], incoming: readonly Message[]): Message[] {
  const byId = new Map<string, Message>();
  for (const message of [...known, ...incoming]) byId.set(message.id, message);
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * What a thread becomes when a newer copy of it arrives (a page fetched, a
 * message received): the union of both, so that a page answered before a
 * message came by the stream, but stored after it, does not lose it.
 */
export function mergeThreads(known: Thread | undefined, incoming: Thread): Thread {
  return known ? { messages: mergeMessages(known.messages, incoming.messages), olderCursor: incoming.olderCursor } : incoming;
}

/**
 * The messages still on their way once `message` is known. The send's own
 * answer settles its entry (`pendingKey`); one of the viewer's messages
 * arriving first by the stream stands in for the first entry of the same
 * text, which would otherwise show twice until the answer comes.
 */
export function settlePending(pending: readonly PendingMessage[], message: Message, pendingKey?: string): PendingMessage[] {
  if (pendingKey) return pending.filter((entry) => entry.key !== pendingKey);
  if (!message.mine) return [...pending];
  const index = pending.findIndex((entry) => entry.text.trim() === message.text);
  return index < 0 ? [...pending] : [...pending.slice(0, index), ...pending.slice(index + 1)];
}

/** The conversation in the list and on its page, changed the same way. */
export function updateConversation(queryClient: QueryClient, id: string, change: (conversation: Conversation) => Conversation): void {
  queryClient.setQueryData<Conversation>(conversationKeys.one(id), (conversation) => conversation && change(conversation));
  queryClient.setQueryData<ConversationPage>(conversationKeys.list, (page) =>
    page && { ...page, items: page.items.map((conversation) => (conversation.id === id ? change(conversation) : conversation)) },
  );
}

/**
 * A message received (by the stream, or as the answer to sending it with
 * its `pendingKey`): into the thread if its page has it, and into
 * the conversation's last activity and unread count. A message at or before
 * the last one the list knows is not counted again (a replay after a
 * reconnection sends what may already be known).
 */
export function receiveMessage(queryClient: QueryClient, message: Message, pendingKey?: string): void {
  const threadKey = conversationKeys.thread(message.conversationId);
  const known = queryClient.getQueryData<Thread>(threadKey)?.messages.some((entry) => entry.id === message.id) ?? false;
  queryClient.setQueryData<Thread>(threadKey, (thread) => thread && { messages: mergeMessages(thread.messages, [message]), olderCursor: thread.olderCursor });
  if (!known || pendingKey) {
    queryClient.setQueryData<PendingMessage[]>(conversationKeys.pending(message.conversationId), (pending) => pending && settlePending(pending, message, pendingKey));
  }
  const listed = queryClient.getQueryData<ConversationPage>(conversationKeys.list)?.items.some((conversation) => conversation.id === message.conversationId);
  if (!listed) void queryClient.invalidateQueries({ queryKey: conversationKeys.list });
  updateConversation(queryClient, message.conversationId, (conversation) => {
    if (conversation.lastMessageId && message.id <= conversation.lastMessageId) return conversation;
    return {
      ...conversation,
      lastMessageId: message.id,
      lastMessageAt: message.sentAt,
      unreadCount: message.mine ? 0 : conversation.unreadCount + 1,
    };
  });
}

export interface ReadEvent {
  readonly conversationId: string;
  readonly role: 'mentor' | 'mentee';
  readonly upTo: string;
  readonly readAt: string;
}

/** A read receipt the stream brings: the other participant's shows as "read"; the viewer's own (from another tab) clears the unread count. */
export function receiveRead(queryClient: QueryClient, event: ReadEvent): void {
  updateConversation(queryClient, event.conversationId, (conversation) => {
    const pointer = { upTo: event.upTo, at: event.readAt };
    if (event.role !== conversation.myRole) return { ...conversation, read: { ...conversation.read, counterpart: pointer } };
    const readAll = !conversation.lastMessageId || event.upTo >= conversation.lastMessageId;
    return { ...conversation, read: { ...conversation.read, mine: pointer }, unreadCount: readAll ? 0 : conversation.unreadCount };
  });
}
