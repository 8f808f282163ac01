import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@passerelle/platform/auth';
import { invalidField } from '@passerelle/platform/http';
import { DataSource } from 'typeorm';
import { advanceReadPointer } from '../domain/conversation';
import { ConversationEntity, readPointerOf } from '../infrastructure/conversation.entity';
import { ConversationSignals } from '../infrastructure/conversation-signals';
import { MessageEntity } from '../infrastructure/message.entity';
import { loadOwnConversation, unreadCounts } from './conversation-access';

export interface ReadReceiptView {
  readonly conversationId: string;
  readonly upTo: string;
  readonly readAt: string;
  readonly unreadCount: number;
}

/**
 * A participant's read receipt: everything up to and including `upTo` is
 * read. It only moves forward; the other participant's streams hear of it.
 * Works on closed conversations too: reading history is still reading.
 */
@Injectable()
export class MarkReadUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly signals: ConversationSignals,
  ) {}

  async execute(caller: AuthUser, conversationId: string, upTo: string): Promise<ReadReceiptView> {
    return this.dataSource.transaction(async (manager) => {
      const { conversation, role } = await loadOwnConversation(manager, caller, conversationId, { lock: true });
      const message = await manager.findOneBy(MessageEntity, { id: upTo, conversationId: conversation.id });
      if (!message) throw invalidField('upTo', 'does not name a message of this conversation');
      const current = readPointerOf(conversation, role);
      const next = advanceReadPointer(current.upTo, upTo);
      let readAt = current.at ?? new Date();
      if (next !== current.upTo) {
        readAt = new Date();
        const pointer = role === 'mentor' ? { mentorReadUpTo: next, mentorReadAt: readAt } : { menteeReadUpTo: next, menteeReadAt: readAt };
        await manager.update(ConversationEntity, { id: conversation.id }, pointer);
        await this.signals.send(manager, {
          type: 'read',
          networkId: conversation.networkId,
          conversationId: conversation.id,
          userIds: [conversation.mentorId, conversation.menteeId].filter((id): id is string => id !== null),
          role,
          upTo: next,
          readAt: readAt.toISOString(),
        });
      }
      const unread = await unreadCounts(manager, caller.userId, [conversation.id]);
      return { conversationId: conversation.id, upTo: next, readAt: readAt.toISOString(), unreadCount: unread.get(conversation.id) ?? 0 };
    });
  }
}
