import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module';
import { ConversationsController, ConversationStreamController } from './api/conversations.controller';
import { streamTokenFromQuery } from './api/stream-token.middleware';
import { ConversationLifecycle } from './application/conversation-lifecycle';
import { ConversationStreams } from './application/conversation-streams';
import { MarkReadUseCase } from './application/mark-read.use-case';
import { GetConversationUseCase, ListConversationsUseCase, ListMessagesUseCase } from './application/read-conversations.use-cases';
import { SendMessageUseCase } from './application/send-message.use-case';
import { ConversationSignalListener } from './infrastructure/conversation-signal.listener';
import { ConversationSignals } from './infrastructure/conversation-signals';
import { ConversationsUserErasedHandler } from './infrastructure/user-erased.handler';

/** The private conversation of each pair: messages, read receipts, live delivery over SSE, erasure of texts. */
@Module({
  imports: [DirectoryModule],
  // The stream controller first: its fixed path must be matched before `:id`.
  controllers: [ConversationStreamController, ConversationsController],
  providers: [
    ConversationSignals,
    ConversationSignalListener,
    ConversationStreams,
    ConversationLifecycle,
    ListConversationsUseCase,
    GetConversationUseCase,
    ListMessagesUseCase,
    SendMessageUseCase,
    MarkReadUseCase,
    ConversationsUserErasedHandler,
  ],
  exports: [ConversationLifecycle],
})
export class ConversationsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(streamTokenFromQuery).forRoutes({ path: 'v1/conversations/stream', method: RequestMethod.GET });
  }
}
