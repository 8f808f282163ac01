import { Module } from '@nestjs/common';
import { GetScoringModelUseCase, SaveScoringModelUseCase } from '../scoring/application/scoring-model.use-cases';
import { MatchingController } from './api/matching.controller';
import { ListRoundsUseCase } from './application/list-rounds.use-case';
import { RunRoundUseCase } from './application/run-round.use-case';
import { WhatIfUseCase } from './application/what-if.use-case';
import { WhyNotUseCase } from './application/why-not.use-case';
import { RoundRunner } from './infrastructure/round-runner';

/** A programme's matching: its scoring model, rounds (in a worker thread), what-if runs and "why not X?". */
@Module({
  controllers: [MatchingController],
  providers: [RoundRunner, GetScoringModelUseCase, SaveScoringModelUseCase, RunRoundUseCase, ListRoundsUseCase, WhatIfUseCase, WhyNotUseCase],
})
export class RoundsModule {}
