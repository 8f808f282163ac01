import { Module } from '@nestjs/common';
import { MatchesController } from './api/matches.controller';
import { AcceptMatchUseCase, DeclineMatchUseCase } from './application/answer-match.use-cases';
import { CancelMatchUseCase, EndMatchUseCase } from './application/close-match.use-cases';
import { CreateMatchUseCase } from './application/create-match.use-case';
import { MatchCloser } from './application/match-closer';
import { GetMatchUseCase, ListMatchesUseCase } from './application/read-matches.use-cases';

/** Matches and their lifecycle: proposed → active, declined, ended; manual creation and cancellation. */
@Module({
  controllers: [MatchesController],
  providers: [MatchCloser, ListMatchesUseCase, GetMatchUseCase, CreateMatchUseCase, AcceptMatchUseCase, DeclineMatchUseCase, EndMatchUseCase, CancelMatchUseCase],
  exports: [MatchCloser],
})
export class MatchesModule {}
