import { Module } from '@nestjs/common';
import { ConversationsModule } from '../conversations/conversations.module';
import { DirectoryModule } from '../directory/directory.module';
import { EndPairUseCase, OpenPairUseCase } from './application/pair-events.use-cases';
import { MatchAcceptedHandler, MatchEndedHandler } from './infrastructure/match-events.handler';
import { PairsUserErasedHandler } from './infrastructure/user-erased.handler';

/** Pairs of accepted matches, from matching's `match.accepted` and `match.ended`: each opens, then closes, its conversation. */
@Module({
  imports: [DirectoryModule, ConversationsModule],
  providers: [OpenPairUseCase, EndPairUseCase, MatchAcceptedHandler, MatchEndedHandler, PairsUserErasedHandler],
})
export class PairsModule {}
