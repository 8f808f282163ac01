import { Injectable } from '@nestjs/common';
import { type EventEnvelope, type UserErasedData, userErased } from '@passerelle/contracts';
import { type EventHandler, HandlesEvent } from '@passerelle/platform/inbox';
import { type EntityManager, In } from 'typeorm';
import { ConversationEntity } from './conversation.entity';
import { ConversationSignals } from './conversation-signals';

/**
 * GDPR erasure (issue 6, item 8): the text of every message the person sent
 * is removed (the row stays, flagged, so the other participant's thread
 * shows "message removed" in its place and the counts stay right); their id
 * leaves the conversations, which close since nobody is there to answer; the
 * published `message.sent` rows of those conversations leave the outbox.
 * The messages they received are the other participant's and stay.
 */
@Injectable()
@HandlesEvent(userErased)
export class ConversationsUserErasedHandler implements EventHandler<UserErasedData> {
  constructor(private readonly signals: ConversationSignals) {}

  async handle(event: EventEnvelope<UserErasedData>, manager: EntityManager): Promise<void> {
    const { userId, networkId, erasedAt } = event.data;
    const at = new Date(erasedAt);
    const conversations = await manager.find(ConversationEntity, {
      where: [
        { networkId, mentorId: userId },
        { networkId, menteeId: userId },
      ],
      lock: { mode: 'pessimistic_write' },
    });
    const ids = conversations.map((conversation) => conversation.id);
    if (ids.length > 0) {
      const open = conversations.filter((conversation) => conversation.status === 'open');
      if (open.length > 0) {
        await manager.update(ConversationEntity, { id: In(open.map((c) => c.id)) }, { status: 'closed', closedAt: at, closedReason: 'participant_erased' });
      }
      await manager.update(ConversationEntity, { id: In(ids), mentorId: userId }, { mentorId: null, mentorReadUpTo: null, mentorReadAt: null });
      await manager.update(ConversationEntity, { id: In(ids), menteeId: userId }, { menteeId: null, menteeReadUpTo: null, menteeReadAt: null });
      await manager.query('DELETE FROM outbox WHERE published_at IS NOT NULL AND message_key = ANY($1::text[])', [ids]);
      for (const conversation of open) {
        const counterpart = conversation.mentorId === userId ? conversation.menteeId : conversation.mentorId;
        if (!counterpart) continue;
        await this.signals.send(manager, {
          type: 'conversation',
          networkId,
          conversationId: conversation.id,
          userIds: [counterpart],
          status: 'closed',
          reason: 'participant_erased',
        });
      }
    }
    // By sender, not by conversation: the text goes wherever it was written.
    await manager.query('UPDATE messages SET text = NULL, sender_id = NULL, erased_at = $3 WHERE sender_id = $1 AND network_id = $2', [userId, networkId, at]);
    await this.signals.send(manager, { type: 'erased', networkId, userIds: [userId] });
  }
}
