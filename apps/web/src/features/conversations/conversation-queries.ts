import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ApiError } from '../../api/client';
import { useApi, useSession } from '../../app/session';
import {
  type Conversation,
  conversationKeys,
  type ConversationPage,
  mergeMessages,
  mergeThreads,
  type PendingMessage,
  receiveMessage,
  receiveRead,
  type Thread,
  updateConversation,
} from './conversation-cache';
import { ConversationFeed, type FeedStatus } from './conversation-feed';

const PAGE = 50;

/** A refusal the page can place (field issues), or a failure to reach the service. */
export class CallFailed extends Error {
  constructor(readonly error: ApiError | undefined) {
    super(error?.message ?? 'unreachable');
  }
}

/** The person's conversations (one per pair), with their unread counts. */
export function useConversations() {
  const api = useApi();
  return useQuery({
    queryKey: conversationKeys.list,
    queryFn: async (): Promise<ConversationPage> => {
      const { data, error } = await api.GET('/v1/conversations', { params: { query: { limit: 100 } } });
      if (!data) throw new CallFailed(error);
      return data;
    },
  });
}

export function useConversation(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: conversationKeys.one(id),
    queryFn: async (): Promise<Conversation> => {
      const { data, error } = await api.GET('/v1/conversations/{id}', { params: { path: { id } } });
      if (!data) throw new CallFailed(error);
      return data;
    },
    retry: (count, error) => !(error instanceof CallFailed && error.error && error.error.statusCode < 500) && count < 1,
  });
}

/**
 * The latest messages of a conversation, merged into what is already known
 * when stored (a refetch after a reconnection must drop neither what the
 * stream brought while it was on its way, nor the older pages read).
 */
export function useThread(id: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: conversationKeys.thread(id),
    queryFn: async (): Promise<Thread> => {
      const { data, error } = await api.GET('/v1/conversations/{id}/messages', { params: { path: { id }, query: { limit: PAGE } } });
      if (!data) throw new CallFailed(error);
      const known = queryClient.getQueryData<Thread>(conversationKeys.thread(id));
      return { messages: mergeMessages([], data.items), olderCursor: known ? known.olderCursor : data.nextCursor };
    },
    structuralSharing: (known, incoming) => mergeThreads(known as Thread | undefined, incoming as Thread),
    retry: (count, error) => !(error instanceof CallFailed && error.error && error.error.statusCode < 500) && count < 1,
  });
}

/** The page before the oldest message shown. */
export function useOlderMessages(id: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (cursor: string) => {
      const { data, error } = await api.GET('/v1/conversations/{id}/messages', { params: { path: { id }, query: { limit: PAGE, cursor } } });
      if (!data) throw new CallFailed(error);
      return data;
    },
    onSuccess: (page) =>
      queryClient.setQueryData<Thread>(conversationKeys.thread(id), (thread) => thread && { ...thread, messages: mergeMessages(thread.messages, page.items), olderCursor: page.nextCursor }),
  });
}

let pendingCounter = 0;

/** The messages being sent in a conversation. */
export function usePending(id: string): readonly PendingMessage[] {
  // Never fetched: only sending writes it, so no refetch can drop a message on its way.
  return useQuery<PendingMessage[]>({ queryKey: conversationKeys.pending(id), queryFn: () => [], enabled: false, gcTime: Infinity }).data ?? [];
}

/**
 * Sending: the message shows at once as on its way, and the server's copy
 * takes its place (by the send's answer or the stream, whichever comes
 * first). Offline, the send waits for the connection; a failure keeps the
 * text, to send again or to take back into the composer.
 */
export function useSendMessage(id: string, onRefused: (text: string, error: ApiError) => void) {
  const api = useApi();
  const queryClient = useQueryClient();
  const key = conversationKeys.pending(id);
  const setPending = (change: (pending: PendingMessage[]) => PendingMessage[]) => queryClient.setQueryData<PendingMessage[]>(key, (pending) => change(pending ?? []));
  const mutation = useMutation({
    mutationFn: async ({ text }: { text: string; pendingKey: string }) => {
      const { data, error } = await api.POST('/v1/conversations/{id}/messages', { params: { path: { id } }, body: { text } });
      if (!data) throw new CallFailed(error);
      return data;
    },
    onSuccess: (message, { pendingKey }) => receiveMessage(queryClient, message, pendingKey),
    onError: (failure, { text, pendingKey }) => {
      const refusal = failure instanceof CallFailed ? failure.error : undefined;
      if (refusal && refusal.statusCode < 500) {
        setPending((pending) => pending.filter((entry) => entry.key !== pendingKey));
        onRefused(text, refusal);
        if (refusal.statusCode === 409) void queryClient.invalidateQueries({ queryKey: conversationKeys.one(id) });
      } else {
        setPending((pending) => pending.map((entry) => (entry.key === pendingKey ? { ...entry, failed: true } : entry)));
      }
    },
  });
  return {
    send(text: string) {
      const pendingKey = `pending-${++pendingCounter}`;
      setPending((pending) => [...pending, { key: pendingKey, text, failed: false }]);
      mutation.mutate({ text, pendingKey });
    },
    retry(pendingKey: string) {
      const entry = queryClient.getQueryData<PendingMessage[]>(key)?.find((pending) => pending.key === pendingKey);
      if (!entry) return;
      setPending((pending) => pending.map((other) => (other.key === pendingKey ? { ...other, failed: false } : other)));
      mutation.mutate({ text: entry.text, pendingKey });
    },
    discard(pendingKey: string) {
      setPending((pending) => pending.filter((other) => other.key !== pendingKey));
    },
  };
}

/** Marks the conversation read up to `upTo`; the other participant sees it. */
export function useMarkRead(id: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (upTo: string) => {
      const { data, error } = await api.POST('/v1/conversations/{id}/read', { params: { path: { id } }, body: { upTo } });
      if (!data) throw new CallFailed(error);
      return data;
    },
    onSuccess: (receipt) =>
      updateConversation(queryClient, id, (conversation) => ({
        ...conversation,
        unreadCount: receipt.unreadCount,
        read: { ...conversation.read, mine: { upTo: receipt.upTo, at: receipt.readAt } },
      })),
  });
}

/** The live stream of the person's conversations, feeding the query cache while the messaging pages are open. */
export function useConversationFeed(): FeedStatus {
  const { keeper } = useSession();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<FeedStatus>('connecting');
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const feed = new ConversationFeed(keeper, {
      ready: () => void queryClient.invalidateQueries({ queryKey: conversationKeys.all, predicate: (query) => query.queryKey[1] !== 'pending' }),
      message: (message) => receiveMessage(queryClient, message),
      read: (event) => receiveRead(queryClient, event),
      conversation: (conversationId) => {
        void queryClient.invalidateQueries({ queryKey: conversationKeys.list });
        void queryClient.invalidateQueries({ queryKey: conversationKeys.one(conversationId) });
      },
      status: setStatus,
    });
    feed.start();
    return () => feed.stop();
  }, [keeper, queryClient]);
  return status;
}
