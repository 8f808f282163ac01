import { Injectable } from '@nestjs/common';
import { messageSent } from '@passerelle/contracts';
import type { AuthUser } from '@passerelle/platform/auth';
import { invalidField } from '@passerelle/platform/http';
import { OutboxWriter } from '@passerelle/platform/outbox';
import { v7 as uuidv7 } from 'uuid';
import { DataSource } from 'typeorm';
import { nextMessageId } from '../domain/message-id';
import { checkMessageText } from '../domain/message-text';
import { ConversationEntity } from '../infrastructure/conversation.entity';
import { ConversationSignals } from '../infrastructure/conversation-signals';
import { MessageEntity } from '../infrastructure/message.entity';
import { conversationClosed, loadOwnConversation } from './conversation-access';
import { type MessageView, toMessageView } from './conversation-views';

/**
 * A participant writes in their open conversation. In one transaction: the
 * message, the conversation's last activity and the sender's read receipt
 * (answering means having read what came before, as in any messenger),
 * `message.sent` in the outbox (metadata only: PRODUCT.md forbids the text
 * in events) and the signal that wakes every replica's streams.
 */
@Injectable()
export class SendMessageUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly signals: ConversationSignals,
  ) {}

  async execute(caller: AuthUser, conversationId: string, rawText: string): Promise<MessageView> {
    const checked = checkMessageText(rawText);
    if (!checked.ok) throw invalidField('text', checked.issue);
    return this.dataSource.transaction(async (manager) => {
      // The row lock orders the conversation's messages: ids grow in commit order.
      const { conversation, role } = await loadOwnConversation(manager, caller, conversationId, { lock: true });
      const { mentorId, menteeId } = conversation;
      if (conversation.status !== 'open' || !mentorId || !menteeId) throw conversationClosed(conversation.closedReason);
      const sentAt = new Date();
      const message = manager.create(MessageEntity, {
        id: nextMessageId(conversation.lastMessageId, (msecs) => uuidv7(msecs === undefined ? undefined : { msecs })),
        conversationId: conversation.id,
        networkId: conversation.networkId,
        senderId: caller.userId,
        senderRole: role,
        text: checked.text,
        length: checked.length,
        sentAt,
        erasedAt: null,
      });
      await manager.insert(MessageEntity, message);
      const ownPointer = role === 'mentor' ? { mentorReadUpTo: message.id, mentorReadAt: sentAt } : { menteeReadUpTo: message.id, menteeReadAt: sentAt };
      await manager.update(ConversationEntity, { id: conversation.id }, { lastMessageId: message.id, lastMessageAt: sentAt, ...ownPointer });
      await this.outbox.append(manager, messageSent, {
        messageId: message.id,
        conversationId: conversation.id,
        networkId: conversation.networkId,
        programId: conversation.programId,
        matchId: conversation.matchId,
        mentorId,
        menteeId,
        senderId: caller.userId,
        senderRole: role,
        length: checked.length,
        sentAt: sentAt.toISOString(),
      });
      await this.signals.send(manager, {
        type: 'message',
        networkId: conversation.networkId,
        conversationId: conversation.id,
        messageId: message.id,
        userIds: [mentorId, menteeId],
      });
      return toMessageView(message, caller.userId);
    });
  }
}
