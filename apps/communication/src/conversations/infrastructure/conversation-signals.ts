import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ConversationStatus, ProgramRole } from '../domain/conversation';

/** The PostgreSQL channel every replica listens on for live conversation changes. */
export const CONVERSATION_CHANNEL = 'passerelle_conversations';

/**
 * What a replica tells the others (and itself) after a commit, so each can
 * push it to the streams it holds. Ids only: NOTIFY payloads are limited to
 * 8000 bytes, and the text stays in the table, read by whoever delivers it.
 */
export type ConversationSignal =
  | { readonly type: 'message'; readonly networkId: string; readonly conversationId: string; readonly messageId: string; readonly userIds: string[] }
  | {
      readonly type: 'read';
      readonly networkId: string;
      readonly conversationId: string;
      readonly userIds: string[];
      readonly role: ProgramRole;
      readonly upTo: string;
      readonly readAt: string;
    }
  | {
      readonly type: 'conversation';
      readonly networkId: string;
      readonly conversationId: string;
      readonly userIds: string[];
      readonly status: ConversationStatus;
      readonly reason: string | null;
    }
  | { readonly type: 'erased'; readonly networkId: string; readonly userIds: string[] };

const TYPES = new Set(['message', 'read', 'conversation', 'erased']);

/** Queues a signal in the caller's transaction: PostgreSQL delivers it on commit, and never for a rollback. */
@Injectable()
export class ConversationSignals {
  async send(manager: EntityManager, signal: ConversationSignal): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) throw new Error(`conversation signal ${signal.type} must be sent inside a transaction`);
    await manager.query('SELECT pg_notify($1, $2)', [CONVERSATION_CHANNEL, JSON.stringify(signal)]);
  }
}

/** A payload from the channel, or undefined for anything that is not one of ours. */
export function parseSignal(payload: string | undefined): ConversationSignal | undefined {
  if (!payload) return undefined;
  try {
    const value = JSON.parse(payload) as Partial<ConversationSignal>;
    if (typeof value !== 'object' || value === null || !TYPES.has(value.type as string)) return undefined;
    if (typeof value.networkId !== 'string' || !Array.isArray(value.userIds)) return undefined;
    return value as ConversationSignal;
  } catch {
    return undefined;
  }
}
