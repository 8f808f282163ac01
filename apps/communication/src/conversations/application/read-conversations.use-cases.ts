import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@passerelle/platform/auth';
import { Brackets, DataSource } from 'typeorm';
import { DirectoryLookup } from '../../directory/application/directory-lookup';
import type { ConversationStatus } from '../domain/conversation';
import { ConversationEntity } from '../infrastructure/conversation.entity';
import { MessageEntity } from '../infrastructure/message.entity';
import { loadOwnConversation, unreadCounts } from './conversation-access';
import { type ConversationView, type MessageView, toConversationView, toMessageView } from './conversation-views';

export interface Page<T> {
  readonly items: T[];
  readonly nextCursor: string | null;
}

/** The caller's own conversations, oldest first (keyset on the UUIDv7 id), with unread counts. */
@Injectable()
export class ListConversationsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: DirectoryLookup,
  ) {}

  async execute(caller: AuthUser, query: { limit: number; cursor?: string; status?: ConversationStatus }): Promise<Page<ConversationView>> {
    if (caller.kind !== 'user') return { items: [], nextCursor: null };
    const builder = this.dataSource
      .getRepository(ConversationEntity)
      .createQueryBuilder('c')
      .where('c.network_id = :networkId', { networkId: caller.networkId })
      .andWhere(new Brackets((own) => own.where('c.mentor_id = :me', { me: caller.userId }).orWhere('c.mentee_id = :me', { me: caller.userId })));
    if (query.status) builder.andWhere('c.status = :status', { status: query.status });
    if (query.cursor) builder.andWhere('c.id > :cursor', { cursor: query.cursor });
    const rows = await builder.orderBy('c.id', 'ASC').take(query.limit + 1).getMany();
    const page = rows.slice(0, query.limit);
    const [unread, names] = await Promise.all([
      unreadCounts(this.dataSource.manager, caller.userId, page.map((row) => row.id)),
      this.directory.displayNames(page.flatMap((row) => [row.mentorId, row.menteeId]).filter((id): id is string => id !== null)),
    ]);
    return {
      items: page.map((row) => toConversationView(row, caller.userId, unread.get(row.id) ?? 0, names)),
      nextCursor: rows.length > query.limit ? page[page.length - 1].id : null,
    };
  }
}

@Injectable()
export class GetConversationUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: DirectoryLookup,
  ) {}

  async execute(caller: AuthUser, id: string): Promise<ConversationView> {
    const { conversation } = await loadOwnConversation(this.dataSource.manager, caller, id);
    const [unread, names] = await Promise.all([
      unreadCounts(this.dataSource.manager, caller.userId, [conversation.id]),
      this.directory.displayNames([conversation.mentorId, conversation.menteeId].filter((userId): userId is string => userId !== null)),
    ]);
    return toConversationView(conversation, caller.userId, unread.get(conversation.id) ?? 0, names);
  }
}

/**
 * A conversation's messages, newest first: the first page is the latest
 * messages, and `nextCursor` (the oldest id of the page) leads further back.
 * Closed conversations stay readable.
 */
@Injectable()
export class ListMessagesUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(caller: AuthUser, id: string, query: { limit: number; cursor?: string }): Promise<Page<MessageView>> {
    const { conversation } = await loadOwnConversation(this.dataSource.manager, caller, id);
    const builder = this.dataSource.getRepository(MessageEntity).createQueryBuilder('m').where('m.conversation_id = :id', { id: conversation.id });
    if (query.cursor) builder.andWhere('m.id < :cursor', { cursor: query.cursor });
    const rows = await builder.orderBy('m.id', 'DESC').take(query.limit + 1).getMany();
    const page = rows.slice(0, query.limit);
    return {
      items: page.map((message) => toMessageView(message, caller.userId)),
      nextCursor: rows.length > query.limit ? page[page.length - 1].id : null,
    };
  }
}
