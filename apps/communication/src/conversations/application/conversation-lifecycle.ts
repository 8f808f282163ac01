import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import type { EntityManager } from 'typeorm';
import { initialStatus } from '../domain/conversation';
import { ConversationEntity } from '../infrastructure/conversation.entity';
import { ConversationSignals } from '../infrastructure/conversation-signals';

/** What the pairs context knows of an accepted match when it opens its conversation. */
export interface PairForConversation {
  readonly matchId: string;
  readonly networkId: string;
  readonly programId: string;
  /** Null for someone already erased. */
  readonly mentorId: string | null;
  readonly menteeId: string | null;
  readonly active: boolean;
  readonly endReason: string | null;
  readonly since: Date;
}

/**
 * Opens and closes conversations as matching's events say (issue 6, item 1).
 * Both are idempotent: a redelivered or repeated event changes nothing.
 */
@Injectable()
export class ConversationLifecycle {
  constructor(private readonly signals: ConversationSignals) {}

  /** One conversation per match; a pair that already ended (or lost a person) gets it closed, history-only. */
  async openFor(manager: EntityManager, pair: PairForConversation): Promise<void> {
    const status = initialStatus(pair.active, pair);
    const closedReason = status === 'open' ? null : (pair.endReason ?? 'participant_erased');
    const inserted: Array<{ id: string }> = await manager.query(
      `INSERT INTO conversations (id, match_id, network_id, program_id, mentor_id, mentee_id, status, opened_at, closed_at, closed_reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (match_id) DO NOTHING
       RETURNING id`,
      [uuidv7(), pair.matchId, pair.networkId, pair.programId, pair.mentorId, pair.menteeId, status, pair.since, status === 'open' ? null : pair.since, closedReason],
    );
    if (inserted.length === 0) return;
    await this.signals.send(manager, {
      type: 'conversation',
      networkId: pair.networkId,
      conversationId: inserted[0].id,
      userIds: [pair.mentorId, pair.menteeId].filter((id): id is string => id !== null),
      status,
      reason: closedReason,
    });
  }

  /** Closed to new messages; the history stays readable by the two. */
  async closeFor(manager: EntityManager, matchId: string, at: Date, reason: string): Promise<void> {
    const conversation = await manager.findOne(ConversationEntity, { where: { matchId }, lock: { mode: 'pessimistic_write' } });
    if (!conversation || conversation.status === 'closed') return;
    await manager.update(ConversationEntity, { id: conversation.id }, { status: 'closed', closedAt: at, closedReason: reason });
    await this.signals.send(manager, {
      type: 'conversation',
      networkId: conversation.networkId,
      conversationId: conversation.id,
      userIds: [conversation.mentorId, conversation.menteeId].filter((id): id is string => id !== null),
      status: 'closed',
      reason,
    });
  }
}
